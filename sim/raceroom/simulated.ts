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
};
