import { sql } from "@/lib/db";

/** At most this many login attempts per client per window. */
export const LOGIN_ATTEMPTS_PER_WINDOW = 5;
export const LOGIN_WINDOW_SECONDS = 60;

export type LoginAttempt = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one login attempt for the client before the password is looked at. One atomic upsert,
 * so concurrent attempts from several app instances cannot slip past the limit.
 */
export async function recordLoginAttempt(clientKey: string): Promise<LoginAttempt> {
  const window = `${LOGIN_WINDOW_SECONDS} seconds`;
  const [row] = await sql()<{ attempts: number; retryAfter: number }[]>`
    insert into admin_login_attempts as a (client_key, window_started_at, attempts)
    values (${clientKey}, now(), 1)
    on conflict (client_key) do update set
      attempts = case when a.window_started_at <= now() - ${window}::interval then 1 else a.attempts + 1 end,
      window_started_at = case when a.window_started_at <= now() - ${window}::interval then now() else a.window_started_at end
    returning attempts,
      ceil(extract(epoch from (window_started_at + ${window}::interval - now())))::int as "retryAfter"`;
  if (!row) throw new Error("login attempt was not recorded");
  if (row.attempts <= LOGIN_ATTEMPTS_PER_WINDOW) return { allowed: true, remaining: LOGIN_ATTEMPTS_PER_WINDOW - row.attempts };
  return { allowed: false, retryAfterSeconds: Math.max(1, row.retryAfter) };
}

/** A successful login starts the client's count afresh; stale windows of other clients go too. */
export async function clearLoginAttempts(clientKey: string): Promise<void> {
  const window = `${LOGIN_WINDOW_SECONDS} seconds`;
  await sql()`
    delete from admin_login_attempts
    where client_key = ${clientKey} or window_started_at <= now() - ${window}::interval`;
}
