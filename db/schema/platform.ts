// The platform's storage (every domain shares it): sync runs, the upstream API call ledger and the response cache.
// Tables declared here; drizzle-kit writes their migrations.

import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** One row per sync of any kind (RaceRoom refresh, iRacing sync, ...): what the admin dashboard shows. */
export const syncRuns = pgTable(
  "sync_runs",
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    kind: text().notNull(),
    trigger: text({ enum: ["cron", "admin", "api", "cli", "demo", "event"] }).notNull(),
    status: text({ enum: ["queued", "running", "succeeded", "failed", "cancelled"] }).notNull().default("queued"),
    progressDone: integer().notNull().default(0),
    progressTotal: integer(),
    currentItem: text(),
    fetched: integer().notNull().default(0),
    created: integer().notNull().default(0),
    updated: integer().notNull().default(0),
    unchanged: integer().notNull().default(0),
    skipped: integer().notNull().default(0),
    failed: integer().notNull().default(0),
    queuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    endedAt: timestamp({ withTimezone: true }),
    error: text(),
    inngestRunId: text(),
    cancelRequested: boolean().notNull().default(false),
    details: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [index("sync_runs_kind_queued_idx").on(t.kind, t.queuedAt.desc()), index("sync_runs_status_idx").on(t.status)],
);

/** The API call ledger: every upstream request, its outcome and cost. */
export const apiCalls = pgTable(
  "api_calls",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    source: text().notNull(),
    endpoint: text().notNull(),
    params: jsonb().$type<Record<string, string>>(),
    method: text().notNull().default("GET"),
    status: integer(),
    durationMs: integer().notNull(),
    bytes: integer().notNull().default(0),
    cacheHit: boolean().notNull().default(false),
    retries: integer().notNull().default(0),
    rateLimitRemaining: integer(),
    rateLimitLimit: integer(),
    error: text(),
  },
  (t) => [index("api_calls_at_idx").on(t.at.desc()), index("api_calls_source_at_idx").on(t.source, t.at.desc())],
);

/** Read-through cache of upstream responses, with a TTL per endpoint. */
export const httpCache = pgTable("http_cache", {
  key: text().primaryKey(),
  source: text().notNull(),
  body: text().notNull(),
  status: integer().notNull(),
  contentType: text(),
  fetchedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
});
