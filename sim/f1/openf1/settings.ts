import { z } from "zod";
import { DEMO_ACCOUNT } from "./config";
import { openf1Upstream, type OpenF1Upstream } from "./upstream";

/**
 * From SIM_OPENF1_*: SIM_OPENF1_DATA (a folder of real OpenF1 data to serve instead of the synthetic race),
 * SIM_OPENF1_LIVE_SPEED (play the latest session live from the start, at this speed), SIM_OPENF1_USERNAME and
 * SIM_OPENF1_PASSWORD (the account POST /token accepts; default pitwall / pitwall-demo).
 */
const settingsSchema = z.object({
  SIM_OPENF1_DATA: z.string().min(1).optional(),
  SIM_OPENF1_LIVE_SPEED: z.coerce.number().min(0.1).max(1000).optional(),
  SIM_OPENF1_USERNAME: z.string().min(1).default(DEMO_ACCOUNT.username),
  SIM_OPENF1_PASSWORD: z.string().min(1).default(DEMO_ACCOUNT.password),
});

/** The OpenF1 upstream the simulator program serves, configured from its settings. */
export function openf1FromSettings(settings: Record<string, string | undefined>): OpenF1Upstream {
  const config = settingsSchema.parse(settings);
  return openf1Upstream({
    folder: config.SIM_OPENF1_DATA,
    accounts: [{ username: config.SIM_OPENF1_USERNAME, password: config.SIM_OPENF1_PASSWORD }],
    live: config.SIM_OPENF1_LIVE_SPEED === undefined ? undefined : { speed: config.SIM_OPENF1_LIVE_SPEED },
  });
}
