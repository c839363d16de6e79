import { z } from "zod";
import type { CachedPage } from "@/lib/ui/cached-view";
import { positiveInt } from "@/lib/ui/search-params";
import { DRIVER_RESULT_SORTS } from "../driver-results";
import { DIFFICULTIES } from "../listing";
import { TOP_LEADERBOARD_SORTS } from "../top-leaderboard-sorts";

/** The RaceRoom page's query: a driver search. */
export const raceroomSearchQuery = z.object({ q: z.string().transform((q) => q.slice(0, 80)).default("") });

/** The driver page's query: its results filtered, sorted and paged, and the leaderboard its chart shows. */
export const driverPageQuery = z.object({
  q: z.string().transform((q) => q.slice(0, 80)).default(""),
  difficulty: z.enum(DIFFICULTIES).optional(),
  sort: z.enum(DRIVER_RESULT_SORTS).default("position"),
  page: positiveInt.default(1),
  /** The chart's leaderboard, `<layout>-<class>` (a result's History link). */
  board: z.string().regex(/^\d+-\d+$/).optional(),
});

/** A leaderboard's query: its page, filters, and the driver it is opened for. */
export const leaderboardPageQuery = z.object({
  page: positiveInt.optional(),
  difficulty: z.enum(DIFFICULTIES).optional(),
  car: positiveInt.optional(),
  driver: positiveInt.optional(),
});

/** The top leaderboards' query. */
export const topLeaderboardsQuery = z.object({
  track: positiveInt.optional(),
  class: positiveInt.optional(),
  sort: z.enum(TOP_LEADERBOARD_SORTS).default("entries"),
  page: positiveInt.default(1),
});

const ID = "\\d{1,15}";

/**
 * RaceRoom's pages that change only with a new generation, kept in Next's full-route cache (lib/ui/cached-view.ts) and
 * expired with RACEROOM_CACHE_TAG. The search page's refresh status is as old as its copy, and its panel reads the
 * status again as soon as the page is shown.
 */
export const raceroomCachedPages: readonly CachedPage[] = [
  { path: /^\/raceroom$/, query: raceroomSearchQuery, viewsAt: () => "/raceroom/search", views: /^\/raceroom\/search\/[^/]+$/ },
  { path: new RegExp(`^/raceroom/drivers/${ID}$`), query: driverPageQuery, views: new RegExp(`^/raceroom/drivers/${ID}/[^/]+$`) },
  {
    path: new RegExp(`^/raceroom/leaderboards/${ID}/${ID}$`),
    query: leaderboardPageQuery,
    views: new RegExp(`^/raceroom/leaderboards/${ID}/${ID}/[^/]+$`),
  },
  { path: /^\/raceroom\/leaderboards$/, query: topLeaderboardsQuery, viewsAt: (path) => `${path}/all`, views: /^\/raceroom\/leaderboards\/all\/[^/]+$/ },
];
