// iRacing's storage: the series catalogue, seasons and their race weeks (one event per season x week), the cars, car
// classes and tracks they name, the shared OAuth2 token, and the race guide's entry counts. Session start times are
// never rows: they are computed from each event's race_time_descriptors (lib/iracing/recurrence.ts).
// Every table is written by lib/iracing/ingest (upserts that touch a row only when a column changed).

import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, real, serial, smallint, text, timestamp, unique } from "drizzle-orm/pg-core";

/**
 * The one OAuth2 token pair every app instance shares; refresh tokens are single use, so it is refreshed under a lock.
 * Both tokens are stored sealed (AES-256-GCM, lib/iracing/token-seal.ts), never in clear.
 */
export const iracingTokens = pgTable("iracing_tokens", {
  /** sha256 of client id and username: other credentials never pick up this token. */
  account: text().primaryKey(),
  accessToken: text().notNull(),
  accessExpiresAt: timestamp({ withTimezone: true }).notNull(),
  refreshToken: text(),
  refreshExpiresAt: timestamp({ withTimezone: true }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const iracingSeries = pgTable(
  "iracing_series",
  {
    seriesId: integer().primaryKey(),
    name: text().notNull(),
    shortName: text().notNull(),
    category: text().notNull(),
    categoryId: smallint().notNull(),
    minLicenceGroup: smallint(),
    allowedLicences: jsonb().notNull().default(sql`'[]'::jsonb`),
    eligible: boolean(),
    minStarters: integer(),
    maxStarters: integer(),
    forumUrl: text(),
    logoUrl: text(),
    /** Plain text from the series' description (its HTML is never stored). */
    about: text(),
    /** False once the series is missing from series/get: kept with its seasons, hidden from the catalogue. */
    active: boolean().notNull().default(true),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("iracing_series_category_idx").on(t.category)],
);

export const iracingSeasons = pgTable(
  "iracing_seasons",
  {
    seasonId: integer().primaryKey(),
    seriesId: integer().notNull(),
    name: text().notNull(),
    shortName: text(),
    year: smallint().notNull(),
    quarter: smallint().notNull(),
    official: boolean().notNull(),
    fixedSetup: boolean().notNull(),
    licenceGroup: smallint(),
    active: boolean(),
    complete: boolean(),
    multiclass: boolean(),
    carClassIds: integer().array().notNull().default(sql`'{}'::integer[]`),
    maxWeeks: smallint(),
    startsAt: timestamp({ withTimezone: true }),
    scheduleDescription: text(),
    /** A fingerprint of the race weeks (lib/iracing/schedule-hash.ts): an unchanged schedule is not rewritten. Null: weeks not known yet. */
    scheduleHash: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("iracing_seasons_series_idx").on(t.seriesId, t.year, t.quarter), index("iracing_seasons_slot_idx").on(t.year, t.quarter)],
);

/** One race week of one season. */
export const iracingEvents = pgTable(
  "iracing_events",
  {
    id: serial().primaryKey(),
    seasonId: integer().notNull(),
    raceWeekNum: smallint().notNull(),
    seriesId: integer().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    /** Exclusive end of the week (see RaceWeek.endsAt). */
    endsAt: timestamp({ withTimezone: true }).notNull(),
    weekEndTime: timestamp({ withTimezone: true }),
    /** The configuration raced (track/get's track_id); its track is iracing_tracks. */
    trackId: integer().notNull(),
    trackName: text().notNull(),
    configName: text(),
    category: text(),
    raceLapLimit: integer(),
    raceTimeLimitMinutes: integer(),
    practiceMinutes: integer(),
    qualifyMinutes: integer(),
    startType: text(),
    raceTimeDescriptors: jsonb().notNull(),
    weather: jsonb(),
    rainChancePct: real(),
    carClassIds: integer().array().notNull().default(sql`'{}'::integer[]`),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("iracing_events_season_week_key").on(t.seasonId, t.raceWeekNum),
    index("iracing_events_window_idx").on(t.endsAt, t.startsAt),
    index("iracing_events_track_idx").on(t.trackId),
  ],
);

/** Balance of performance of one car in one event. */
export const iracingEventCars = pgTable(
  "iracing_event_cars",
  {
    eventId: integer().notNull(),
    carId: integer().notNull(),
    powerAdjustPct: real(),
    weightPenaltyKg: real(),
    maxPctFuelFill: real(),
    maxDryTireSets: integer(),
    raceSetupId: integer(),
    qualifyingSetupId: integer(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.carId] })],
);

export const iracingEventClasses = pgTable(
  "iracing_event_classes",
  { eventId: integer().notNull(), carClassId: integer().notNull() },
  (t) => [primaryKey({ columns: [t.eventId, t.carClassId] })],
);

/** The cars of a race week in a rotating series (race_week_cars). */
export const iracingWeekCars = pgTable(
  "iracing_week_cars",
  { eventId: integer().notNull(), carId: integer().notNull(), carName: text() },
  (t) => [primaryKey({ columns: [t.eventId, t.carId] })],
);

export const iracingCarClasses = pgTable("iracing_car_classes", {
  carClassId: integer().primaryKey(),
  name: text().notNull(),
  shortName: text(),
  relativeSpeed: integer(),
  carIds: integer().array().notNull().default(sql`'{}'::integer[]`),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const iracingCars = pgTable("iracing_cars", {
  carId: integer().primaryKey(),
  name: text().notNull(),
  abbreviation: text(),
  make: text(),
  categories: text().array().notNull().default(sql`'{}'::text[]`),
  /** Included with the subscription: everyone owns it. */
  free: boolean().notNull().default(false),
  price: real(),
  packageId: integer(),
  retired: boolean().notNull().default(false),
  logoUrl: text(),
  smallImageUrl: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** One configuration of a track; configurations of one track share `package_id` (what one buys). */
export const iracingTracks = pgTable(
  "iracing_tracks",
  {
    trackId: integer().primaryKey(),
    packageId: integer().notNull(),
    trackName: text().notNull(),
    configName: text(),
    category: text(),
    lengthMiles: real(),
    corners: integer(),
    free: boolean().notNull().default(false),
    price: real(),
    retired: boolean().notNull().default(false),
    location: text(),
    timeZone: text(),
    /** The SVG layers of the track map by name, absolute URLs (from track/assets). */
    mapLayers: jsonb().notNull().default(sql`'{}'::jsonb`),
    logoUrl: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("iracing_tracks_package_idx").on(t.packageId)],
);

/** Entry counts of the sessions the race guide lists (the next few hours). */
export const iracingRaceGuide = pgTable(
  "iracing_race_guide",
  {
    seasonId: integer().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    seriesId: integer().notNull(),
    raceWeekNum: smallint().notNull(),
    sessionId: integer(),
    entryCount: integer().notNull(),
    superSession: boolean().notNull().default(false),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.seasonId, t.startsAt] }), index("iracing_race_guide_starts_idx").on(t.startsAt)],
);
