import { z } from "zod";
import { envSection } from "@/lib/env";

/** RaceRoom's settings: the leaderboard site and the catalogue (the demo and tests point both at the simulator), politeness, schedules. */
export const raceroomEnvSchema = z.object({
  RACEROOM_BASE_URL: z.url().default("https://game.raceroom.com"),
  RACEROOM_CATALOGUE_URL: z.url().default("https://raw.githubusercontent.com/sector3studios/r3e-spectator-overlay/master/r3e-data.json"),
  RACEROOM_FULL_REFRESH_CRON: z.string().min(9).default("0 4 * * *"),
  RACEROOM_INCREMENTAL_REFRESH_CRON: z.string().min(9).default("30 * * * *"),
  /** Politeness towards game.raceroom.com: requests in flight at once, and the pause between two requests of one worker. */
  RACEROOM_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  RACEROOM_MIN_INTERVAL_MS: z.coerce.number().int().min(0).default(20),
  RACEROOM_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
  /** The hourly refresh refetches leaderboards older than this, most popular first, at most RACEROOM_INCREMENTAL_LIMIT per run. */
  RACEROOM_STALE_AFTER_HOURS: z.coerce.number().positive().default(24),
  RACEROOM_INCREMENTAL_LIMIT: z.coerce.number().int().positive().default(500),
});

export const raceroomEnv = envSection(raceroomEnvSchema);
