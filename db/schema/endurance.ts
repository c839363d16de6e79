// Endurance racing's storage (WEC, IMSA): the race calendar, the laps and pit passages each race's timing file
// states, the standings and classification the live feeds and results give, the ingestion runs that brought them,
// and the pace models fitted while the race ran. Every name starts with endurance_.

import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, real, serial, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** A race on the calendar. Source URLs may be relative: they then resolve against ENDURANCE_TIMING_BASE_URL. */
export const enduranceRaces = pgTable(
  "endurance_races",
  {
    id: serial().primaryKey(),
    /** Stable name in URLs and the CLI, e.g. "lemans-2024". */
    slug: text().notNull(),
    series: text().notNull(),
    event: text().notNull(),
    circuit: text().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    /** "alkamel" (analysis CSV or time cards) or "imsa" (time cards plus the IMSA live scoring feed). */
    sourceKind: text().notNull(),
    analysisUrl: text().notNull(),
    liveResultsUrl: text(),
    liveDataUrl: text(),
    resultsUrl: text(),
    /** scheduled, live, finished, cancelled. */
    status: text({ enum: ["scheduled", "live", "finished", "cancelled"] }).notNull().default("scheduled"),
    /** DriveTimeRules (lib/endurance/derive/drive-time.ts) for every class, and per class. */
    driveTimeRules: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    classDriveTimeRules: jsonb().$type<Record<string, Record<string, unknown>>>().notNull().default({}),
    /** The sync run that ingests the race now: at most one per race. */
    ingestSyncRunId: uuid(),
    /** Where the last read of the analysis file stopped (the source's cursor, plain JSON). */
    analysisCursor: jsonb().$type<Record<string, unknown>>(),
    /** Session state of the last live-feed read. */
    session: jsonb().$type<Record<string, unknown>>(),
    laps: integer().notNull().default(0),
    /** Race time of the latest crossing ingested. */
    raceTimeMs: integer().notNull().default(0),
    /** Model vs baseline error per class (ClassAccuracy[]) at the latest models step. */
    accuracy: jsonb().$type<unknown[]>().notNull().default([]),
    /** The strongest anomalies (LapAnomaly[]) and the strategy (RaceStrategy) at the latest models step. */
    anomalies: jsonb().$type<unknown[]>().notNull().default([]),
    strategy: jsonb().$type<Record<string, unknown>>(),
    lastPolledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("endurance_races_slug_idx").on(t.slug),
    index("endurance_races_starts_idx").on(t.startsAt),
    check("endurance_races_status_check", sql`${t.status} in ('scheduled', 'live', 'finished', 'cancelled')`),
    check("endurance_races_window_check", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** One lap of one car, as the timing file states it (lib/endurance/records.ts, LapRecord). */
export const enduranceLaps = pgTable(
  "endurance_laps",
  {
    raceId: integer().notNull().references(() => enduranceRaces.id, { onDelete: "cascade" }),
    car: text().notNull(),
    lap: integer().notNull(),
    driverNumber: integer(),
    driver: text(),
    lapTimeMs: integer().notNull(),
    s1Ms: integer(),
    s2Ms: integer(),
    s3Ms: integer(),
    kph: real(),
    topSpeedKph: real(),
    elapsedMs: integer().notNull(),
    timeOfDayMs: integer(),
    improvement: integer(),
    inLap: boolean().notNull(),
    outLap: boolean().notNull(),
    pitTimeMs: integer(),
    flag: text(),
    flagCode: text(),
    carClass: text(),
    carGroup: text(),
    team: text(),
    manufacturer: text(),
    /** When Pitwall stored the lap: minus the moment the lap was due, the ingestion lag. */
    ingestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.raceId, t.car, t.lap] }), index("endurance_laps_race_elapsed_idx").on(t.raceId, t.elapsedMs)],
);

/** A pass through the pit lane as the file states it (the out-lap carries the time). */
export const endurancePits = pgTable(
  "endurance_pits",
  {
    raceId: integer().notNull().references(() => enduranceRaces.id, { onDelete: "cascade" }),
    car: text().notNull(),
    outLap: integer().notNull(),
    inLap: integer(),
    pitLaneMs: integer().notNull(),
    atMs: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.raceId, t.car, t.outLap] })],
);

/** Flag periods derived from the laps after each ingest (replaced whole). */
export const enduranceFlags = pgTable(
  "endurance_flags",
  {
    raceId: integer().notNull().references(() => enduranceRaces.id, { onDelete: "cascade" }),
    seq: integer().notNull(),
    flag: text().notNull(),
    startMs: integer(),
    endMs: integer(),
    startLap: integer(),
  },
  (t) => [primaryKey({ columns: [t.raceId, t.seq] })],
);

/**
 * The leaderboard as of the latest ingest: one row per car, the whole row as the API serves it in `row`
 * (derived from the laps, with the live feed's in-pit state and driver where it has them).
 */
export const enduranceStandings = pgTable(
  "endurance_standings",
  {
    raceId: integer().notNull().references(() => enduranceRaces.id, { onDelete: "cascade" }),
    car: text().notNull(),
    position: integer().notNull(),
    carClass: text(),
    row: jsonb().$type<Record<string, unknown>>().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.raceId, t.car] }), index("endurance_standings_race_position_idx").on(t.raceId, t.position)],
);

/** The official classification (IMSA results JSON), once published. */
export const enduranceClassifications = pgTable(
  "endurance_classifications",
  {
    raceId: integer().notNull().references(() => enduranceRaces.id, { onDelete: "cascade" }),
    car: text().notNull(),
    position: integer().notNull(),
    classPosition: integer().notNull(),
    carClass: text(),
    team: text(),
    vehicle: text(),
    laps: integer(),
    totalTimeMs: integer(),
    bestLapMs: integer(),
    status: text(),
    finished: boolean().notNull(),
    drivers: jsonb().$type<{ name: string; license: string | null }[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.raceId, t.car] })],
);

/** One run of the ingestion job: polls, laps added, rows rejected (with their lines), how it ended. */
export const enduranceIngestionRuns = pgTable(
  "endurance_ingestion_runs",
  {
    id: serial().primaryKey(),
    raceId: integer().notNull().references(() => enduranceRaces.id, { onDelete: "cascade" }),
    syncRunId: uuid().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true }),
    polls: integer().notNull().default(0),
    failedPolls: integer().notNull().default(0),
    lapsAdded: integer().notNull().default(0),
    rejected: integer().notNull().default(0),
    /** The first rejected rows: { line, reason }. */
    rejectedSample: jsonb().$type<{ line: number; reason: string }[]>().notNull().default([]),
    lastError: text(),
    /** finished, ended (end + grace), continued, stopped. */
    outcome: text(),
  },
  (t) => [index("endurance_ingestion_runs_race_idx").on(t.raceId, t.startedAt)],
);

/** Pace model fits kept between steps (StoredPaceFit); the class is "" for cars without one. */
export const enduranceModelFits = pgTable(
  "endurance_model_fits",
  {
    raceId: integer().notNull().references(() => enduranceRaces.id, { onDelete: "cascade" }),
    carClass: text().notNull(),
    trainedAtMs: integer().notNull(),
    trainingLaps: integer().notNull(),
    fit: jsonb().$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.raceId, t.carClass, t.trainedAtMs] })],
);

/** A lap's predictions as first made when it started (a running lap's prediction never changes). */
export const endurancePredictions = pgTable(
  "endurance_predictions",
  {
    raceId: integer().notNull().references(() => enduranceRaces.id, { onDelete: "cascade" }),
    car: text().notNull(),
    lap: integer().notNull(),
    carClass: text(),
    startMs: integer().notNull(),
    baselineMs: integer(),
    modelMs: integer(),
    predictedMs: integer(),
    source: text(),
  },
  (t) => [primaryKey({ columns: [t.raceId, t.car, t.lap] })],
);
