/**
 * iRacing figures, against the simulator (150 series, like the real service):
 * 1. A full sync (catalogue, series, current and next seasons) from an empty database: upstream calls, wall time,
 *    rows written. Then a second run right after (inside the cache TTL): writes and upstream calls, both should be 0.
 *    Then a forced refetch (cache bypassed): still 0 writes. Then the simulator changes one season's schedule: only that
 *    season is rewritten.
 * 2. Upcoming sessions of all series over 24 h (what /iracing/now and GET /api/v1/iracing/sessions compute): p50/p95 of
 *    BENCH_RUNS (200) calls, next to the reference of the same run, a bare read of the same events rows (what any
 *    approach must pay at least).
 * Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --conditions=react-server --import tsx bench/iracing-sync.ts
 * (the react-server condition lets it import the server-only read models; it makes and drops its own database).
 */
import postgres from "postgres";
import { runMigrations } from "@/db/migrate";
import { closeDatabase, sql } from "@/lib/db";
import { databaseUrl, resetEnvCache } from "@/lib/env";
import { flushLedger } from "@/lib/http";
import { createIracingSource } from "@/lib/iracing/source";
import { sessionsInWindow } from "@/lib/iracing/read/sessions";
import { syncCatalogue, syncSeasons, syncSeries } from "@/lib/iracing/work";
import { iracingUpstream } from "@/sim/iracing";
import { iracingSimulator } from "@/sim/iracing/simulated";
import { startSimulator } from "@/sim/server";

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const TABLES = ["iracing_series", "iracing_seasons", "iracing_events", "iracing_event_cars", "iracing_event_classes", "iracing_week_cars", "iracing_car_classes", "iracing_cars", "iracing_tracks"];

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN;
const ms = (value: number) => `${value.toFixed(value < 100 ? 2 : 0)} ms`;

async function freshDatabase(): Promise<string> {
  const server = new URL(databaseUrl());
  const name = `pitwall_bench_iracing_${process.pid}`;
  const admin = postgres(server.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  server.pathname = `/${name}`;
  return server.toString();
}

/** Rows written: inserts + updates + deletes of the iRacing tables, from Postgres' own counters. */
async function writes(): Promise<number> {
  const rows = await sql()<{ n: string }[]>`
    select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) as n from pg_stat_xact_user_tables where relname = any(${TABLES})`;
  void rows;
  const stats = await sql()<{ n: string }[]>`
    select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) as n from pg_stat_user_tables where relname = any(${TABLES})`;
  return Number(stats[0]!.n);
}

async function upstreamCalls(since: Date): Promise<{ data: number; links: number; token: number; cacheHits: number }> {
  await flushLedger();
  const [row] = await sql()<{ data: string; links: string; token: string; hits: string }[]>`
    select count(*) filter (where source = 'iracing' and not cache_hit and endpoint not like '%(link)' and endpoint not like '%(chunk)') as data,
           count(*) filter (where source = 'iracing' and not cache_hit and (endpoint like '%(link)' or endpoint like '%(chunk)')) as links,
           count(*) filter (where source = 'iracing-auth') as token,
           count(*) filter (where source = 'iracing' and cache_hit) as hits
    from api_calls where at >= ${since.toISOString()}::timestamptz`;
  return { data: Number(row!.data), links: Number(row!.links), token: Number(row!.token), cacheHits: Number(row!.hits) };
}

async function measure(label: string, work: () => Promise<{ seasons: { schedulesWritten: number } }>) {
  // Postgres' statistics arrive with a delay: wait for them to settle before and after.
  await sql()`select pg_stat_force_next_flush()`.catch(() => undefined);
  const before = await writes();
  const since = new Date();
  const started = performance.now();
  const result = await work();
  const wall = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  const after = await writes();
  const calls = await upstreamCalls(since);
  console.log(
    `${label.padEnd(44)} ${ms(wall).padStart(10)}  data calls ${String(calls.data).padStart(3)}  link fetches ${String(calls.links).padStart(3)}  token ${calls.token}  cache hits ${String(calls.cacheHits).padStart(3)}  rows written ${String(after - before).padStart(6)}  seasons rewritten ${result.seasons.schedulesWritten}`,
  );
}

const url = await freshDatabase();
process.env.DATABASE_URL = url;
await runMigrations(url);
const sim = await startSimulator({ seed: 1, upstreams: [iracingUpstream({ series: 150 })] });
Object.assign(process.env, iracingSimulator.pitwallEnv(sim.url, {}));
resetEnvCache();
const source = createIracingSource();
const fullSync = async (refresh = false) => {
  await syncCatalogue({ source, refresh });
  await syncSeries({ source, refresh });
  return { seasons: await syncSeasons({ source, refresh }) };
};

console.log("iRacing sync against the simulator (150 series): catalogue + series + current seasons");
await measure("first sync (empty database)", () => fullSync());
await measure("second sync, inside the cache TTL", () => fullSync());
await measure("second sync, cache bypassed (refresh)", () => fullSync(true));
const [season] = await sql()<{ season_id: number }[]>`select season_id from iracing_seasons order by season_id limit 1`;
await fetch(`${sim.url}/_control/iracing/change-schedule`, { method: "POST", body: JSON.stringify({ seasonId: season!.season_id }) });
await measure(`after changing season ${season!.season_id} (refresh)`, () => fullSync(true));
const [counts] = await sql()<Record<string, string>[]>`select ${sql().unsafe(TABLES.map((table) => `(select count(*) from ${table}) as ${table}`).join(", "))}`;
console.log("rows stored:", Object.entries(counts!).map(([table, n]) => `${table.replace("iracing_", "")} ${n}`).join(", "));

// Upcoming sessions over 24 h for all series.
const from = new Date();
const to = new Date(from.getTime() + 86_400_000);
const times: number[] = [];
const reference: number[] = [];
let sessions = 0;
for (let run = 0; run < RUNS + 10; run += 1) {
  const startedRef = performance.now();
  await sql()`select e.season_id, e.race_week_num, e.ends_at, e.week_end_time, e.race_time_descriptors from iracing_events e
    where e.starts_at < ${to.toISOString()}::timestamptz and e.ends_at > ${from.toISOString()}::timestamptz`;
  const refMs = performance.now() - startedRef;
  const started = performance.now();
  sessions = (await sessionsInWindow({ from, to })).length;
  const took = performance.now() - started;
  if (run >= 10) {
    times.push(took);
    reference.push(refMs);
  }
}
console.log(`\nupcoming sessions, all series, 24 h (${sessions} sessions, ${RUNS} runs after 10 warm-up):`);
console.log(`  Pitwall sessionsInWindow     p50 ${ms(percentile(times, 0.5))}  p95 ${ms(percentile(times, 0.95))}  (goal p95 <= 20 ms)`);
console.log(`  reference: bare events read  p50 ${ms(percentile(reference, 0.5))}  p95 ${ms(percentile(reference, 0.95))}`);

await sim.close();
await closeDatabase();
const admin = postgres(databaseUrl().replace(/\/[^/]+$/, "/postgres"), { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists "pitwall_bench_iracing_${process.pid}" with (force)`);
await admin.end();
