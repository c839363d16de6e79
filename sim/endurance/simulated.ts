import { z } from "zod";
import type { SimulatedUpstream } from "../simulated";
import { enduranceUpstream } from "./upstream";

/**
 * The races the simulator serves by default (SIM_ENDURANCE_* settings): a live synthetic race (24 h) replayed at
 * SIM_ENDURANCE_SPEED (60x: an hour of racing a minute) and a finished one of the same length (replayed at 10,000x,
 * over in seconds; IMSA layout), both with IMSA live scoring and results beside them.
 */
const settingsSchema = z.object({
  SIM_ENDURANCE_SPEED: z.coerce.number().positive().max(10_000).default(60),
  SIM_ENDURANCE_CARS: z.coerce.number().int().min(10).max(62).default(18),
  SIM_ENDURANCE_HOURS: z.coerce.number().min(0.5).max(24).default(24),
  /** The finished race's length when it differs from the live one's. */
  SIM_ENDURANCE_PAST_HOURS: z.coerce.number().min(0.5).max(24).optional(),
});

export const enduranceSimulator: SimulatedUpstream = {
  create(settings) {
    const { SIM_ENDURANCE_SPEED: speed, SIM_ENDURANCE_CARS: cars, SIM_ENDURANCE_HOURS: hours, SIM_ENDURANCE_PAST_HOURS: pastHours = hours } = settingsSchema.parse(settings);
    const durationMs = Math.round(hours * 3_600_000);
    const pastDurationMs = Math.round(pastHours * 3_600_000);
    return enduranceUpstream({
      races: [
        { id: "live", name: "FIA WEC", event: "6 Hours of Pitwall", track: "Pitwall Park", source: { synthetic: { seed: 12, cars, durationMs } }, speed, live: true },
        { id: "past", name: "IMSA", event: "Pitwall 6 Hours", track: "Pitwall Park", source: { synthetic: { seed: 7, cars, durationMs: pastDurationMs, layout: "imsa" } }, speed: 10_000, live: true },
      ],
    });
  },
  pitwallEnv: (url) => ({ ENDURANCE_TIMING_BASE_URL: `${url}/endurance` }),
};
