import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { adminConfig } from "./config";
import { ADMIN_COOKIE, loginPath } from "./paths";
import { SESSION_TTL_SECONDS, signSession, verifySession, type AdminSession } from "./session";

/** The admin session of the current request, or null: signature and expiry are checked every time. */
export async function currentAdminSession(): Promise<AdminSession | null> {
  // Cookies first, even when the admin area is disabled: it marks every admin page as per-request, never prerendered.
  const token = (await cookies()).get(ADMIN_COOKIE)?.value;
  const config = adminConfig();
  if (!config.enabled) return null;
  return verifySession(token, config.key);
}

/**
 * The gate for every admin page, query and server action: without a valid session the visitor
 * goes to the login page, and comes back to `returnTo` afterwards.
 */
export async function requireAdmin(returnTo = "/admin"): Promise<AdminSession> {
  const session = await currentAdminSession();
  if (!session) redirect(loginPath(returnTo));
  return session;
}

/** Sets a fresh session cookie (after a successful login). */
export async function startAdminSession(key: Buffer): Promise<void> {
  const secure = (await headers()).get("x-forwarded-proto") === "https";
  (await cookies()).set(ADMIN_COOKIE, signSession(key), {
    httpOnly: true,
    sameSite: "strict",
    secure,
    path: "/admin",
    maxAge: SESSION_TTL_SECONDS,
  });
}

export async function endAdminSession(): Promise<void> {
  (await cookies()).delete({ name: ADMIN_COOKIE, path: "/admin" });
}

/**
 * Who is trying to log in, for the rate limit. The right-most X-Forwarded-For entry is the one the
 * nearest proxy (or Next itself) added; entries to its left are whatever the client sent.
 */
export async function loginClientKey(): Promise<string> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",").map((part) => part.trim()).filter(Boolean);
  return forwarded?.at(-1) ?? h.get("x-real-ip") ?? "unknown";
}
