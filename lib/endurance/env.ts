import { z } from "zod";
import { envSection } from "@/lib/env";

/** Endurance timing settings: where relative race source URLs point, the ingestion pace and the race monitor. */
export const enduranceEnvSchema = z.object({
  /** Races whose source URLs are relative (e.g. "lemans/23_Analysis_Race.CSV") resolve against this (the demo: the simulator). */
  ENDURANCE_TIMING_BASE_URL: z.url().optional(),
  /** Time between two polls of a live race's timing documents. */
  ENDURANCE_POLL_INTERVAL_MS: z.coerce.number().int().min(1_000).max(300_000).default(10_000),
  /** Retries of a failed fetch, and the pause between them (the original tracker: 3 retries 5 s apart). */
  ENDURANCE_FETCH_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  ENDURANCE_RETRY_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  ENDURANCE_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  /** Polls after the scheduled end before a race whose chequered flag never came is left. */
  ENDURANCE_END_GRACE_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(30),
  /** The race monitor: starts ingestion of races that are live and not ingesting. */
  ENDURANCE_MONITOR_CRON: z.string().min(9).default("*/5 * * * *"),
  /**
   * A video the operator placed in public/, played muted and faint behind race pages (e.g. "/video/onboard.webm").
   * Unset: no video. Never shown to visitors who ask for reduced motion, on phones, or with data saving on.
   */
  ENDURANCE_BACKGROUND_VIDEO: z
    .string()
    // Every segment starts with a letter, digit, _ or -: no "..", no other host.
    .regex(/^(\/[\w-][\w.-]*)+\.(webm|mp4|ogv|mov)$/i, "a path under public/, such as /video/onboard.webm")
    .optional(),
});

export const enduranceEnv = envSection(enduranceEnvSchema);
