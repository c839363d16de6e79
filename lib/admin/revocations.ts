import { sql } from "@/lib/db";
import type { AdminSession } from "./session";

/** Ends a session on the server: its cookie stops working everywhere, even where it was copied to. */
export async function revokeSession(session: AdminSession): Promise<void> {
  await sql()`
    insert into admin_revoked_sessions (session_id, expires_at) values (${session.id}, ${session.expiresAt.toISOString()}::timestamptz)
    on conflict (session_id) do nothing`;
}

export async function isRevoked(session: AdminSession): Promise<boolean> {
  const [row] = await sql()`select 1 from admin_revoked_sessions where session_id = ${session.id}`;
  return row !== undefined;
}

/** Daily housekeeping: revocations of sessions that have expired anyway, and login-attempt windows long over. */
export async function pruneAdminState(): Promise<{ revocations: number; loginAttempts: number }> {
  const revocations = await sql()`delete from admin_revoked_sessions where expires_at < now()`;
  const loginAttempts = await sql()`delete from admin_login_attempts where window_started_at < now() - interval '1 hour'`;
  return { revocations: revocations.count, loginAttempts: loginAttempts.count };
}
