/**
 * RaceRoom driver search at scale: 1,000 varied queries against a live generation of 2,000,000 entries (p50, p95,
 * p99 measured around searchDrivers(), i.e. server-side including the round trip to Postgres), the time to the
 * first search result of a freshly started process (nothing is rebuilt on start), then the same queries while a
 * second process ingests a new generation (COPY, index build, promotion) into the same database.
 *
 * Warm-up queries are not measured; every whole-name query must find its driver first, and each kind reports how often
 * its driver was among the hits.
 *
 * Run (the react-server condition lets it load the server-only search module):
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/pitwall_bench_raceroom node --conditions=react-server --import tsx bench/raceroom-search.ts
 * The world is loaded (through bench/raceroom-ingest.ts) when the database holds fewer than BENCH_ENTRIES live
 * entries. Settings: BENCH_ENTRIES (2000000), BENCH_DRIVERS (450000), BENCH_QUERIES (1000), BENCH_DURING_INGEST (1; 0 measures
 * the idle figures only).
 */
import { spawn } from "node:child_process";
import { closeDatabase, sql } from "@/lib/db";
import { runMigrations } from "@/db/migrate";
import { databaseUrl } from "@/lib/env";
import { searchDrivers } from "@/lib/raceroom/search";
import { loadWorld } from "./raceroom-ingest";
import { mulberry32 } from "@/lib/random";

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 2_000_000);
const DRIVERS = Number(process.env.BENCH_DRIVERS ?? 450_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1_000);

interface SearchQuery {
  kind: string;
  query: string;
  /** The driver's name the query was made from. */
  driver: string;
}

/** Kinds of query whose driver must be among the hits: a whole name is always found, first. */
const MUST_FIND = new Set(["full name"]);

const ACCENTS: Record<string, string> = { a: "á", e: "é", o: "ö", u: "ü", n: "ñ", c: "ç", s: "ś", z: "ž" };

/** What people type: whole names, first letters, a surname, a piece, a typo, other case or accents, other scripts. */
function makeQueries(names: string[], count: number, seed = 42): SearchQuery[] {
  // A deterministic stream, so that every run asks the same queries.
  const next = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const cut = (text: string, from: number, length: number) => [...text].slice(from, from + length).join("");
  const queries: SearchQuery[] = [];
  while (queries.length < count) {
    const name = pick(names);
    const chars = [...name];
    const words = name.split(/\s+/).filter((w) => w.length > 0);
    const roll = next();
    let kind: string;
    let query: string;
    if (roll < 0.15) [kind, query] = ["full name", name];
    else if (roll < 0.3) [kind, query] = ["1-2 letters", cut(name, 0, 1 + Math.floor(next() * 2))];
    else if (roll < 0.5) [kind, query] = ["prefix 3-8", cut(name, 0, 3 + Math.floor(next() * 6))];
    else if (roll < 0.65) [kind, query] = ["last word", words[words.length - 1] ?? name];
    else if (roll < 0.75) {
      const length = 3 + Math.floor(next() * 4);
      [kind, query] = ["inner piece", cut(name, Math.floor(next() * Math.max(1, chars.length - length)), length)];
    } else if (roll < 0.88) {
      const word = [...(words[words.length - 1] ?? name)];
      const at = Math.floor(next() * word.length);
      const typo = [...word];
      if (next() < 0.5 && at + 1 < typo.length) [typo[at], typo[at + 1]] = [typo[at + 1]!, typo[at]!];
      else typo[at] = "xqzk"[Math.floor(next() * 4)]!;
      [kind, query] = ["typo", typo.join("")];
    } else if (roll < 0.95) {
      const variant = next() < 0.5 ? name.toUpperCase() : name.toLowerCase().replace(/[aeouncsz]/, (c) => ACCENTS[c] ?? c);
      [kind, query] = ["case/accents", cut(variant, 0, 4 + Math.floor(next() * 8))];
    } else [kind, query] = ["no match", `zz${Math.floor(next() * 1e6)}qx`];
    if (query.trim().length > 0) queries.push({ kind, query, driver: name });
  }
  return queries;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function measure(queries: SearchQuery[]) {
  const times: number[] = [];
  const byKind = new Map<string, number[]>();
  /** Per kind: queries whose driver is among the hits, of all asked. */
  const found = new Map<string, { found: number; asked: number }>();
  let hits = 0;
  for (const { kind, query, driver } of queries) {
    const started = performance.now();
    const result = await searchDrivers(query);
    const ms = performance.now() - started;
    times.push(ms);
    hits += result.hits.length;
    byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
    const tally = found.get(kind) ?? { found: 0, asked: 0 };
    tally.asked += 1;
    if (result.hits.some((hit) => hit.name === driver)) tally.found += 1;
    found.set(kind, tally);
    if (MUST_FIND.has(kind) && result.hits[0]?.name.toLowerCase() !== driver.toLowerCase()) {
      throw new Error(`"${query}" (${kind}) did not find ${driver} first: ${result.hits.slice(0, 3).map((h) => h.name).join(", ")}`);
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { sorted, byKind, hits, found };
}

function report(label: string, run: Awaited<ReturnType<typeof measure>>): void {
  const { sorted } = run;
  const f = (n: number) => `${n.toFixed(2)} ms`;
  console.log(`${label}: p50 ${f(percentile(sorted, 50))}, p95 ${f(percentile(sorted, 95))}, p99 ${f(percentile(sorted, 99))}, max ${f(sorted.at(-1)!)} (${sorted.length} queries, ${run.hits} hits)`);
}

/** In a fresh process: how long after its start the first search answers (run as `raceroom-search.ts --first-search`). */
async function firstSearch(): Promise<void> {
  const imported = performance.now();
  const { searchDrivers: search } = await import("@/lib/raceroom/search");
  const result = await search(process.argv[3] ?? "max");
  const answered = performance.now();
  console.log(JSON.stringify({ sinceStartMs: answered, sinceImportMs: answered - imported, hits: result.hits.length }));
  await closeDatabase();
}

async function restartFigures(query: string): Promise<string> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", new URL(import.meta.url).pathname, "--first-search", query], {
    env: { ...process.env, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await new Promise((resolve) => child.once("exit", resolve));
  const wallMs = performance.now() - started;
  const figures = JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as { sinceStartMs: number; sinceImportMs: number; hits: number };
  return `first search after a restart: ${figures.sinceImportMs.toFixed(0)} ms from loading the search module to ${figures.hits} hits, ${figures.sinceStartMs.toFixed(0)} ms after the process started (${wallMs.toFixed(0)} ms from spawning it, tsx compilation included)`;
}

async function main(): Promise<void> {
  await runMigrations(databaseUrl());
  const [live] = await sql()<{ entries: number }[]>`
    select entry_count as entries from raceroom_generations where id = (select generation_id from raceroom_live where id = 1)`;
  if ((live?.entries ?? 0) < ENTRIES) {
    console.log(`loading ${ENTRIES.toLocaleString("en-US")} entries of ${DRIVERS.toLocaleString("en-US")} drivers...`);
    await loadWorld({ entries: ENTRIES, drivers: DRIVERS });
  }
  const [size] = await sql()<{ entries: number; drivers: number }[]>`
    select entry_count as entries, driver_count as drivers from raceroom_generations where id = (select generation_id from raceroom_live where id = 1)`;
  const names = (await sql()<{ name: string }[]>`
    select name from raceroom_drivers where generation_id = (select generation_id from raceroom_live where id = 1)
    order by md5(id::text) limit 5000`).map((r) => r.name);
  const queries = makeQueries(names, QUERIES);
  console.log(`RaceRoom driver search: ${size!.entries.toLocaleString("en-US")} entries, ${size!.drivers.toLocaleString("en-US")} drivers, ${queries.length} queries`);

  // The connection pool and prepared statements warmed on queries that are not measured.
  await measure(makeQueries(names, 100, 7));
  const quiet = await measure(queries);
  report("idle", quiet);
  for (const [kind, times] of quiet.byKind) {
    const sorted = times.sort((a, b) => a - b);
    const tally = quiet.found.get(kind)!;
    const share = `${((100 * tally.found) / tally.asked).toFixed(0)} % found their driver`;
    console.log(`  ${kind.padEnd(13)} n=${String(sorted.length).padStart(4)}  p50 ${percentile(sorted, 50).toFixed(2)} ms  p95 ${percentile(sorted, 95).toFixed(2)} ms  ${share}`);
  }

  console.log(await restartFigures(names[0]!.split(" ")[0]!));

  if (process.env.BENCH_DURING_INGEST === "0") return closeDatabase();

  // A second process loads the next day's world as a new generation while the same queries run here.
  const ingest = spawn(process.execPath, ["--import", "tsx", new URL("./raceroom-ingest.ts", import.meta.url).pathname], {
    env: { ...process.env, BENCH_ENTRIES: String(ENTRIES), BENCH_DRIVERS: String(DRIVERS), BENCH_DAY: "1", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let ingestOutput = "";
  ingest.stdout.on("data", (chunk: Buffer) => (ingestOutput += chunk.toString()));
  const ingestDone = new Promise<number | null>((resolve) => ingest.once("exit", resolve));
  let running = true;
  void ingestDone.then(() => (running = false));
  const during: number[] = [];
  let rounds = 0;
  let hits = 0;
  while (running) {
    const run = await measure(queries);
    during.push(...run.sorted);
    hits += run.hits;
    rounds += 1;
  }
  const exit = await ingestDone;
  if (exit !== 0) throw new Error(`the ingest process failed (${exit}):\n${ingestOutput}`);
  report(`during an ingest (${rounds} rounds of the queries)`, { sorted: during.sort((a, b) => a - b), byKind: new Map(), hits, found: new Map() });
  console.log(ingestOutput.split("\n").filter((line) => /ingest|promotion|store|index/.test(line)).map((line) => `  ingest meanwhile: ${line.trim()}`).join("\n"));
  await closeDatabase();
}

(process.argv[2] === "--first-search" ? firstSearch() : main()).catch((error) => {
  console.error(error);
  process.exit(1);
});
