import type { SimConfig } from "./config";
import { raceroomUpstream } from "./raceroom/upstream";
import type { Upstream } from "./server";

/** Every simulated upstream `npm run sim` and the demo serve (the probe is built in). */
export function defaultUpstreams(config: SimConfig): Upstream[] {
  return [
    raceroomUpstream({
      entries: config.SIM_RACEROOM_ENTRIES,
      drivers: config.SIM_RACEROOM_DRIVERS,
      combinations: config.SIM_RACEROOM_COMBINATIONS,
    }),
  ];
}
