import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * True when the request carries `Authorization: Bearer <ADMIN_API_TOKEN>`. Both sides are hashed first so
 * the comparison takes the same time whatever the length or content of the guess. No token configured: false.
 */
export function hasAdminToken(request: Request): boolean {
  return hasBearer(request, env().ADMIN_API_TOKEN);
}

/** True when the request carries `Authorization: Bearer <expected>` (compared in constant time); false without `expected`. */
export function hasBearer(request: Request, expected: string | undefined): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!expected || !given) return false;
  return timingSafeEqual(digest(given), digest(expected));
}
