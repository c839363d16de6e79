import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/client-address";
import { adminConfig } from "./config";
import { ADMIN_COOKIE, loginPath } from "./paths";
import { isRevoked, revokeSession } from "./revocations";
import { SESSION_TTL_SECONDS, signSession, verifySession, type AdminSession } from "./session";

/** The admin session of the current request, or null: signature, expiry and logout are checked every time. */
export async function currentAdminSession(): Promise<AdminSession | null> {
  // Cookies first, even when the admin area is disabled: it marks every admin page as per-request, never prerendered.
  const token = (await cookies()).get(ADMIN_COOKIE)?.value;
  const config = adminConfig();
  if (!config.enabled) return null;
  const session = verifySession(token, config.key);
  return session && !(await isRevoked(session)) ? session : null;
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

/** Logs out: the session is revoked on the server (a copy of the cookie stops working too) and the cookie deleted. */
export async function endAdminSession(): Promise<void> {
  const session = await currentAdminSession();
  if (session) await revokeSession(session);
  (await cookies()).delete({ name: ADMIN_COOKIE, path: "/admin" });
}

/** Who is trying to log in, for the rate limit: the same client address the API limit uses. */
export async function loginClientKey(): Promise<string> {
  return clientAddress(await headers());
}
