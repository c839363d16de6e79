/**
 * A full RaceRoom refresh against the simulator, through the real durable function and the local job executor:
 * 14,040 leaderboards (the first 135 layouts of the catalogue x its 104 classes) with 100 ms of latency per request and
 * the default politeness (4 requests in flight, on average >= 20 ms between two requests of each). Prints the wall time
 * against the floor requests x latency / concurrency.
 *
 * Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/pitwall_bench_raceroom npx tsx bench/raceroom-refresh.ts
 * It works in its own database next to that one (`<name>_refresh`, created and dropped). Settings: BENCH_LAYOUTS
 * (135), BENCH_LATENCY_MS (100), BENCH_ENTRIES (200000) and BENCH_DRIVERS (45000) for the simulated world.
 */
import { readFile } from "node:fs/promises";
import postgres from "postgres";
import { closeDatabase, sql } from "@/lib/db";
import { runMigrations } from "@/db/migrate";
import { LocalExecutor } from "@/inngest/inline/executor";
import { inngestHandler } from "@/inngest/serve";
import { resetEnvCache } from "@/lib/env";
import { raceroomEnv } from "@/lib/raceroom/env";
import { flushLedger } from "@/lib/http/ledger";
import { triggerSync } from "@/lib/jobs/trigger";
import { raceroomUpstream } from "@/sim/raceroom/upstream";
import { startSimulator, type Upstream } from "@/sim/server";

const LAYOUTS = Number(process.env.BENCH_LAYOUTS ?? 135);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100);
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 200_000);
const DRIVERS = Number(process.env.BENCH_DRIVERS ?? 45_000);

/** The real r3e-data.json cut to its first LAYOUTS layouts (by id), served like the real file. */
async function catalogueUpstream(): Promise<{ upstream: Upstream; leaderboards: number }> {
  const full = JSON.parse(await readFile("lib/raceroom/data/r3e-data.json", "utf8"));
  const layoutIds = Object.values(full.layouts as Record<string, { Id: number }>)
    .map((l) => l.Id)
    .sort((a, b) => a - b)
    .slice(0, LAYOUTS);
  const layouts = Object.fromEntries(Object.entries(full.layouts).filter(([, l]) => layoutIds.includes((l as { Id: number }).Id)));
  const body = { ...full, layouts };
  return { upstream: { prefix: "/catalogue", name: "Catalogue", handle: () => ({ body }) }, leaderboards: layoutIds.length * Object.keys(full.classes).length };
}

interface RunState {
  status: string;
  progressDone: number;
  progressTotal: number | null;
  created: number;
  error: string | null;
  steps: number;
  promoteMs: number | null;
}

/** The sync run and its steps, read directly (lib/jobs/queries is server-only). */
async function runState(syncRunId: string): Promise<RunState | undefined> {
  const [row] = await sql()<RunState[]>`
    select r.status, r.progress_done as "progressDone", r.progress_total as "progressTotal", r.created, r.error,
           (select count(*)::int from job_steps s where s.run_id = r.inngest_run_id) as steps,
           (select extract(epoch from s.ended_at - s.started_at)::float8 * 1000 from job_steps s
            where s.run_id = r.inngest_run_id and s.name = 'promote') as "promoteMs"
    from sync_runs r where r.id = ${syncRunId}`;
  return row;
}

async function main(): Promise<void> {
  const base = new URL(process.env.DATABASE_URL ?? "");
  const name = `${base.pathname.slice(1)}_refresh`;
  const admin = postgres({ host: base.hostname, port: Number(base.port || 5432), user: decodeURIComponent(base.username), database: "postgres", onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;

  const world = raceroomUpstream({ entries: ENTRIES, drivers: DRIVERS, leaderboards: LAYOUTS * 104 });
  const { upstream: catalogue, leaderboards } = await catalogueUpstream();
  const sim = await startSimulator({ seed: 1, upstreams: [world, catalogue] });
  Object.assign(process.env, {
    DATABASE_URL: url.toString(),
    RACEROOM_BASE_URL: `${sim.url}/raceroom`,
    RACEROOM_CATALOGUE_URL: `${sim.url}/catalogue/r3e-data.json`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  });
  resetEnvCache();
  await runMigrations(url.toString());
  const { RACEROOM_CONCURRENCY: concurrency, RACEROOM_MIN_INTERVAL_MS: interval } = raceroomEnv();
  sim.setFaults({ latencyMs: LATENCY_MS }, "/raceroom");

  const executor = new LocalExecutor({ handler: inngestHandler, workers: 2, pollMs: 200 });
  await executor.start();
  console.log(`RaceRoom full refresh: ${leaderboards.toLocaleString("en-US")} leaderboards, ${LATENCY_MS} ms latency, ${concurrency} in flight, >= ${interval} ms apart per slot`);
  const started = performance.now();
  const { syncRunId } = await triggerSync({ kind: "raceroom.full-refresh", trigger: "api" });
  let run = await runState(syncRunId);
  for (let lastReport = 0; run && !["succeeded", "failed", "cancelled"].includes(run.status); run = await runState(syncRunId)) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (performance.now() - lastReport > 30_000) {
      lastReport = performance.now();
      console.log(`  ${((performance.now() - started) / 1000).toFixed(0)} s: ${run.progressDone} / ${run.progressTotal ?? "?"} leaderboards`);
    }
  }
  const wallMs = performance.now() - started;
  await executor.stop();
  if (run?.status !== "succeeded") throw new Error(`the refresh ended ${run?.status}: ${run?.error}`);

  const requests = sim.stats().prefixes["/raceroom"]?.requests ?? 0;
  const floorMs = (requests * LATENCY_MS) / concurrency;
  console.log(`leaderboards ${run.progressDone.toLocaleString("en-US")}, entries ${run.created.toLocaleString("en-US")}, requests ${requests.toLocaleString("en-US")}, steps ${run.steps}`);
  console.log(`wall time ${(wallMs / 1000).toFixed(1)} s; floor requests x latency / concurrency ${(floorMs / 1000).toFixed(1)} s; ratio ${(wallMs / floorMs).toFixed(3)}`);
  if (run.promoteMs !== null) console.log(`promotion step ${(run.promoteMs / 1000).toFixed(2)} s`);

  await flushLedger();
  await closeDatabase();
  await sim.close();
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
