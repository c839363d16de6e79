import { NextResponse, type NextRequest } from "next/server";
import { adminGate } from "@/lib/admin/proxy";
import { cachedPages } from "@/lib/site/cached-pages";
import { cachedViewTarget } from "@/lib/ui/cached-view";

/** Runs before routing: the admin area is gated (lib/admin/proxy.ts); cached pages are sent to their view (lib/ui/cached-view.ts). */
export function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/admin")) return adminGate(request);
  const target = cachedViewTarget(request.nextUrl, cachedPages);
  return target ? NextResponse.rewrite(target) : NextResponse.next();
}

// The matcher must be written out (Next reads it at build time): the admin area and the sections with cached pages.
export const config = {
  matcher: ["/admin/:path*", "/", "/home/:path*", "/raceroom", "/raceroom/:path*", "/iracing", "/iracing/:path*", "/endurance", "/endurance/:path*", "/f1", "/f1/live/:path*"],
};
