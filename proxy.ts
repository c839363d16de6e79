import type { NextRequest } from "next/server";
import { adminGate } from "@/lib/admin/proxy";

/** Runs before routing; only the admin area is gated here (see lib/admin/proxy.ts). */
export function proxy(request: NextRequest) {
  return adminGate(request);
}

export const config = {
  matcher: ["/admin/:path*"],
};
