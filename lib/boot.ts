import { runMigrations } from "@/db/migrate";
import { databaseUrl } from "./env";
import { log } from "./log";

export const startedAt = new Date();

/** Server start: bring the schema up to date before any request is served. */
export async function boot(): Promise<void> {
  const url = databaseUrl();
  const { applied, total } = await runMigrations(url);
  const where = new URL(url);
  log.info({ applied, total, database: `${where.hostname}:${where.port || 5432}${where.pathname}` }, "database ready");
}
