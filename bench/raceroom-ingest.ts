/**
 * RaceRoom ingest speed: a whole simulated world (default 2,000,000 entries of 450,000 drivers) parsed and stored
 * as one full-refresh generation through lib/raceroom/ingest, straight from the simulator's generator (no HTTP:
 * that is bench/raceroom-refresh.ts). Prints parse, store (COPY), index and promotion figures.
 *
 * Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/pitwall_bench_raceroom npx tsx bench/raceroom-ingest.ts
 * Settings: BENCH_ENTRIES (2000000), BENCH_DRIVERS (450000), BENCH_DAY (0; a later day is a second generation
 * with new personal bests and movers). bench/raceroom-search.ts loads its data with loadWorld() from here.
 */
import { pathToFileURL } from "node:url";
import { closeDatabase } from "@/lib/db";
import { runMigrations } from "@/db/migrate";
import { databaseUrl } from "@/lib/env";
import { shippedCatalogue } from "@/lib/raceroom/catalogue";
import { storeBatch } from "@/lib/raceroom/batch";
import { storeCatalogue } from "@/lib/raceroom/catalogue-store";
import { beginFullRefresh } from "@/lib/raceroom/generations";
import { promoteGeneration } from "@/lib/raceroom/promotion";
import { parseListingPage } from "@/lib/raceroom/listing";
import { rankEntries, type LeaderboardOutcome } from "@/lib/raceroom/source";
import { raceroomUpstream } from "@/sim/raceroom/upstream";

const BATCH = 500;

export interface WorldLoad {
  entries: number;
  drivers: number;
  generateMs: number;
  parseMs: number;
  storeMs: number;
  /** promoteGeneration: indexes, drivers table and comparison with the live generation, then the transaction. */
  promoteMs: number;
  transactionMs: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const perSecond = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString("en-US")}/s`;

/**
 * Stores the simulated world of `entries` entries (seed 1, on `day`) as a new live generation. The generator's
 * entries go through the listing parser, then storeBatch (COPY into the generation's own partition), then the
 * promotion: the partition's indexes and the drivers table (aggregates, search indexes) built while the generation is
 * compared with the live one, then the promotion transaction (personal bests, movers, the live pointer).
 */
export async function loadWorld(options: { entries: number; drivers: number; day?: number; log?: boolean }): Promise<WorldLoad> {
  await runMigrations(databaseUrl());
  await storeCatalogue(await shippedCatalogue());
  const upstream = raceroomUpstream({ entries: options.entries, drivers: options.drivers });
  upstream.reset?.(1);
  if (options.day) upstream.control?.("advance", { days: options.day });
  const { generationId } = await beginFullRefresh();
  const leaderboards = upstream.world().leaderboards;
  const load: WorldLoad = { entries: 0, drivers: 0, generateMs: 0, parseMs: 0, storeMs: 0, promoteMs: 0, transactionMs: 0 };
  for (let from = 0; from < leaderboards.length; from += BATCH) {
    const outcomes: LeaderboardOutcome[] = [];
    for (const leaderboard of leaderboards.slice(from, from + BATCH)) {
      let t = performance.now();
      const results = upstream.expectedLeaderboard(leaderboard.layoutId, leaderboard.classId);
      load.generateMs += performance.now() - t;
      t = performance.now();
      const page = parseListingPage({ context: { c: { results } } });
      load.parseMs += performance.now() - t;
      const entries = rankEntries(page.entries);
      load.entries += entries.length;
      outcomes.push({ ok: true, leaderboard: { ...leaderboard, entries, requests: 1, rejected: page.rejected.length, retriedEmpty: false } });
    }
    const t = performance.now();
    await storeBatch(generationId, outcomes);
    load.storeMs += performance.now() - t;
    if (options.log && (from / BATCH) % 8 === 0) console.log(`  ${load.entries.toLocaleString("en-US")} entries stored`);
  }
  const t = performance.now();
  const promoted = await promoteGeneration(generationId);
  load.promoteMs = performance.now() - t;
  load.transactionMs = promoted.transactionMs;
  load.drivers = promoted.drivers;
  return load;
}

async function main(): Promise<void> {
  const entries = Number(process.env.BENCH_ENTRIES ?? 2_000_000);
  const drivers = Number(process.env.BENCH_DRIVERS ?? 450_000);
  const day = Number(process.env.BENCH_DAY ?? 0);
  console.log(`RaceRoom ingest: ${entries.toLocaleString("en-US")} entries, ${drivers.toLocaleString("en-US")} drivers, day ${day}`);
  const load = await loadWorld({ entries, drivers, day, log: true });
  const written = load.storeMs + load.promoteMs;
  console.log(`generator (simulator, not Pitwall)  ${seconds(load.generateMs)}`);
  console.log(`parse + validate (zod)               ${seconds(load.parseMs)}  ${perSecond(load.entries, load.parseMs)}`);
  console.log(`store: COPY into the new partition   ${seconds(load.storeMs)}  ${perSecond(load.entries, load.storeMs)}`);
  console.log(`promotion: indexes, drivers, history ${seconds(load.promoteMs)}  (${load.drivers.toLocaleString("en-US")} drivers)`);
  console.log(`  of which the promotion transaction ${seconds(load.transactionMs)}`);
  console.log(`ingest (store + promotion)           ${seconds(written)}  ${perSecond(load.entries, written)}`);
  console.log(`ingest including parsing             ${seconds(written + load.parseMs)}  ${perSecond(load.entries, written + load.parseMs)}`);
  await closeDatabase();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
