import { z } from "zod";
import type { SimulatedUpstream } from "../../simulated";
import { DEMO_F1TV_TOKEN } from "./config";
import { livetimingUpstream } from "./upstream";

/**
 * From SIM_F1_LIVETIMING_*: DATA (a folder in the archive's layout instead of the bundled recordings), SPEED (play
 * the first archived session live from every reset, at this speed), WITHHOLD ("false" sends the account-only topics
 * to everyone), TOKEN (the F1 TV token the hub accepts; default pitwall-demo-f1tv), HUB_PORT (the SignalR hub's port,
 * default any free one), SYNTHETIC ("false" leaves out the archived session of the OpenF1 simulator's synthetic race).
 */
const settingsSchema = z.object({
  SIM_F1_LIVETIMING_DATA: z.string().min(1).optional(),
  SIM_F1_LIVETIMING_SPEED: z.coerce.number().min(0.1).max(10_000).optional(),
  SIM_F1_LIVETIMING_WITHHOLD: z.enum(["true", "false"]).default("true"),
  SIM_F1_LIVETIMING_TOKEN: z.string().min(1).default(DEMO_F1TV_TOKEN),
  SIM_F1_LIVETIMING_HUB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  SIM_F1_LIVETIMING_SYNTHETIC: z.enum(["true", "false"]).default("true"),
});

export const livetimingSimulator: SimulatedUpstream = {
  create(settings) {
    const config = settingsSchema.parse(settings);
    return livetimingUpstream({
      folder: config.SIM_F1_LIVETIMING_DATA,
      tokens: [config.SIM_F1_LIVETIMING_TOKEN],
      withholdAccountTopics: config.SIM_F1_LIVETIMING_WITHHOLD === "true",
      autoplay: config.SIM_F1_LIVETIMING_SPEED === undefined ? undefined : { speed: config.SIM_F1_LIVETIMING_SPEED },
      hubPort: config.SIM_F1_LIVETIMING_HUB_PORT,
      synthetic: config.SIM_F1_LIVETIMING_SYNTHETIC === "true",
    });
  },
  pitwallEnv: (url) => ({ F1_LIVETIMING_BASE_URL: `${url}/f1-livetiming` }),
};
