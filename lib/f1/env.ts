import { z } from "zod";
import { envSection } from "@/lib/env";
import { livetimingEnvSchema } from "./livetiming/env";

/**
 * F1's settings: where OpenF1 is (the demo and tests point it at the simulator), the optional OpenF1 account (needed
 * for anything while a session is live), the request budget every instance shares, and the poller's pace.
 */
export const f1EnvSchema = z.object({
  F1_OPENF1_BASE_URL: z.url().default("https://api.openf1.org"),
  F1_OPENF1_USERNAME: z.string().min(1).optional(),
  F1_OPENF1_PASSWORD: z.string().min(1).optional(),
  /** OpenF1 allows 30 requests per 10 s per client; every app instance draws from this one budget. */
  F1_OPENF1_REQUESTS_PER_10S: z.coerce.number().int().min(1).max(30).default(30),
  F1_OPENF1_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  /** Time between two polls of a live session (1-2 s), within the budget. */
  F1_POLL_INTERVAL_MS: z.coerce.number().int().min(500).max(10_000).default(1_500),
  /** How often to ask the sessions endpoint whether a session is live. */
  F1_WATCH_CRON: z.string().min(9).default("* * * * *"),
  ...livetimingEnvSchema.shape,
});

export const f1Env = envSection(f1EnvSchema);
