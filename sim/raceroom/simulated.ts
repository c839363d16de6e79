import { z } from "zod";
import type { SimulatedUpstream } from "../simulated";
import { raceroomUpstream } from "./upstream";

/** World size from SIM_RACEROOM_*; unset ones keep the upstream's defaults (200,000 entries, 45,000 drivers, every leaderboard). */
const settingsSchema = z.object({
  SIM_RACEROOM_ENTRIES: z.coerce.number().int().optional(),
  SIM_RACEROOM_DRIVERS: z.coerce.number().int().optional(),
  SIM_RACEROOM_LEADERBOARDS: z.coerce.number().int().optional(),
});

export const raceroomSimulator: SimulatedUpstream = {
  create(settings) {
    const size = settingsSchema.parse(settings);
    return raceroomUpstream({ entries: size.SIM_RACEROOM_ENTRIES, drivers: size.SIM_RACEROOM_DRIVERS, leaderboards: size.SIM_RACEROOM_LEADERBOARDS });
  },
  pitwallEnv: (url, settings) => ({
    RACEROOM_BASE_URL: `${url}/raceroom`,
    RACEROOM_CATALOGUE_URL: `${url}/raceroom/r3e-data.json`,
    // The simulator runs on this machine: no pause between requests, so the first refresh ends within two minutes.
    RACEROOM_MIN_INTERVAL_MS: settings.RACEROOM_MIN_INTERVAL_MS ?? "0",
  }),
};
