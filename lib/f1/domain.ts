import { defineDomain } from "@/lib/domains/manifest";
import { f1Endpoints } from "./api-contract";
import { f1EnvSchema } from "./env";
import { f1CachedPages } from "./ui/cached-pages";
import { archiveSeasons, followLive, poller, replaySession, stopSession, watcher } from "./jobs";

/**
 * F1 race day on OpenF1 and the official live-timing archive: one poller per live session, a snapshot served to any
 * number of viewers, replays and time travel.
 */
export const f1 = defineDomain({
  slug: "f1",
  name: "F1",
  blurb: "F1 sessions live and replayed: timing tower, track map and race control, from OpenF1 and the live-timing archive.",
  figures: () => import("./queries").then((queries) => queries.f1Figures()),
  api: {
    tags: [{ name: "F1", description: "F1 from OpenF1: the live snapshot, sessions, the state at any moment, laps, stints, pit visits, race control, weather." }],
    endpoints: f1Endpoints,
  },
  syncs: [replaySession, archiveSeasons, followLive, stopSession],
  jobs: [poller, watcher],
  env: f1EnvSchema,
  // The live snapshot is in memory (and listening) before the first viewer asks.
  warmUp: () => import("./live-cache").then((live) => live.liveAnswer()),
  cachedPages: f1CachedPages,
  fastRoutes: () => import("./live-cache").then((live) => [{ path: "/api/v1/f1/live", serve: live.serveLive }]),
  simulator: () => import("@/sim/f1/simulated").then((sim) => sim.f1Simulators),
});
