import "server-only";
import { cachedPerVersion } from "@/lib/cache";
import { sql } from "@/lib/db";
import { driverDetail, leaderboardFilters, leaderboardPage, movers, searchDrivers, topLeaderboards } from "./queries";
import { RACEROOM_CACHE_TAG } from "./cache-tag";
import { LIVE_GENERATION } from "./live";


/**
 * The live data's version: the live generation and its revision, which promotion and every incremental replacement
 * change. The pages' heavy read models answer the same until it moves, so they are cached per version.
 */
async function liveVersion(): Promise<string> {
  const [row] = await sql()<{ version: string }[]>`
    select g.id || '.' || g.revision as version from raceroom_generations g where g.id = ${sql().unsafe(LIVE_GENERATION)}`;
  return row?.version ?? "none";
}

const perVersion = <A extends unknown[], R>(name: string, read: (...args: A) => Promise<R>) =>
  cachedPerVersion(RACEROOM_CACHE_TAG, name, liveVersion, read);

// The pages' readers; the JSON API reads the uncached queries (it answers with ETags, at the framework's floor already).
export const cachedTopLeaderboards = perVersion("top-leaderboards", topLeaderboards);
export const cachedMovers = perVersion("movers", movers);
export const cachedLeaderboardFilters = perVersion("leaderboard-filters", leaderboardFilters);
export const cachedSearchDrivers = perVersion("search", searchDrivers);
export const cachedLeaderboardPage = perVersion("leaderboard-page", leaderboardPage);
export const cachedDriverDetail = perVersion("driver", driverDetail);
