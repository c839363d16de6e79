import { runMigrations } from "@/db/migrate";
import { domains } from "@/lib/domains";
import { databaseUrl } from "./env";
import { followExpiries } from "./cache-expiry";
import { checkEnvironment } from "./env-check";
import { log } from "./log";

export const startedAt = new Date();

/** Server start: every setting checked and the schema brought up to date before any request is served; warm-ups after. */
export async function boot(): Promise<void> {
  checkEnvironment();
  const url = databaseUrl();
  const { applied, total } = await runMigrations(url);
  const where = new URL(url);
  log.info({ applied, total, database: `${where.hostname}:${where.port || 5432}${where.pathname}` }, "database ready");
  // Cached pages expire here when another instance's sync changes their data.
  await followExpiries();
  for (const domain of domains) {
    domain.warmUp?.().then(
      () => log.debug({ domain: domain.slug }, "warmed up"),
      (error: unknown) => log.warn({ domain: domain.slug, err: error instanceof Error ? error.message : String(error) }, "warm-up failed"),
    );
  }
}
