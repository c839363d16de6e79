import { z } from "zod";

/**
 * The live-timing feed's settings, for the F1 domain to add to its own schema: where the feed lives (the demo and
 * tests point it at the simulator) and the optional F1 TV token that unlocks the account-only live topics.
 */
export const livetimingEnvSchema = z.object({
  F1_LIVETIMING_BASE_URL: z.url().default("https://livetiming.formula1.com"),
  F1_TV_TOKEN: z.string().min(1).optional(),
});
