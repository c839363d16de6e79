// F1's storage. What lives where (every name starts with f1_):
// - f1_sessions, f1_drivers: what the sessions and drivers endpoints (or the live-timing archive's season index)
//   said, one row each; a session keeps its track outline once derived from location samples, which sources know it,
//   and which source its stored records came from.
// - f1_records: every other record, normalized (lib/f1/records.ts as JSON), one row per natural key (a lap, a pit
//   visit, a stint, a timed sample), so a poll that overlaps the previous one rewrites rather than duplicates.
// - f1_snapshots: the compact race state after each poll, with an increasing sequence; the live endpoint serves the
//   newest and LISTEN/NOTIFY tells every app instance when a new one lands.
// - f1_pollers: one row per session being polled or replayed: the lease that keeps it to one poller, the date
//   cursors and the race-state builder it carries on from.
// - f1_upstream_requests: OpenF1 requests of the last seconds, the request budget every instance shares.
// - f1_feed_messages: every raw message of a session followed live over the live-timing feed, in arrival order, so
//   the session can be replayed exactly.

import { sql } from "drizzle-orm";
import { bigint, bigserial, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const f1Sessions = pgTable("f1_sessions", {
  sessionKey: integer().primaryKey(),
  meetingKey: integer().notNull(),
  name: text().notNull(),
  type: text().notNull(),
  startsAt: timestamp({ withTimezone: true }).notNull(),
  endsAt: timestamp({ withTimezone: true }),
  year: integer(),
  location: text(),
  countryName: text(),
  circuitShortName: text(),
  /** [[x, y], ...] in the track's units, one lap of one car. */
  outline: jsonb().$type<[number, number][]>(),
  /** The sources that list the session: "openf1", "livetiming" (lib/f1/sources.ts). */
  sources: text().array().notNull().default(sql`'{}'::text[]`),
  /** The session's folder in the live-timing archive, e.g. "2020/2020-08-09_70th_Anniversary_Grand_Prix/2020-08-07_Practice_2/". */
  archivePath: text(),
  /** The source the stored records came from: one source at a time, so two never mix in a replay. */
  recordsSource: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const f1Drivers = pgTable(
  "f1_drivers",
  {
    sessionKey: integer().notNull(),
    driverNumber: integer().notNull(),
    acronym: text(),
    fullName: text(),
    teamName: text(),
    teamColour: text(),
  },
  (t) => [primaryKey({ columns: [t.sessionKey, t.driverNumber] })],
);

export const f1Records = pgTable(
  "f1_records",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    sessionKey: integer().notNull(),
    /** The record's kind: "lap", "interval", "position", "pit", "stint", "race-control", "weather", "location", ... */
    kind: text().notNull(),
    /** What makes the record one: "44/12" for lap 12 of car 44, a date for a timed sample. */
    naturalKey: text().notNull(),
    driverNumber: integer(),
    /** The record's own moment (a lap's start), when it has one. */
    at: timestamp({ withTimezone: true, precision: 3 }),
    record: jsonb().notNull(),
  },
  (t) => [uniqueIndex("f1_records_natural_key").on(t.sessionKey, t.kind, t.naturalKey), index("f1_records_session_kind_at").on(t.sessionKey, t.kind, t.at)],
);

export const f1Snapshots = pgTable(
  "f1_snapshots",
  {
    sequence: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    sessionKey: integer().notNull(),
    /** The session moment the state describes. */
    at: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().default(sql`clock_timestamp()`),
    /** The whole answer of /api/v1/f1/live, ready to send. */
    body: jsonb().notNull(),
  },
  (t) => [index("f1_snapshots_session").on(t.sessionKey, t.sequence)],
);

export const f1Pollers = pgTable("f1_pollers", {
  sessionKey: integer().primaryKey(),
  /** "live" follows the session as OpenF1 publishes it; "replay" plays a past one. */
  mode: text().notNull(),
  /** The source it reads: "openf1" or "livetiming". */
  source: text().notNull().default("openf1"),
  /** "running", "needs-account", "finished", "stopped", "failed" */
  status: text().notNull(),
  /** The run that owns the poller; a run that finds another id here stops. */
  owner: text().notNull(),
  leaseUntil: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  speed: real().notNull().default(1),
  /** Replays: the session moment that played at `startedAt`. */
  replayFrom: timestamp({ withTimezone: true, precision: 3 }),
  startedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  /** Per endpoint, the newest date received (ISO). */
  cursors: jsonb().$type<Record<string, string>>().notNull().default({}),
  /** The race-state builder's saved state (lib/f1/state/entries.ts). */
  builder: jsonb(),
  /** Per feed: when its newest record is dated and when it last brought something (ISO). */
  feeds: jsonb().$type<Record<string, { newest: string | null; receivedAt: string | null }>>().notNull().default({}),
  message: text(),
  polls: integer().notNull().default(0),
  requests: integer().notNull().default(0),
  updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

export const f1UpstreamRequests = pgTable(
  "f1_upstream_requests",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true, precision: 3 }).notNull().default(sql`clock_timestamp()`),
  },
  (t) => [index("f1_upstream_requests_at").on(t.at)],
);

export const f1FeedMessages = pgTable(
  "f1_feed_messages",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    sessionKey: integer().notNull(),
    receivedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    /** `[topic, data, utc]` as the feed sent it (lib/f1/livetiming/recording.ts). */
    line: text().notNull(),
  },
  (t) => [index("f1_feed_messages_session").on(t.sessionKey, t.id)],
);
