import { z } from "zod";
import type { SimulatedUpstream } from "../simulated";
import { IRACING_DEMO_CREDENTIALS } from "./config";
import { iracingUpstream } from "./upstream";

/** World size and limits from SIM_IRACING_*; unset ones keep the upstream's defaults. */
const settingsSchema = z.object({
  SIM_IRACING_SERIES: z.coerce.number().int().optional(),
  SIM_IRACING_RATE_LIMIT: z.coerce.number().int().optional(),
  SIM_IRACING_LINK_SECONDS: z.coerce.number().int().optional(),
  SIM_IRACING_NOW: z.string().optional(),
});

export const iracingSimulator: SimulatedUpstream = {
  create(settings) {
    const parsed = settingsSchema.parse(settings);
    return iracingUpstream({
      series: parsed.SIM_IRACING_SERIES,
      rateLimit: parsed.SIM_IRACING_RATE_LIMIT,
      linkSeconds: parsed.SIM_IRACING_LINK_SECONDS,
      now: parsed.SIM_IRACING_NOW,
    });
  },
  pitwallEnv: (url) => ({
    IRACING_AUTH_URL: `${url}/iracing/oauth2`,
    IRACING_DATA_URL: `${url}/iracing/data`,
    IRACING_CLIENT_ID: IRACING_DEMO_CREDENTIALS.clientId,
    IRACING_CLIENT_SECRET: IRACING_DEMO_CREDENTIALS.clientSecret,
    IRACING_USERNAME: IRACING_DEMO_CREDENTIALS.username,
    IRACING_PASSWORD: IRACING_DEMO_CREDENTIALS.password,
  }),
};
