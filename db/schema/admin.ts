// The admin area's storage, in Postgres so that it holds across app instances: login attempts, and the sessions ended
// by logging out before they expired.

import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Admin login attempts per client in the current one-minute window. Kept in Postgres so the
 * limit holds across app instances.
 */
export const adminLoginAttempts = pgTable("admin_login_attempts", {
  clientKey: text().primaryKey(),
  windowStartedAt: timestamp({ withTimezone: true }).notNull(),
  attempts: integer().notNull(),
});

/** Sessions ended by logging out: their cookies, copied or not, no longer open the admin area. Kept until they expire. */
export const adminRevokedSessions = pgTable("admin_revoked_sessions", {
  sessionId: text().primaryKey(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
});
