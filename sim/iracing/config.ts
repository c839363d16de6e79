import { z } from "zod";

/** The credentials the simulator accepts (the demo configures Pitwall with them). */
export const IRACING_DEMO_CREDENTIALS = {
  clientId: "pitwall-demo",
  clientSecret: "pitwall-demo-client-secret",
  username: "demo.driver@pitwall.invalid",
  password: "pitwall-demo-password",
} as const;

const credentialsSchema = z.strictObject({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  username: z.string().min(1),
  password: z.string().min(1),
});

export const optionsSchema = z.strictObject({
  /** Number of series in the world (~150 like the real service). */
  series: z.int().min(12).max(400).default(150),
  credentials: credentialsSchema.default({ ...IRACING_DEMO_CREDENTIALS }),
  /** Lifetimes as the real token endpoint gives them (600 s / 3600 s). */
  accessTokenSeconds: z.int().min(1).default(600),
  refreshTokenSeconds: z.int().min(1).default(3600),
  /** How long a signed link (and each chunk's link) stays valid. */
  linkSeconds: z.int().min(1).default(60),
  /** Requests per window per user on /data; the reported real values are 240 per ~5 minutes. */
  rateLimit: z.int().min(1).default(240),
  rateLimitWindowSeconds: z.int().min(1).default(300),
  /** The instant the world is built around; default: the real time at start. */
  now: z.iso.datetime({ offset: true }).optional(),
});

export type IracingOptions = z.output<typeof optionsSchema>;
export type IracingOptionsInput = z.input<typeof optionsSchema>;

export const changeScheduleSchema = z.strictObject({ seasonId: z.int().positive(), raceWeekNum: z.int().min(0).optional() });
export const maintenanceSchema = z.strictObject({ on: z.boolean() });
export const rateLimitSchema = z.strictObject({ limit: z.int().min(1).optional(), windowSeconds: z.int().min(1).optional() });
export const clockSchema = z.strictObject({ now: z.iso.datetime({ offset: true }) });
export const advanceSchema = z.strictObject({ seconds: z.number().positive().max(400 * 86_400) });
