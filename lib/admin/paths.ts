/** The admin session cookie; scoped to /admin so no other page ever receives it. */
export const ADMIN_COOKIE = "pitwall_admin";

export const LOGIN_PATH = "/admin/login";

export function loginPath(returnTo: string): string {
  const target = safeReturnPath(returnTo);
  return target === "/admin" ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(target)}`;
}

/**
 * Where to go after logging in: only a path inside the admin area, so a crafted `?next=` can never
 * send someone to another site (`//evil.example`, `/\evil.example`) or back to the login page.
 */
export function safeReturnPath(next: string | null | undefined): string {
  if (!next || !/^\/admin(?:[/?#]|$)/.test(next) || /[\\\s]|\/\//.test(next)) return "/admin";
  if (next === LOGIN_PATH || next.startsWith(`${LOGIN_PATH}?`) || next.startsWith(`${LOGIN_PATH}/`)) return "/admin";
  return next;
}
