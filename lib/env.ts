import { z } from "zod";

/** A flag variable: "1", "true", "yes" are on; unset, "", "0", "false", "no" are off. */
const flag = z
  .string()
  .optional()
  .transform((value) => value !== undefined && !["", "0", "false", "no"].includes(value.trim().toLowerCase()));

/**
 * The platform's environment variables, validated once. Each domain validates its own variables with `envSection`
 * (lib/<domain>/env.ts) and lists the schema in its manifest, so that a start checks them all (lib/env-check.ts).
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL" }).optional(),
  /** Connections per app instance (or script) in its database pool. */
  PITWALL_DB_POOL: z.coerce.number().int().min(1).max(100).default(10),
  PITWALL_DATA_DIR: z.string().min(1).default(".data"),
  PITWALL_PG_PORT: z.coerce.number().int().min(1024).max(65535).refine((p) => p !== 5432, "5432 belongs to a system Postgres").default(54329),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_BASE_URL: z.url().optional(),
  /** Where `npm run sync` finds a running Pitwall. */
  PITWALL_URL: z.url().default("http://localhost:3000"),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** Proxies in front of Pitwall that append the address they saw to X-Forwarded-For (0: clients connect directly). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Days of upstream API call ledger kept; older rows are pruned daily. */
  API_LEDGER_RETENTION_DAYS: z.coerce.number().int().positive().default(30),
  // Scripts call admin-only API endpoints with `Authorization: Bearer <token>`; unset, those endpoints answer 401.
  ADMIN_API_TOKEN: z.string().min(16, "use at least 16 characters").optional(),
  // Prometheus scrapes GET /metrics with `Authorization: Bearer <token>`; unset, /metrics answers 404.
  METRICS_TOKEN: z.string().min(16, "use at least 16 characters").optional(),
  // Admin dashboard: disabled until both are set (the login page says how).
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -hex 32`)").optional(),
  // Background jobs: an Inngest server when one of these is set, else the local executor (see jobRunnerMode). The SDK
  // reads the same variables itself; they are validated here so that a typo is reported at start.
  INNGEST_DEV: flag,
  INNGEST_BASE_URL: z.url().optional(),
  INNGEST_EVENT_KEY: z.string().min(1).optional(),
  INNGEST_SIGNING_KEY: z.string().regex(/^signkey-\w+-[0-9a-f]+$/i, "must look like signkey-<env>-<hex>").optional(),
});

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {}

const g = globalThis as unknown as { __pitwallEnv?: Map<z.ZodType, unknown> };
const parsedSections = (g.__pitwallEnv ??= new Map());

/** One line per invalid variable: "  - NAME: invalid (message)". */
export function envProblems(section: z.ZodType, source: NodeJS.ProcessEnv = process.env): string[] {
  const parsed = section.safeParse(source);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const name = issue.path.join(".");
    return `  - ${name}: ${source[name] === undefined ? "missing" : "invalid"} (${issue.message})`;
  });
}

/** An accessor for a group of variables: parsed from process.env on first use, then cached until resetEnvCache(). */
export function envSection<S extends z.ZodType>(section: S): () => z.output<S> {
  return () => {
    if (parsedSections.has(section)) return parsedSections.get(section) as z.output<S>;
    const problems = envProblems(section);
    if (problems.length) throw new EnvError(`Invalid environment configuration:\n${problems.join("\n")}`);
    const value = section.parse(process.env);
    parsedSections.set(section, value);
    return value;
  };
}

export const platformEnvSchema = schema;

/** The platform's settings. */
export const env: () => Env = envSection(schema);

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

export type JobRunnerMode = "inngest-dev" | "inngest-self-hosted" | "inngest-cloud" | "local";

/**
 * Which background job runner this instance uses: an Inngest server when one is configured (the SDK reads the
 * same variables), else the local executor (inngest/inline), which every instance then runs.
 */
export function jobRunnerMode(): JobRunnerMode {
  const settings = env();
  if (settings.INNGEST_DEV) return "inngest-dev";
  if (settings.INNGEST_BASE_URL) return "inngest-self-hosted";
  if (settings.INNGEST_EVENT_KEY && settings.INNGEST_SIGNING_KEY) return "inngest-cloud";
  return "local";
}

/** Tests and launchers change the environment at run time; the next accessor call re-reads it. */
export function resetEnvCache(): void {
  parsedSections.clear();
}
