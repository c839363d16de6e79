import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { paginated, paginationQuery } from "@/lib/api/pagination";
import { DIFFICULTIES } from "./listing";

// The RaceRoom part of /api/v1: driver search, driver pages, leaderboards, top leaderboards, refresh status, and the
// three files of the original cache generator under /exports, in their original shapes.

const timestamp = z.iso.datetime();
const id = (what: string) => z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).describe(what);
const difficulty = z.enum(DIFFICULTIES);

const leaderboard = {
  layoutId: z.number().int().describe("The layout (the upstream's `track` parameter)"),
  layoutName: z.string(),
  trackId: z.number().int(),
  trackName: z.string(),
  classId: z.number().int(),
  className: z.string(),
};

export const driverHitSchema = z
  .object({
    driverId: z.number().int().describe("RaceRoom user id: drivers who share a name have different ids"),
    name: z.string(),
    countryCode: z.string().nullable(),
    countryName: z.string().nullable(),
    entryCount: z.number().int().describe("Leaderboard entries in the live data"),
    bestPosition: z.number().int().nullable().describe("Best position on any leaderboard"),
    match: z.enum(["exact", "prefix", "substring", "fuzzy"]).describe("How the name matched; hits come in this order"),
  })
  .meta({ id: "RaceroomDriverHit" });

export const searchDriversEndpoint = defineEndpoint({
  id: "raceroom.drivers.search",
  method: "GET",
  path: "/api/v1/raceroom/drivers",
  summary: "Search drivers by name",
  description:
    "Case- and accent-insensitive; exact names first, then names starting with the query, names containing it, and " +
    "near misses (from 4 characters). Within each group, drivers with more entries first. Returns the best `limit` " +
    "hits: refine the query rather than paging.",
  tags: ["RaceRoom"],
  query: z.object({
    q: z.string().trim().min(1).max(80).describe("Part of a driver's name, e.g. `mustermann`"),
    limit: z.coerce.number().int().min(1).max(100).default(20).describe("Hits to return, 1 to 100"),
  }),
  response: z.object({ query: z.string().describe("The query as searched (spaces collapsed)"), data: z.array(driverHitSchema) }),
  cache: { maxAge: 30 },
});

const driverResult = z
  .object({
    ...leaderboard,
    carId: z.number().int().nullable(),
    carName: z.string(),
    position: z.number().int(),
    total: z.number().int().describe("Entries on the leaderboard"),
    lapTimeMs: z.number().int(),
    gapMs: z.number().int().describe("Behind the leaderboard's record (0 for the leader)"),
    recordLapTimeMs: z.number().int(),
    percentOfRecord: z.number().describe("record / lap time x 100"),
    difficulty: difficulty.nullable(),
    rank: z.string().nullable(),
    team: z.string().nullable(),
    achievedAt: timestamp.nullable().describe("When the lap was driven, as RaceRoom reports it"),
  })
  .meta({ id: "RaceroomDriverResult" });

const personalBestHistory = z
  .object({
    ...leaderboard,
    points: z
      .array(
        z.object({
          lapTimeMs: z.number().int(),
          carName: z.string(),
          position: z.number().int(),
          achievedAt: timestamp.nullable(),
          recordedAt: timestamp.describe("When Pitwall first saw this time"),
        }),
      )
      .describe("Oldest first; each faster than the one before"),
  })
  .meta({ id: "RaceroomPersonalBestHistory" });

export const driverEndpoint = defineEndpoint({
  id: "raceroom.drivers.get",
  method: "GET",
  path: "/api/v1/raceroom/drivers/{driverId}",
  summary: "One driver: every result and their personal-best history",
  tags: ["RaceRoom"],
  params: z.object({ driverId: id("RaceRoom user id") }),
  response: z.object({
    driver: z.object({
      id: z.number().int(),
      name: z.string(),
      countryCode: z.string().nullable(),
      countryName: z.string().nullable(),
      entryCount: z.number().int(),
      bestPosition: z.number().int().nullable(),
    }),
    results: z.array(driverResult).describe("Best position first"),
    personalBests: z.array(personalBestHistory),
    generationId: z.number().int().nullable().describe("The refresh the results come from"),
  }),
  cache: { maxAge: 60 },
});

const boardEntry = z
  .object({
    position: z.number().int(),
    driverId: z.number().int(),
    driverName: z.string(),
    countryCode: z.string().nullable(),
    countryName: z.string().nullable(),
    carId: z.number().int().nullable(),
    carName: z.string(),
    lapTimeMs: z.number().int(),
    gapMs: z.number().int(),
    percentOfRecord: z.number(),
    difficulty: difficulty.nullable(),
    rank: z.string().nullable(),
    team: z.string().nullable(),
    achievedAt: timestamp.nullable(),
  })
  .meta({ id: "RaceroomBoardEntry" });

/** Where a leaderboard page continues: the generation it was read from and the last position on the page. */
export const leaderboardCursor = z.object({ g: z.number().int().positive(), p: z.number().int().positive() });

export const leaderboardEndpoint = defineEndpoint({
  id: "raceroom.leaderboards.get",
  method: "GET",
  path: "/api/v1/raceroom/leaderboards/{layoutId}/{classId}",
  summary: "One leaderboard (layout x class), page by page",
  description:
    "Entries in position order. A cursor belongs to one refresh: after a new refresh goes live, it answers 409 and " +
    "the leaderboard has to be read again from the first page.",
  tags: ["RaceRoom"],
  params: z.object({ layoutId: id("A layout id (the track parameter upstream)"), classId: id("A car class id") }),
  query: paginationQuery.extend({
    difficulty: difficulty.optional().describe("Only laps driven at this difficulty"),
    carId: id("Only laps in this car").optional(),
  }),
  response: z.object({
    leaderboard: z.object({
      ...leaderboard,
      generationId: z.number().int(),
      total: z.number().int().describe("Entries on the whole leaderboard"),
      filteredTotal: z.number().int().describe("Entries matching the filters"),
      recordLapTimeMs: z.number().int().nullable(),
      fetchedAt: timestamp.nullable(),
      flag: z.string().nullable().describe("Why the leaderboard is flagged (its last fetch failed or came back empty; older rows shown)"),
    }),
    ...paginated(boardEntry).shape,
  }),
  cache: { maxAge: 60 },
  errors: [409],
});

const topLeaderboard = z
  .object({
    ...leaderboard,
    entryCount: z.number().int(),
    fetchedAt: timestamp.nullable(),
    flag: z.string().nullable(),
    leader: z.object({ driverId: z.number().int(), name: z.string(), lapTimeMs: z.number().int() }).nullable(),
  })
  .meta({ id: "RaceroomCombination" });

/** Where a page of leaderboards continues: rows already given. */
export const topLeaderboardsCursor = z.object({ o: z.number().int().positive() });

export const topLeaderboardsEndpoint = defineEndpoint({
  id: "raceroom.leaderboards.list",
  method: "GET",
  path: "/api/v1/raceroom/leaderboards",
  summary: "Leaderboards with the most entries",
  description: "Leaderboards of the live data that have entries, most entries first, optionally for one track and/or one class.",
  tags: ["RaceRoom"],
  query: paginationQuery.extend({
    trackId: id("Only leaderboards on this track").optional(),
    classId: id("Only leaderboards of this class").optional(),
  }),
  response: paginated(topLeaderboard),
  cache: { maxAge: 60 },
});

export const refreshStatusSchema = z
  .object({
    live: z
      .object({
        generationId: z.number().int(),
        startedAt: timestamp,
        promotedAt: timestamp.describe("When this data went live"),
        entries: z.number().int(),
        drivers: z.number().int(),
        leaderboards: z.number().int().describe("Layout x class leaderboards asked for"),
        leaderboardsWithEntries: z.number().int(),
        flagged: z.number().int().describe("Leaderboards whose last fetch failed or came back empty (older rows kept)"),
        promotionMs: z.number().int().nullable(),
      })
      .nullable()
      .describe("The data served now; null before the first full refresh"),
    running: z
      .object({
        generationId: z.number().int(),
        startedAt: timestamp,
        leaderboardsDone: z.number().int(),
        leaderboardsTotal: z.number().int(),
        entries: z.number().int(),
        syncRunId: z.uuid().nullable(),
      })
      .nullable()
      .describe("A full refresh being built (or interrupted, waiting to resume); null when none"),
    lastIncrementalAt: timestamp.nullable().describe("The latest hourly refetch of a live leaderboard"),
  })
  .meta({ id: "RaceroomRefreshStatus" });

export const statusEndpoint = defineEndpoint({
  id: "raceroom.status",
  method: "GET",
  path: "/api/v1/raceroom/status",
  summary: "The live data and the refresh running now",
  tags: ["RaceRoom"],
  response: refreshStatusSchema,
  cache: { maxAge: 1 },
});

// ---- The original cache generator's files ----

const ZERO_TIME_NOTE = "RFC 3339; `0001-01-01T00:00:00Z` when unknown, as in the original";

export const statusFileEndpoint = defineEndpoint({
  id: "raceroom.exports.status",
  method: "GET",
  path: "/api/v1/raceroom/exports/status.json",
  summary: "status.json of the original cache generator",
  description: "Same shape as the file the original cache generator wrote, for front ends built on it.",
  tags: ["RaceRoom exports"],
  response: z.object({
    fetch_in_progress: z.boolean(),
    last_scrape_start: z.string().describe(ZERO_TIME_NOTE),
    last_scrape_end: z.string().describe(ZERO_TIME_NOTE),
    track_count: z.number().int().describe("Leaderboards with entries"),
    total_drivers: z.number().int(),
    total_entries: z.number().int(),
    last_index_update: z.string().describe(ZERO_TIME_NOTE),
    index_build_time_ms: z.number().int(),
  }),
  cache: { maxAge: 30 },
});

export const topCombinationsFileEndpoint = defineEndpoint({
  id: "raceroom.exports.topLeaderboards",
  method: "GET",
  path: "/api/v1/raceroom/exports/top_combinations.json",
  summary: "top_combinations.json of the original cache generator",
  description: "The 1,000 leaderboards with the most entries, in the original file's shape (ids as strings).",
  tags: ["RaceRoom exports"],
  response: z.object({
    count: z.number().int(),
    results: z.array(
      z.object({
        track: z.string().describe("Track and layout, e.g. `Monza Circuit - Grand Prix`"),
        track_id: z.string().describe("The layout id"),
        class_id: z.string(),
        class_name: z.string(),
        entry_count: z.number().int(),
      }),
    ),
  }),
  cache: { maxAge: 60 },
});

export const driverIndexEntrySchema = z.object({
  name: z.string(),
  position: z.number().int(),
  laptime: z.string().describe("As RaceRoom writes it: `1m 23.414s`"),
  time_diff: z.number().describe("Seconds behind the leaderboard's leader"),
  country: z.string(),
  car: z.string(),
  car_class: z.string(),
  team: z.string(),
  rank: z.string(),
  difficulty: z.string(),
  track: z.string(),
  track_id: z.string().describe("The layout id"),
  class_id: z.string(),
  found: z.boolean(),
  total_entries: z.number().int(),
});

export const driverIndexFileEndpoint = defineEndpoint({
  id: "raceroom.exports.driverIndex",
  method: "GET",
  path: "/api/v1/raceroom/exports/driver_index.json",
  summary: "driver_index.json of the original cache generator",
  description:
    "Lower-cased driver name -> every entry of the drivers with that name, streamed. Large (every entry of every " +
    "leaderboard): to find drivers, use `GET /api/v1/raceroom/drivers?q=` instead. The ETag is the refresh the file " +
    "describes, so a client revalidating with If-None-Match downloads it once per refresh.",
  tags: ["RaceRoom exports"],
  response: z.record(z.string(), z.array(driverIndexEntrySchema)),
  cache: { maxAge: 300 },
});

export const raceroomEndpoints = [
  searchDriversEndpoint,
  driverEndpoint,
  leaderboardEndpoint,
  topLeaderboardsEndpoint,
  statusEndpoint,
  statusFileEndpoint,
  topCombinationsFileEndpoint,
  driverIndexFileEndpoint,
];
