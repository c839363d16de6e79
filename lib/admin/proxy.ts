import { NextResponse, type NextRequest } from "next/server";
import { adminConfig } from "./config";
import { ADMIN_COOKIE, LOGIN_PATH, loginPath } from "./paths";
import { verifySession } from "./session";

/** Admin paths that answer for themselves: the login page, and JSON that says 401 instead of redirecting. */
const open = [LOGIN_PATH, "/admin/live"];

/**
 * The first gate for /admin/**: visitors without a valid session are sent to the login page before
 * anything renders. Pages, queries and server actions check the session again themselves.
 */
export function adminGate(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  if (open.some((path) => pathname === path || pathname.startsWith(`${path}/`))) return NextResponse.next();
  const config = adminConfig();
  const token = request.cookies.get(ADMIN_COOKIE)?.value;
  if (config.enabled && verifySession(token, config.key)) return NextResponse.next();
  return NextResponse.redirect(new URL(loginPath(pathname + search), request.url));
}
