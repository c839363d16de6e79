import { defineDomain } from "@/lib/domains/manifest";
import { raceroomEndpoints } from "./api-contract";
import { raceroomEnvSchema } from "./env";
import { fullRefresh, incrementalRefresh } from "./syncs";
import { raceroomCachedPages } from "./ui/page-queries";

/** RaceRoom Racing Experience leaderboards: every layout x class leaderboard, driver search, personal-best history. */
export const raceroom = defineDomain({
  slug: "raceroom",
  name: "RaceRoom",
  blurb: "Every leaderboard of RaceRoom Racing Experience, searchable by driver.",
  figures: () => import("./queries").then((queries) => queries.raceroomFigures()),
  api: {
    tags: [
      { name: "RaceRoom", description: "RaceRoom leaderboards: driver search, driver results, leaderboards, top leaderboards, refresh status." },
      { name: "RaceRoom exports", description: "The three files of the original RaceRoom cache generator, in their original shapes." },
    ],
    endpoints: raceroomEndpoints,
  },
  syncs: [fullRefresh, incrementalRefresh],
  env: raceroomEnvSchema,
  cachedPages: raceroomCachedPages,
  // The first searches after a start should not pay for cold database connections.
  warmUp: () => import("./search").then((search) => search.warmSearch()),
  simulator: () => import("@/sim/raceroom/simulated").then((sim) => sim.raceroomSimulator),
});
