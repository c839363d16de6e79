/**
 * Endurance figures (issue 12), each printed beside its reference from the same run:
 * - ingest: a complete race file served by the simulator, read and stored by one poll (pollRace), vs the goal of 2 s;
 *   the models step after it (catch-up fits, backtest, predictions, strategy, leaderboard) is timed too;
 * - leaderboard: the stored board read as the API does it (p50/p95 of BENCH_RUNS), vs the same board derived from the
 *   laps at a race time (what a TV delay or a replay costs), and the goal of 20 ms;
 * - a poll's work late in a 24 h race: the steps of one poll (store, fits due, fits, analyse) with the race's laps and
 *   fits kept between reads (lib/endurance/store), beside the same steps each reading every lap and fit again, and the poll
 *   interval (10 s) they must fit in many times over;
 * - lag: a race replayed live at BENCH_SPEED against a wall clock, polled every BENCH_POLL_MS; each lap's storage
 *   time minus the moment the simulator first served it, vs the poll interval + 1 s.
 *
 * Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/endurance.ts (or npm run bench). The read
 * models are server-only: the script runs itself again under the react-server condition, which lets them load.
 * Settings: BENCH_ENDURANCE_FILE (an Al Kamel analysis CSV; default the synthetic 24 h race), BENCH_RUNS (200),
 * BENCH_SPEED (60), BENCH_POLL_MS (2000), BENCH_LAG_SECONDS (30). Uses its own database, pitwall_bench_endurance.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runMigrations } from "@/db/migrate";
import { analyseRace, catchUpFits, classesDueFit, fitClass } from "@/lib/endurance/analyse";
import { scheduleRace } from "@/lib/endurance/calendar";
import { pollRace } from "@/lib/endurance/poll";
import { forgetKeptLaps } from "@/lib/endurance/store/kept-laps";
import { forgetKeptFits } from "@/lib/endurance/store/models";
import { closeDatabase, sql } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { enduranceUpstream } from "@/sim/endurance";
import { startSimulator } from "@/sim/server";
import { chooseDatabase, ensureDatabase } from "../scripts/database";

if (!process.execArgv.includes("--conditions=react-server")) {
  const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", fileURLToPath(import.meta.url)], { stdio: "inherit", env: process.env });
  process.exit(run.status ?? 1);
}

// Imported after the check above: a static import would load server-only before the script could run itself again.
const { raceLeaderboard } = await import("@/lib/endurance/queries");

const HOUR = 3_600_000;
const runs = Number(process.env.BENCH_RUNS ?? 200);
const speed = Number(process.env.BENCH_SPEED ?? 60);
const pollMs = Number(process.env.BENCH_POLL_MS ?? 2_000);
const lagSeconds = Number(process.env.BENCH_LAG_SECONDS ?? 30);
const file = process.env.BENCH_ENDURANCE_FILE;

const choice = await chooseDatabase();
const admin = (await import("postgres")).default(choice.url, { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists pitwall_bench_endurance with (force)`);
await admin.end();
process.env.DATABASE_URL = await ensureDatabase(choice.url, "pitwall_bench_endurance");
resetEnvCache();
await runMigrations(process.env.DATABASE_URL);

const source = file ? { csv: readFileSync(file, "utf8") } : { synthetic: { seed: 24, cars: 20, durationMs: 24 * HOUR } };
let wall = Date.now();
const upstream = enduranceUpstream({ now: () => wall, races: [{ id: "full", source, speed: 10_000 }, { id: "late", source, speed: 1 }, { id: "lag", source, speed }] });
const sim = await startSimulator({ seed: 1, upstreams: [upstream] });
process.env.ENDURANCE_TIMING_BASE_URL = `${sim.url}/endurance`;
resetEnvCache();

const race = (slug: string, id: string) =>
  scheduleRace({
    slug,
    series: "FIA WEC",
    event: slug,
    circuit: "Bench",
    startsAt: new Date(wall).toISOString(),
    endsAt: new Date(wall + 24 * HOUR).toISOString(),
    analysisUrl: `${id}/23_Analysis_Race.CSV`,
    liveDataUrl: `${id}/RaceData_JSONP.json`,
    liveResultsUrl: `${id}/RaceResults_JSONP.json`,
  });
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

// ---- Ingest a complete race in one poll ----
const full = await race("bench-full", "full");
upstream.race("full").clock.start(10_000);
wall += 30 * HOUR / 10_000;
let t = performance.now();
const polled = await pollRace(full.id);
const ingestMs = performance.now() - t;
t = performance.now();
const fits = await catchUpFits(full.id);
const fitMs = performance.now() - t;
t = performance.now();
await analyseRace(full.id);
const analyseMs = performance.now() - t;
const cars = (await sql()<{ n: number }[]>`select count(distinct car)::int as n from endurance_laps where race_id = ${full.id}`)[0]!.n;
console.log(`race: ${file ?? "synthetic 24 h race"}: ${polled.laps.toLocaleString("en-US")} laps of ${cars} cars, ${polled.rejected} rows rejected`);
console.log(`ingest (fetch + parse + store, one poll)   ${ms(ingestMs)}   goal <= 2000 ms`);
console.log(`models catch-up (${fits} fits, background)  ${ms(fitMs)}`);
console.log(`analyse step (backtest, predictions, anomalies, strategy, board)  ${ms(analyseMs)}`);

// ---- Leaderboard reads ----
const stored: number[] = [];
const derived: number[] = [];
for (let i = 0; i < runs; i++) {
  t = performance.now();
  await raceLeaderboard("bench-full");
  stored.push(performance.now() - t);
}
const endMs = polled.raceTimeMs;
for (let i = 0; i < Math.min(runs, 40); i++) {
  t = performance.now();
  await raceLeaderboard("bench-full", Math.round(endMs * ((i % 20) + 1) / 21)); // 20 race times, each read twice (memoised the second time)
  derived.push(performance.now() - t);
}
console.log(`leaderboard, stored (as the live page)      p50 ${ms(percentile(stored, 0.5))}  p95 ${ms(percentile(stored, 0.95))}   goal p95 <= 20 ms`);
console.log(`leaderboard, derived at a race time         p50 ${ms(percentile(derived, 0.5))}  p95 ${ms(percentile(derived, 0.95))}   (reference: delay and replay)`);

// ---- A poll's work late in the race ----
const POLLS = 10;
const late = await race("bench-late", "late");
upstream.race("late").clock.start(1, 23 * HOUR);
await pollRace(late.id);
await catchUpFits(late.id);
await analyseRace(late.id);
const pollWork = { kept: [] as number[], naive: [] as number[] };
for (let i = 0; i < 2 * POLLS; i++) {
  const naive = i % 2 === 1;
  // Ten seconds of racing, as a live poll every 10 s sees it.
  wall += 10_000;
  t = performance.now();
  const step = async <T>(work: () => Promise<T>) => {
    if (naive) {
      forgetKeptLaps();
      forgetKeptFits();
    }
    return work();
  };
  await step(() => pollRace(late.id));
  for (const carClass of await step(() => classesDueFit(late.id))) await step(() => fitClass(late.id, carClass));
  await step(() => analyseRace(late.id));
  (naive ? pollWork.naive : pollWork.kept).push(performance.now() - t);
}
const lateLaps = (await sql()<{ n: number }[]>`select count(*)::int as n from endurance_laps where race_id = ${late.id}`)[0]!.n;
console.log(
  `a poll's steps at 23 h (${lateLaps.toLocaleString("en-US")} laps), median of ${POLLS}: laps kept ${ms(percentile(pollWork.kept, 0.5))}, every step reading every lap ${ms(percentile(pollWork.naive, 0.5))} (${(percentile(pollWork.naive, 0.5) / percentile(pollWork.kept, 0.5)).toFixed(1)}x)   reference: poll interval 10000 ms`,
);

// ---- Ingestion lag during a live replay ----
const live = await race("bench-lag", "lag");
wall = Date.now();
upstream.race("lag").clock.start(speed);
const clock = setInterval(() => (wall = Date.now()), 50);
const served = new Map<string, number>();
const deadline = Date.now() + lagSeconds * 1000;
const lags: number[] = [];
const startWall = wall;
while (Date.now() < deadline) {
  const pollStarted = Date.now();
  await pollRace(live.id);
  const rows = await sql()<{ car: string; lap: number; elapsed_ms: number; stored: number }[]>`
    select car, lap, elapsed_ms, (extract(epoch from ingested_at) * 1000)::float8 as stored from endurance_laps where race_id = ${live.id}`;
  for (const row of rows) {
    const key = `${row.car}#${row.lap}`;
    if (served.has(key)) continue;
    // The simulator serves a lap from the wall time its crossing is reached at the replay's speed.
    const due = startWall + row.elapsed_ms / speed;
    served.set(key, due);
    lags.push(row.stored - due);
  }
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, pollStarted + pollMs - Date.now())));
}
clearInterval(clock);
console.log(`ingestion lag over ${lagSeconds} s at ${speed}x, poll every ${pollMs} ms: ${lags.length} laps, p50 ${ms(percentile(lags, 0.5))}  max ${ms(Math.max(...lags))}   goal max <= ${pollMs + 1000} ms`);

await sim.close();
await closeDatabase();
await choice.embedded?.stop();
