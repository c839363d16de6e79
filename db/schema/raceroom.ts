// RaceRoom's storage. What lives where:
// - Tables: declared here; drizzle-kit writes their migrations (npm run db:generate). Every name starts with raceroom_.
// - Partitions: raceroom_entries, raceroom_drivers and raceroom_name_words are partitioned by generation (the parents
//   are made by the custom migrations 0005, 0007 and 0014, which drizzle-kit cannot express; columns and index names
//   stay as declared here). Each refresh creates its own raceroom_<table>_g<id> at run time, loads it without indexes,
//   indexes and attaches it (lib/raceroom/partitions.ts); its comparison with the live generation waits in
//   raceroom_changes_g<id> and raceroom_bests_g<id> until promotion (lib/raceroom/history.ts).
// - Functions: the driver search, raceroom_search_drivers and raceroom_fuzzy_drivers, in db/functions/ (current text).
// - Extensions: pg_trgm and unaccent (migration 0000), with immutable_unaccent in db/functions/.

import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  primaryKey,
  serial,
  smallint,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

// ---- Catalogue (r3e-data.json) ----

export const raceroomTracks = pgTable("raceroom_tracks", {
  id: integer().primaryKey(),
  name: text().notNull(),
});

/** A leaderboard's `track` parameter is a layout id. */
export const raceroomLayouts = pgTable(
  "raceroom_layouts",
  {
    id: integer().primaryKey(),
    trackId: integer().notNull(),
    name: text().notNull(),
    maxVehicles: integer(),
  },
  (t) => [index("raceroom_layouts_track_idx").on(t.trackId)],
);

export const raceroomClasses = pgTable("raceroom_classes", {
  id: integer().primaryKey(),
  name: text().notNull(),
});

export const raceroomCars = pgTable(
  "raceroom_cars",
  {
    id: integer().primaryKey(),
    classId: integer().notNull(),
    name: text().notNull(),
    brand: text(),
  },
  (t) => [index("raceroom_cars_class_idx").on(t.classId)],
);

// ---- Generations: a full refresh builds one, promotion makes it live in one transaction ----

export const raceroomGenerations = pgTable(
  "raceroom_generations",
  {
    id: serial().primaryKey(),
    kind: text({ enum: ["full"] }).notNull().default("full"),
    status: text({ enum: ["pending", "live", "retired", "abandoned"] }).notNull().default("pending"),
    syncRunId: uuid(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    promotedAt: timestamp({ withTimezone: true }),
    retiredAt: timestamp({ withTimezone: true }),
    leaderboardsTotal: integer().notNull().default(0),
    entryCount: integer().notNull().default(0),
    driverCount: integer().notNull().default(0),
    leaderboardsWithEntries: integer().notNull().default(0),
    flaggedCount: integer().notNull().default(0),
    /** Index build + promotion transaction, the counterpart of the old cache's index build time. */
    promotionMs: integer(),
    /** Drivers with at least this many entries are this generation's `popular` drivers (about the top 5 %). */
    popularFrom: integer(),
    /** Bumped each time the incremental refresh replaces a leaderboard of this generation while it is live. */
    revision: integer().notNull().default(0),
    /** The live generation this one was compared with before its promotion, and that generation's revision then. */
    comparedWith: integer(),
    comparedRevision: integer(),
  },
  (t) => [index("raceroom_generations_status_idx").on(t.status)],
);

/** The one row readers start from: which generation is live. */
export const raceroomLive = pgTable(
  "raceroom_live",
  {
    id: smallint().primaryKey().default(1),
    generationId: integer().notNull(),
    promotedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("raceroom_live_single_row", sql`${t.id} = 1`)],
);

/**
 * Every leaderboard entry of a generation. Partitioned by generation in migration 0004 (drizzle-kit cannot
 * declare partitions): a refresh bulk-loads its own unindexed partition, indexes it once, attaches it, and an
 * old generation goes away with its partition.
 */
export const raceroomEntries = pgTable(
  "raceroom_entries",
  {
    generationId: integer().notNull(),
    layoutId: integer().notNull(),
    classId: integer().notNull(),
    /** 1-based rank on the leaderboard. */
    position: integer().notNull(),
    driverId: bigint({ mode: "number" }).notNull(),
    driverName: text().notNull(),
    countryCode: text(),
    countryName: text(),
    carId: integer(),
    carName: text().notNull(),
    lapTimeMs: integer().notNull(),
    team: text(),
    rank: text(),
    difficulty: text({ enum: ["Get Real", "Amateur", "Novice"] }),
    achievedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.generationId, t.layoutId, t.classId, t.position] }),
    // A driver's entries, and their entry on one leaderboard (personal bests compare generations leaderboard by leaderboard).
    index("raceroom_entries_driver_leaderboard_idx").on(t.generationId, t.driverId, t.layoutId, t.classId),
  ],
);

/** One row per leaderboard (layout x class) and generation: what was fetched, and whether old rows were kept. */
export const raceroomLeaderboards = pgTable(
  "raceroom_leaderboards",
  {
    generationId: integer().notNull(),
    layoutId: integer().notNull(),
    classId: integer().notNull(),
    entryCount: integer().notNull().default(0),
    /** fetched: stored as fetched; empty: nothing upstream; kept: the fetch failed or came back empty, previous rows kept. */
    status: text({ enum: ["fetched", "empty", "kept"] }).notNull(),
    /** When the stored rows were fetched (kept rows keep their original time). */
    fetchedAt: timestamp({ withTimezone: true }),
    attemptedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Why the leaderboard is flagged (failed or empty fetch); null when it is not. */
    flag: text(),
    skippedEntries: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.generationId, t.layoutId, t.classId] }),
    index("raceroom_leaderboards_entries_idx").on(t.generationId, t.entryCount.desc()),
    index("raceroom_leaderboards_class_idx").on(t.generationId, t.classId),
  ],
);

// ---- Drivers of a generation, with their aggregates, so that search reads this table alone ----

/**
 * Built for each generation from its entries (partitioned by generation in a custom migration, like the entries):
 * loaded in bulk, its search indexes built once, and made live by the same pointer as the entries.
 */
export const raceroomDrivers = pgTable(
  "raceroom_drivers",
  {
    generationId: integer().notNull(),
    id: bigint({ mode: "number" }).notNull(),
    name: text().notNull(),
    countryCode: text(),
    countryName: text(),
    entryCount: integer().notNull().default(0),
    bestPosition: integer(),
    /** The name folded for search (lower case, accents removed), computed once per row rather than per query. */
    searchName: text()
      .notNull()
      .generatedAlwaysAs(sql`immutable_unaccent(lower(name))`),
    /**
     * entry_count >= the generation's popularFrom. Search ranks by entries, so it looks among the popular drivers
     * first: a common fragment finds its best-ranked hits there without sorting every match.
     */
    popular: boolean().notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.generationId, t.id] }),
    index("raceroom_drivers_search_prefix_idx").using("btree", sql`${t.searchName} text_pattern_ops`),
    index("raceroom_drivers_popular_prefix_idx").using("btree", sql`${t.searchName} text_pattern_ops`).where(sql`${t.popular}`),
    index("raceroom_drivers_popular_trgm_idx").using("gin", sql`${t.searchName} gin_trgm_ops`).where(sql`${t.popular}`),
    index("raceroom_drivers_other_trgm_idx").using("gin", sql`${t.searchName} gin_trgm_ops`).where(sql`not ${t.popular}`),
  ],
);

/**
 * The words of a generation's (folded) driver names, with how many drivers use each: the lexicon that the fuzzy
 * search corrects a mistyped query against. Partitioned by generation like the drivers.
 */
export const raceroomNameWords = pgTable(
  "raceroom_name_words",
  {
    generationId: integer().notNull(),
    word: text().notNull(),
    drivers: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.generationId, t.word] }),
    index("raceroom_name_words_trgm_idx").using("gin", sql`${t.word} gin_trgm_ops`),
  ],
);

// ---- History ----

/** A driver's personal best per leaderboard each time it improved between refreshes. */
export const raceroomPersonalBests = pgTable(
  "raceroom_personal_bests",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    driverId: bigint({ mode: "number" }).notNull(),
    layoutId: integer().notNull(),
    classId: integer().notNull(),
    lapTimeMs: integer().notNull(),
    carName: text().notNull(),
    position: integer().notNull(),
    achievedAt: timestamp({ withTimezone: true }),
    generationId: integer().notNull(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("raceroom_personal_bests_driver_idx").on(t.driverId, t.layoutId, t.classId, t.lapTimeMs)],
);

/** The biggest climbs between a generation and the one before it. */
export const raceroomMovers = pgTable(
  "raceroom_movers",
  {
    generationId: integer().notNull(),
    rank: integer().notNull(),
    previousGenerationId: integer().notNull(),
    driverId: bigint({ mode: "number" }).notNull(),
    layoutId: integer().notNull(),
    classId: integer().notNull(),
    carName: text().notNull(),
    previousPosition: integer().notNull(),
    position: integer().notNull(),
    previousLapTimeMs: integer().notNull(),
    lapTimeMs: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.generationId, t.rank] })],
);
