import { defineDomain } from "@/lib/domains/manifest";
import { iracingEndpoints } from "./api-contract";
import { iracingEnvSchema } from "./env";
import { iracingSyncs } from "./syncs";
import { iracingCachedPages } from "./ui/page-queries";

/** iRacing: series, seasons and their race weeks from the Data API, session times computed from the schedules, and a race planner. */
export const iracing = defineDomain({
  slug: "iracing",
  name: "iRacing",
  blurb: "Every iRacing series, its season schedule week by week, the next sessions, and a planner for the content you own.",
  figures: () => import("./queries").then((queries) => queries.iracingFigures()),
  api: {
    tags: [
      { name: "iRacing", description: "iRacing series, seasons and their schedules, upcoming sessions, cars, car classes and tracks." },
      { name: "iRacing calendars", description: "iCalendar feeds of a season's or series' sessions, and of a plan's pinned sessions." },
    ],
    endpoints: iracingEndpoints,
  },
  syncs: iracingSyncs,
  env: iracingEnvSchema,
  cachedPages: iracingCachedPages,
  simulator: () => import("@/sim/iracing/simulated").then((sim) => sim.iracingSimulator),
});
