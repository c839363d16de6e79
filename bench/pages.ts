/**
 * Pages under load: the public pages of every domain, 10 concurrent clients for 5 s each, next to a minimal Next.js page built from the
 * same packages and served on the same machine in the same run (bench/minimal-app). Goals (issue "Hardening", part 3):
 * at least 0.5x the minimal page's requests per second, p95 at most 2x its p95, and at most 250 KB of HTML per page.
 *
 * Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/pitwall_bench_pages npx tsx bench/pages.ts
 * The simulated world (BENCH_ENTRIES, 200,000) is loaded when the database holds less, with iRacing's catalogue and an
 * endurance race with a full field 10.6 h in (62 cars, ~380 laps each, its models fitted); both apps are built when their
 * build directory is missing (BENCH_REBUILD=1 builds again). BENCH_SECONDS (5) and BENCH_CLIENTS (10) set the load.
 */
import autocannon from "autocannon";
import { closeDatabase, sql } from "@/lib/db";
import { runMigrations } from "@/db/migrate";
import { analyseRace, catchUpFits } from "@/lib/endurance/analyse";
import { scheduleRace } from "@/lib/endurance/calendar";
import { pollRace } from "@/lib/endurance/poll";
import { databaseUrl, resetEnvCache } from "@/lib/env";
import { createIracingSource } from "@/lib/iracing/source";
import { syncCatalogue, syncSeasons, syncSeries } from "@/lib/iracing/work";
import { enduranceUpstream } from "@/sim/endurance";
import { iracingUpstream } from "@/sim/iracing";
import { iracingSimulator } from "@/sim/iracing/simulated";
import { startSimulator } from "@/sim/server";
import { loadWorld } from "./raceroom-ingest";
import { buildIfMissing, startNext, startPitwall } from "./support/app";

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 200_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10);
// The production build `npm run build` makes (built here when missing).
const DIST_DIR = ".next";
const MINIMAL_DIR = "bench/minimal-app";
const HTML_LIMIT = 250 * 1024;

interface Load {
  perSecond: number;
  p50: number;
  p95: number;
  errors: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

/** `CLIENTS` connections for `SECONDS` against one URL; latencies taken per response (autocannon's own percentiles skip p95). */
async function load(url: string): Promise<Load> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: CLIENTS, duration: SECONDS }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return {
    perSecond: result.requests.total / SECONDS,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** iRacing's series and current seasons, synced from its simulator (150 series, as the real service has). */
async function loadIracing(): Promise<void> {
  const sim = await startSimulator({ seed: 1, upstreams: [iracingUpstream({ series: 150 })] });
  Object.assign(process.env, iracingSimulator.pitwallEnv(sim.url, {}));
  resetEnvCache();
  try {
    const source = createIracingSource();
    await syncCatalogue({ source });
    await syncSeries({ source });
    await syncSeasons({ source });
  } finally {
    await sim.close();
  }
}

const HOUR = 3_600_000;
/** The endurance race measured: a full field, as far in as the phone bench (bench/endurance-phone.ts) scrolls it. */
const FIELD = { slug: "bench-full-field", cars: 62, raceTimeMs: 10.6 * HOUR };

/**
 * A live race as the page sees it mid-race: laps stored by one poll of the simulator, the models' fits caught up and
 * the analysis step run, as ingestion leaves them; the page itself reads only what is stored. The race is scheduled
 * again on every run, so it is live now whenever the bench runs; its laps are loaded once.
 */
async function loadEndurance(): Promise<void> {
  const startsAt = Date.now() - FIELD.raceTimeMs;
  const race = await scheduleRace({
    slug: FIELD.slug,
    series: "FIA WEC",
    event: `${FIELD.cars} cars`,
    circuit: "Pitwall Park",
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + 24 * HOUR).toISOString(),
    analysisUrl: `${FIELD.slug}/23_Analysis_Race.CSV`,
    liveDataUrl: `${FIELD.slug}/RaceData_JSONP.json`,
    liveResultsUrl: `${FIELD.slug}/RaceResults_JSONP.json`,
  });
  const [stored] = await sql()<{ laps: number }[]>`select count(*)::int as laps from endurance_laps where race_id = ${race.id}`;
  if (stored?.laps) return;
  console.log(`loading the endurance race: ${FIELD.cars} cars, ${FIELD.raceTimeMs / HOUR} h in…`);
  const upstream = enduranceUpstream({ races: [{ id: FIELD.slug, source: { synthetic: { seed: 12, cars: FIELD.cars, durationMs: 24 * HOUR } }, speed: 1 }] });
  const sim = await startSimulator({ seed: 1, upstreams: [upstream] });
  // After the simulator's start, which builds its races afresh.
  upstream.race(FIELD.slug).clock.start(1, FIELD.raceTimeMs);
  process.env.ENDURANCE_TIMING_BASE_URL = `${sim.url}/endurance`;
  resetEnvCache();
  try {
    const polled = await pollRace(race.id);
    if (polled.laps === 0) throw new Error("the endurance simulator served no laps");
    await catchUpFits(race.id);
    await analyseRace(race.id);
  } finally {
    await sim.close();
  }
}

/**
 * Pages with real content in the loaded world: its busiest driver and leaderboard, a search that finds drivers; the
 * iRacing catalogue, a season and the next 24 hours; the endurance calendar and the F1 page (whatever they hold).
 */
async function pages(): Promise<{ label: string; path: string }[]> {
  const [driver] = await sql()<{ id: number }[]>`
    select id from raceroom_drivers where generation_id = (select generation_id from raceroom_live where id = 1)
    order by entry_count desc, id limit 1`;
  const [board] = await sql()<{ layoutId: number; classId: number }[]>`
    select layout_id as "layoutId", class_id as "classId" from raceroom_leaderboards where generation_id = (select generation_id from raceroom_live where id = 1)
    order by entry_count desc limit 1`;
  const [season] = await sql()<{ seasonId: number }[]>`select season_id as "seasonId" from iracing_seasons where active order by season_id limit 1`;
  const [race] = await sql()<{ slug: string }[]>`select slug from endurance_races where slug = ${FIELD.slug}`;
  if (!driver || !board || !season || !race) throw new Error("no live data to measure");
  return [
    { label: "/", path: "/" },
    { label: "/raceroom", path: "/raceroom" },
    { label: "/raceroom?q=schm", path: "/raceroom?q=schm" },
    { label: "driver (most results)", path: `/raceroom/drivers/${driver.id}` },
    { label: "leaderboard (largest)", path: `/raceroom/leaderboards/${board.layoutId}/${board.classId}` },
    { label: "/raceroom/leaderboards", path: "/raceroom/leaderboards" },
    { label: "/docs/api", path: "/docs/api" },
    { label: "/docs/api/endurance", path: "/docs/api/endurance" },
    { label: "/iracing", path: "/iracing" },
    { label: "/iracing/now", path: "/iracing/now" },
    { label: "iRacing season", path: `/iracing/seasons/${season.seasonId}` },
    { label: "/endurance", path: "/endurance" },
    { label: `endurance race (${FIELD.cars} cars)`, path: `/endurance/races/${race.slug}` },
    { label: "/f1", path: "/f1" },
  ];
}

async function htmlBytes(url: string): Promise<number> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.arrayBuffer()).byteLength;
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  await runMigrations(databaseUrl());
  const [live] = await sql()<{ entries: number }[]>`
    select coalesce(sum(entry_count), 0)::int as entries from raceroom_leaderboards
    where generation_id = (select generation_id from raceroom_live where id = 1)`;
  if ((live?.entries ?? 0) < ENTRIES) await loadWorld({ entries: ENTRIES, drivers: Math.round(ENTRIES * 0.225) });
  const [iracing] = await sql()<{ seasons: number }[]>`select count(*)::int as seasons from iracing_seasons`;
  if (!iracing?.seasons) await loadIracing();
  await loadEndurance();
  const targets = await pages();

  buildIfMissing(".", DIST_DIR, { PITWALL_DIST_DIR: DIST_DIR });
  buildIfMissing(MINIMAL_DIR, ".next-minimal");
  const minimal = await startNext(MINIMAL_DIR, 3231);
  const pitwall = await startPitwall(3232, DIST_DIR);
  try {
    // Warm both servers (compiled routes, connection pools, caches a first visitor fills) without measuring.
    for (const target of targets) await htmlBytes(pitwall.url + target.path);
    await load(minimal.url + "/");
    const reference = await load(minimal.url + "/");
    console.log(`${CLIENTS} clients x ${SECONDS} s per page; ${fmt(ENTRIES)} entries`);
    console.log(`reference: minimal Next.js page  ${fmt(reference.perSecond, 1)} req/s  p50 ${fmt(reference.p50)} ms  p95 ${fmt(reference.p95)} ms`);
    console.log("page                        req/s   x ref   p50 ms   p95 ms   p95/ref   HTML KB   goals");
    let misses = 0;
    for (const target of targets) {
      const bytes = await htmlBytes(pitwall.url + target.path);
      const result = await load(pitwall.url + target.path);
      const throughput = result.perSecond / reference.perSecond;
      const tail = result.p95 / reference.p95;
      const met = throughput >= 0.5 && tail <= 2 && bytes <= HTML_LIMIT && result.errors === 0;
      if (!met) misses += 1;
      console.log(
        `${target.label.padEnd(26)} ${fmt(result.perSecond, 1).padStart(7)} ${fmt(throughput, 2).padStart(7)} ${fmt(result.p50).padStart(8)} ${fmt(result.p95).padStart(8)} ${fmt(tail, 2).padStart(9)} ${fmt(bytes / 1024).padStart(9)}   ${met ? "met" : "missed"}${result.errors ? ` (${result.errors} errors)` : ""}`,
      );
    }
    console.log(misses === 0 ? "every page met the goals" : `${misses} page(s) missed a goal`);
  } finally {
    pitwall.stop();
    minimal.stop();
    await closeDatabase();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
