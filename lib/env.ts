import { z } from "zod";

/** Every environment variable Pitwall reads, validated once. Domain settings live here too. */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL" }).optional(),
  PITWALL_DATA_DIR: z.string().min(1).default(".data"),
  PITWALL_PG_PORT: z.coerce.number().int().min(1024).max(65535).refine((p) => p !== 5432, "5432 belongs to a system Postgres").default(54329),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_BASE_URL: z.url().optional(),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** Days of upstream API call ledger kept; older rows are pruned daily. */
  API_LEDGER_RETENTION_DAYS: z.coerce.number().int().positive().default(30),
  // Scripts call admin-only API endpoints with `Authorization: Bearer <token>`; unset, those endpoints answer 401.
  ADMIN_API_TOKEN: z.string().min(16, "use at least 16 characters").optional(),
  // Admin dashboard: disabled until both are set (the login page says how).
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -hex 32`)").optional(),
  // RaceRoom: the leaderboard site and the catalogue (the demo and tests point both at the simulator).
  RACEROOM_BASE_URL: z.url().default("https://game.raceroom.com"),
  RACEROOM_CATALOGUE_URL: z.url().default("https://raw.githubusercontent.com/sector3studios/r3e-spectator-overlay/master/r3e-data.json"),
  RACEROOM_FULL_REFRESH_CRON: z.string().min(9).default("0 4 * * *"),
  RACEROOM_INCREMENTAL_REFRESH_CRON: z.string().min(9).default("30 * * * *"),
  /** Politeness towards game.raceroom.com: requests in flight at once, and the pause between two requests of one worker. */
  RACEROOM_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  RACEROOM_MIN_INTERVAL_MS: z.coerce.number().int().min(0).default(20),
  RACEROOM_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
  /** The hourly refresh refetches combinations older than this, most popular first, at most RACEROOM_INCREMENTAL_LIMIT per run. */
  RACEROOM_STALE_AFTER_HOURS: z.coerce.number().positive().default(24),
  RACEROOM_INCREMENTAL_LIMIT: z.coerce.number().int().positive().default(500),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export class EnvError extends Error {}

/** Parses process.env on first use; a bad value fails with one line per variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = issue.path.join(".");
      const given = process.env[name];
      return `  - ${name}: ${given === undefined ? "missing" : "invalid"} (${issue.message})`;
    });
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** The database URL, or a clear message on how to get one. */
export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) {
    throw new EnvError(
      "DATABASE_URL is not set. Start Pitwall with `npm start`, `npm run dev` or `npm run demo` (they start an embedded Postgres), or set DATABASE_URL.",
    );
  }
  return url;
}

/** Tests and launchers change the environment at run time; the next env() call re-reads it. */
export function resetEnvCache(): void {
  cached = undefined;
}
