import { env } from "@/lib/env";
import { sessionKey } from "./session";

export type AdminConfig =
  | { enabled: true; password: string; key: Buffer }
  | { enabled: false; missing: ("ADMIN_PASSWORD" | "SESSION_SECRET")[] };

/** The admin area is open only when both its password and its session secret are configured. */
export function adminConfig(): AdminConfig {
  const { ADMIN_PASSWORD, SESSION_SECRET } = env();
  if (!ADMIN_PASSWORD || !SESSION_SECRET) {
    const missing: ("ADMIN_PASSWORD" | "SESSION_SECRET")[] = [];
    if (!ADMIN_PASSWORD) missing.push("ADMIN_PASSWORD");
    if (!SESSION_SECRET) missing.push("SESSION_SECRET");
    return { enabled: false, missing };
  }
  return { enabled: true, password: ADMIN_PASSWORD, key: sessionKey(SESSION_SECRET, ADMIN_PASSWORD) };
}
