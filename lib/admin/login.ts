import { logger } from "@/lib/log";
import type { AdminConfig } from "./config";
import { clearLoginAttempts, recordLoginAttempt } from "./login-limit";
import { secretMatches } from "./session";

const log = logger("admin.login");

export type LoginResult = { ok: true } | { ok: false; error: string };

/** Checks one login attempt: rate limit first (so guessing costs attempts), then the password. */
export async function checkLogin(config: AdminConfig, clientKey: string, password: string): Promise<LoginResult> {
  if (!config.enabled) return { ok: false, error: disabledMessage(config.missing) };
  const attempt = await recordLoginAttempt(clientKey);
  if (!attempt.allowed) {
    log.warn({ client: clientKey }, "admin login rate-limited");
    return { ok: false, error: `Too many login attempts. Try again in ${attempt.retryAfterSeconds} s.` };
  }
  if (!secretMatches(password, config.password)) {
    log.warn({ client: clientKey }, "admin login with a wrong password");
    const left = attempt.remaining === 1 ? "1 attempt" : `${attempt.remaining} attempts`;
    return { ok: false, error: `Wrong password. ${left} left this minute.` };
  }
  await clearLoginAttempts(clientKey);
  log.info({ client: clientKey }, "admin logged in");
  return { ok: true };
}

export function disabledMessage(missing: string[]): string {
  return `The admin area is disabled: set ${missing.join(" and ")} in the environment and restart Pitwall.`;
}
