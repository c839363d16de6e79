import { defineDomain } from "@/lib/domains/manifest";
import { enduranceEndpoints } from "./api-contract";
import { enduranceEnvSchema } from "./env";
import { ingestRace, raceMonitor, replayIngestionSync, scheduleRaceSync, stopIngestionSync } from "./syncs";
import { enduranceCachedPages } from "./ui/page-queries";

/** Endurance racing (WEC, IMSA): the race calendar, durable live-timing ingestion, leaderboards, analysis and predictions. */
export const endurance = defineDomain({
  slug: "endurance",
  name: "Endurance",
  blurb: "WEC and IMSA races live: multi-class leaderboards, pit stops, stints, drive time and lap-time predictions with their measured accuracy.",
  figures: () => import("./queries").then((queries) => queries.enduranceFigures()),
  api: {
    tags: [{ name: "Endurance", description: "Endurance races (WEC, IMSA): calendar, leaderboards at any race time, laps, pit stops, stints, drive time, predictions, anomalies, strategy." }],
    endpoints: enduranceEndpoints,
  },
  syncs: [ingestRace, scheduleRaceSync, stopIngestionSync, replayIngestionSync],
  jobs: [raceMonitor],
  env: enduranceEnvSchema,
  cachedPages: enduranceCachedPages,
  simulator: () => import("@/sim/endurance/simulated").then((sim) => sim.enduranceSimulator),
});
