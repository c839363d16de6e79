// The admin area's storage: login attempts, kept in Postgres so that the limit holds across app instances.

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
