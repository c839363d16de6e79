import { z } from "zod";

/** OpenF1's answer to a request without a token while a session is live, even for old data. */
export const LIVE_SESSION_DETAIL = "Session in progress, access is restricted to authenticated users. Sign up here: https://tally.so/r/w2yWDb";

export const startSchema = z.strictObject({
  /** Default: the latest session of the data. */
  sessionKey: z.number().int().optional(),
  /** Simulated seconds per second. */
  speed: z.number().min(0.1).max(1000).default(1),
  /** Where in the session to begin, in seconds after its start (the data of a race often begins an hour early). */
  offsetSeconds: z.number().min(0).default(0),
});

export const loadSchema = z.strictObject({ path: z.string().min(1) });

export const budgetSchema = z.strictObject({
  requests: z.number().int().min(1),
  windowMs: z.number().int().min(1),
});

/** The account the simulator accepts when none is configured (the demo's OPENF1_USERNAME / OPENF1_PASSWORD). */
export const DEMO_ACCOUNT = { username: "pitwall", password: "pitwall-demo" } as const;
