import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** How long an admin stays logged in without logging in again. */
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

const VERSION = "v1";

export interface AdminSession {
  /** The session's own random part: what logging out revokes. */
  id: string;
  issuedAt: Date;
  expiresAt: Date;
}

/**
 * The signing key: SESSION_SECRET bound to the current ADMIN_PASSWORD, so that changing the
 * password ends every open session.
 */
export function sessionKey(secret: string, password: string): Buffer {
  return createHmac("sha256", secret).update("pitwall-admin-session\0").update(sha256(password)).digest();
}

/** A cookie value `v1.<issued>.<expires>.<nonce>.<hmac>`: readable, but forging or extending it needs the key. */
export function signSession(key: Buffer, now: Date = new Date(), ttlSeconds: number = SESSION_TTL_SECONDS): string {
  const issued = Math.floor(now.getTime() / 1000);
  const body = `${VERSION}.${issued}.${issued + ttlSeconds}.${randomBytes(12).toString("base64url")}`;
  return `${body}.${mac(key, body)}`;
}

/** The session a cookie value stands for, or null when it is malformed, tampered with or expired. */
export function verifySession(token: string | undefined, key: Buffer, now: Date = new Date()): AdminSession | null {
  if (!token) return null;
  const parts = token.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION) return null;
  const body = parts.slice(0, 4).join(".");
  // Compared as text: decoding first would accept other spellings of the same bytes (base64's spare bits).
  const given = Buffer.from(parts[4] ?? "", "utf8");
  const expected = Buffer.from(mac(key, body), "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const issued = Number(parts[1]);
  const expires = Number(parts[2]);
  if (!Number.isSafeInteger(issued) || !Number.isSafeInteger(expires)) return null;
  const nowSeconds = now.getTime() / 1000;
  if (expires <= nowSeconds || issued > nowSeconds + 60) return null;
  return { id: parts[3]!, issuedAt: new Date(issued * 1000), expiresAt: new Date(expires * 1000) };
}

/**
 * Compares a submitted secret with the configured one in constant time: both are hashed first,
 * so neither the content nor the length of the real one leaks through timing.
 */
export function secretMatches(given: string, expected: string): boolean {
  return timingSafeEqual(sha256(given), sha256(expected));
}

function mac(key: Buffer, body: string): string {
  return createHmac("sha256", key).update(body).digest("base64url");
}

function sha256(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}
