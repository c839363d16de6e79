import { runMigrations } from "@/db/migrate";
import { databaseUrl } from "./env";
import { jobRunnerMode } from "./job-runner-mode";
import { log } from "./log";

export const startedAt = new Date();

/** Server start: bring the schema up to date before any request is served, then start the background jobs. */
export async function boot(): Promise<void> {
  const url = databaseUrl();
  const { applied, total } = await runMigrations(url);
  const where = new URL(url);
  log.info({ applied, total, database: `${where.hostname}:${where.port || 5432}${where.pathname}` }, "database ready");
  // In the background: the first searches after a start should not pay for cold database connections.
  const { warmSearch } = await import("@/lib/raceroom/search");
  warmSearch().then(
    (connections) => log.debug({ connections }, "search connections primed"),
    (error: unknown) => log.warn({ err: error instanceof Error ? error.message : String(error) }, "search warm-up failed"),
  );
  // Without an Inngest server, this instance runs jobs itself; several instances share the work through Postgres.
  if (jobRunnerMode() === "local") {
    const { startLocalExecutor } = await import("@/inngest/inline/start");
    await startLocalExecutor();
  }
}
