import { NextResponse, type NextRequest } from "next/server";
import { adminGate } from "@/lib/admin/proxy";
import { iracingCachedPages } from "@/lib/iracing/ui/page-queries";
import { raceroomCachedPages } from "@/lib/raceroom/ui/page-queries";
import { cachedViewTarget } from "@/lib/ui/cached-view";

const cachedPages = [...raceroomCachedPages, ...iracingCachedPages];

/** Runs before routing: the admin area is gated (lib/admin/proxy.ts); cached pages are sent to their view (lib/ui/cached-view.ts). */
export function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/admin")) return adminGate(request);
  const target = cachedViewTarget(request.nextUrl, cachedPages);
  return target ? NextResponse.rewrite(target) : NextResponse.next();
}

export const config = {
  matcher: ["/admin/:path*", "/raceroom", "/raceroom/:path*", "/iracing", "/iracing/:path*"],
};
