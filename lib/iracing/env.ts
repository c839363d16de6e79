import { z } from "zod";
import { envSection } from "@/lib/env";
import type { IracingCredentials } from "./credentials";

const optionalText = z.string().trim().min(1).optional();

/**
 * iRacing's settings: the token and data services (the demo and tests point both at the simulator), the four
 * credentials of the OAuth2 password_limited grant, and the schedules. Without credentials nothing crashes: the admin
 * shows that iRacing is not configured and the syncs say so.
 */
export const iracingEnvSchema = z.object({
  /** The OAuth2 server; the token endpoint is `<IRACING_AUTH_URL>/token`. */
  IRACING_AUTH_URL: z.url().default("https://oauth.iracing.com/oauth2"),
  IRACING_DATA_URL: z.url().default("https://members-ng.iracing.com/data"),
  IRACING_CLIENT_ID: optionalText,
  IRACING_CLIENT_SECRET: optionalText,
  IRACING_USERNAME: optionalText,
  IRACING_PASSWORD: optionalText,
  /** Series and current seasons, nightly (UTC). */
  IRACING_NIGHTLY_CRON: z.string().min(9).default("20 3 * * *"),
  /** The race guide's entry counts. */
  IRACING_RACE_GUIDE_CRON: z.string().min(9).default("*/5 * * * *"),
  IRACING_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(4),
  IRACING_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
});

export const iracingEnv = envSection(iracingEnvSchema);

/** The credentials when all four are set, else null (with the names of the missing ones). */
export function iracingCredentials(): { credentials: IracingCredentials | null; missing: string[] } {
  const settings = iracingEnv();
  const named = {
    IRACING_CLIENT_ID: settings.IRACING_CLIENT_ID,
    IRACING_CLIENT_SECRET: settings.IRACING_CLIENT_SECRET,
    IRACING_USERNAME: settings.IRACING_USERNAME,
    IRACING_PASSWORD: settings.IRACING_PASSWORD,
  };
  const missing = Object.entries(named)
    .filter(([, value]) => value === undefined)
    .map(([name]) => name);
  if (missing.length) return { credentials: null, missing };
  return {
    credentials: { clientId: named.IRACING_CLIENT_ID!, clientSecret: named.IRACING_CLIENT_SECRET!, username: named.IRACING_USERNAME!, password: named.IRACING_PASSWORD! },
    missing,
  };
}
