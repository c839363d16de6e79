/**
 * A full RaceRoom refresh against the simulator, through the real durable function and the local job executor:
 * 14,040 leaderboards (the first 135 layouts of the catalogue x its 104 classes) with 100 ms of latency per request and
 * the default politeness (4 requests in flight, on average >= 20 ms between two requests of each). Prints the wall time
 * against the floor requests x latency / concurrency.
 *
 * With BENCH_FAULTS=1 instead: the default world (every leaderboard, the simulator's own speed) refreshed fault-free and
 * then under 10 % errors, 5 % 429s (Retry-After 1 s), 4 % cut-short bodies and 1 % requests never answered; prints both
 * wall times, their ratio and whether both refreshes ended with the same entries and drivers.
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
import { startJobRunner } from "@/inngest/runner";
import { inngestHandler } from "@/inngest/serve";
import { resetEnvCache } from "@/lib/env";
import { raceroomEnv } from "@/lib/raceroom/env";
import { flushLedger } from "@/lib/http/ledger";
import { triggerSync } from "@/lib/jobs/trigger";
import { raceroomUpstream } from "@/sim/raceroom/upstream";
import { startSimulator, type Simulator, type Upstream } from "@/sim/server";

const LAYOUTS = Number(process.env.BENCH_LAYOUTS ?? 135);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100);
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 200_000);
const DRIVERS = Number(process.env.BENCH_DRIVERS ?? 45_000);
/** BENCH_FAULTS=1: the default world (every leaderboard, no added latency) fault-free and under FAULT_PROFILE, side by side. */
const FAULTS = process.env.BENCH_FAULTS === "1";
const FAULT_PROFILE = { errorRate: 0.1, rateLimitRate: 0.05, truncateRate: 0.04, timeoutRate: 0.01, retryAfterSeconds: 1 };

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

interface RefreshOutcome {
  /** Each leaderboard's entry count and state, to name the ones that differ between two runs. */
  boards: Map<string, string>;
  /** Each durable step of the run with its time. */
  stepTimes: { name: string; ms: number }[];
  wallMs: number;
  requests: number;
  leaderboards: number;
  entries: number;
  drivers: number;
  /** A digest of every live entry (leaderboard, position, driver, lap): equal digests, equal data. */
  digest: string;
  steps: number;
  promoteMs: number | null;
}

/** One full refresh into a fresh database `<name>`, through the sync kind and the local executor, against `sim`. */
async function refreshOnce(admin: postgres.Sql, base: URL, name: string, sim: Simulator, catalogueUrl: string): Promise<RefreshOutcome> {
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  Object.assign(process.env, {
    DATABASE_URL: url.toString(),
    RACEROOM_BASE_URL: `${sim.url}/raceroom`,
    RACEROOM_CATALOGUE_URL: catalogueUrl,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  });
  resetEnvCache();
  await closeDatabase();
  await runMigrations(url.toString());
  await startJobRunner({ execute: false });
  const executor = new LocalExecutor({ handler: inngestHandler, workers: 2, pollMs: 200 });
  await executor.start();
  const before = sim.stats().prefixes["/raceroom"]?.requests ?? 0;
  const started = performance.now();
  const { syncRunId } = await triggerSync({ kind: "raceroom.full-refresh", trigger: "api" });
  let run = await runState(syncRunId);
  for (let lastReport = performance.now(); run && !["succeeded", "failed", "cancelled"].includes(run.status); run = await runState(syncRunId)) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (performance.now() - lastReport > 30_000) {
      lastReport = performance.now();
      console.log(`  ${((performance.now() - started) / 1000).toFixed(0)} s: ${run.progressDone} / ${run.progressTotal ?? "?"} leaderboards`);
    }
  }
  const wallMs = performance.now() - started;
  await executor.stop();
  if (run?.status !== "succeeded") throw new Error(`the refresh ended ${run?.status}: ${run?.error}`);
  const [live] = await sql()<{ entries: number; drivers: number; digest: string }[]>`
    select g.entry_count as entries, g.driver_count as drivers,
           (select md5(string_agg(concat_ws(':', e.layout_id, e.class_id, e.position, e.driver_id, e.lap_time_ms), ',' order by e.layout_id, e.class_id, e.position))
            from raceroom_entries e where e.generation_id = g.id) as digest
    from raceroom_generations g where g.id = (select generation_id from raceroom_live where id = 1)`;
  const boards = await sql()<{ key: string; n: number; status: string; flag: string | null }[]>`
    select layout_id || ':' || class_id as key, entry_count as n, status, flag from raceroom_leaderboards
    where generation_id = (select generation_id from raceroom_live where id = 1)`;
  const stepTimes = await sql()<{ name: string; ms: number }[]>`
    select s.name, extract(epoch from s.ended_at - s.started_at)::float8 * 1000 as ms
    from job_steps s join sync_runs r on r.inngest_run_id = s.run_id where r.id = ${syncRunId} order by s.started_at`;
  await flushLedger();
  await closeDatabase();
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  return {
    boards: new Map(boards.map((b) => [b.key, `${b.n} ${b.status}${b.flag ? ` (${b.flag})` : ""}`])),
    stepTimes,
    wallMs,
    requests: (sim.stats().prefixes["/raceroom"]?.requests ?? 0) - before,
    leaderboards: run.progressDone,
    entries: live?.entries ?? 0,
    drivers: live?.drivers ?? 0,
    digest: live?.digest ?? "",
    steps: run.steps,
    promoteMs: run.promoteMs,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const base = new URL(process.env.DATABASE_URL ?? "");
  const name = `${base.pathname.slice(1)}_refresh`;
  const admin = postgres({ host: base.hostname, port: Number(base.port || 5432), user: decodeURIComponent(base.username), database: "postgres", onnotice: () => {} });

  if (FAULTS) {
    // Side by side in one run: the same world fault-free, then under the faults, each in a database of its own; no pause
    // between requests, as in the demo (the simulator runs on this machine).
    process.env.RACEROOM_MIN_INTERVAL_MS ??= "0";
    const world = raceroomUpstream({ entries: ENTRIES, drivers: DRIVERS });
    const sim = await startSimulator({ seed: 1, upstreams: [world] });
    const catalogueUrl = `${sim.url}/raceroom/r3e-data.json`;
    console.log(`RaceRoom full refresh, fault-free and with faults ${JSON.stringify(FAULT_PROFILE)}: ${ENTRIES.toLocaleString("en-US")} entries`);
    const clean = await refreshOnce(admin, base, name, sim, catalogueUrl);
    sim.reset(1);
    sim.setFaults(FAULT_PROFILE, "/raceroom");
    const faulty = await refreshOnce(admin, base, name, sim, catalogueUrl);
    const injected = sim.stats().prefixes["/raceroom"]!;
    console.log(`fault-free: ${seconds(clean.wallMs)}, ${clean.requests.toLocaleString("en-US")} requests, ${clean.entries.toLocaleString("en-US")} entries, ${clean.drivers.toLocaleString("en-US")} drivers, ${clean.steps} steps`);
    console.log(
      `with faults: ${seconds(faulty.wallMs)}, ${faulty.requests.toLocaleString("en-US")} requests (${injected.errors} errors, ${injected.rateLimited} rate-limited, ` +
        `${injected.timeouts} never answered, ${injected.truncated} cut short), ${faulty.entries.toLocaleString("en-US")} entries, ${faulty.drivers.toLocaleString("en-US")} drivers, ${faulty.steps} steps`,
    );
    for (const [label, outcome] of [["fault-free", clean], ["with faults", faulty]] as const) {
      const batches = outcome.stepTimes.filter((s) => s.name.startsWith("batch-"));
      const promote = outcome.stepTimes.find((s) => s.name === "promote")?.ms ?? 0;
      console.log(`  ${label}: ${batches.length} batches ${seconds(batches.reduce((sum, s) => sum + s.ms, 0))} (${batches.map((s) => (s.ms / 1000).toFixed(1)).join(" ")}), promotion ${seconds(promote)}`);
    }
    for (const [key, state] of clean.boards) {
      if (faulty.boards.get(key) !== state) console.log(`  leaderboard ${key}: fault-free ${state}, with faults ${faulty.boards.get(key)}`);
    }
    console.log(`same data: ${faulty.digest === clean.digest && faulty.entries === clean.entries && faulty.drivers === clean.drivers}; ratio ${(faulty.wallMs / clean.wallMs).toFixed(2)} (goal <= 1.5)`);
    await sim.close();
    await admin.end();
    return;
  }

  const world = raceroomUpstream({ entries: ENTRIES, drivers: DRIVERS, leaderboards: LAYOUTS * 104 });
  const { upstream: catalogue, leaderboards } = await catalogueUpstream();
  const sim = await startSimulator({ seed: 1, upstreams: [world, catalogue] });
  sim.setFaults({ latencyMs: LATENCY_MS }, "/raceroom");
  resetEnvCache();
  const { RACEROOM_CONCURRENCY: concurrency, RACEROOM_MIN_INTERVAL_MS: interval } = raceroomEnv();
  console.log(`RaceRoom full refresh: ${leaderboards.toLocaleString("en-US")} leaderboards, ${LATENCY_MS} ms latency, ${concurrency} in flight, >= ${interval} ms apart per slot`);
  const outcome = await refreshOnce(admin, base, name, sim, `${sim.url}/catalogue/r3e-data.json`);
  const floorMs = (outcome.requests * LATENCY_MS) / concurrency;
  console.log(`leaderboards ${outcome.leaderboards.toLocaleString("en-US")}, entries ${outcome.entries.toLocaleString("en-US")}, requests ${outcome.requests.toLocaleString("en-US")}, steps ${outcome.steps}`);
  console.log(`wall time ${seconds(outcome.wallMs)}; floor requests x latency / concurrency ${seconds(floorMs)}; ratio ${(outcome.wallMs / floorMs).toFixed(3)}`);
  if (outcome.promoteMs !== null) console.log(`promotion step ${(outcome.promoteMs / 1000).toFixed(2)} s`);
  await sim.close();
  await admin.end();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
