import { APPLICATION_NAME, sql } from "@/lib/db";
import { dbConnections, dbPoolMax, queueDepth, queueLag, syncRuns } from "./catalogue";

/** Reads the figures that live in Postgres, just before a scrape. */
export async function collectDatabaseMetrics(): Promise<void> {
  const db = sql();
  const [runs, queue, pool] = await Promise.all([
    db<{ kind: string; status: string; n: number }[]>`select kind, status, count(*)::int as n from sync_runs group by kind, status`,
    db<{ due: number; later: number; lag: number | null }[]>`
      select count(*) filter (where available_at <= now())::int as due, count(*) filter (where available_at > now())::int as later,
             extract(epoch from now() - min(available_at) filter (where available_at <= now()))::float8 as lag
      from job_runs where status = 'queued' or (status = 'running' and (lease_expires_at is null or lease_expires_at < now()))`,
    db<{ state: string | null; n: number }[]>`
      select state, count(*)::int as n from pg_stat_activity where application_name = ${APPLICATION_NAME} group by state`,
  ]);
  syncRuns().reset();
  for (const row of runs) syncRuns().set({ kind: row.kind, status: row.status }, row.n);
  queueDepth().set({ due: "now" }, queue[0]?.due ?? 0);
  queueDepth().set({ due: "later" }, queue[0]?.later ?? 0);
  queueLag().set(queue[0]?.lag ?? 0);
  dbConnections().reset();
  for (const row of pool) dbConnections().set({ state: row.state ?? "unknown" }, row.n);
  dbPoolMax().set(db.options.max);
}
