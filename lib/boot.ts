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
  // Without an Inngest server, this instance runs jobs itself; several instances share the work through Postgres.
  if (jobRunnerMode() === "local") {
    const { startLocalExecutor } = await import("@/inngest/inline/start");
    await startLocalExecutor();
  }
}
