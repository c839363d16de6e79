/**
 * First RaceRoom search result in the browser: Pitwall against the original design, side by side on the same data,
 * in Debian's Chromium driven by Playwright.
 *
 * The original design: a page downloads driver_index.json (Pitwall's legacy export of the same data, served here as
 * a static file, as the original served it, so producing it is not counted), parses it, filters its keys for the query
 * and shows the first hits. Pitwall asks its search endpoint. Measured three ways, each run in a fresh browser context
 * (empty HTTP cache), times taken inside the page:
 * 1. In a loaded page, from the search being asked for to the first 20 hits in the DOM (both render the same list):
 *    the headline figure.
 * 2. Opening the page with the query in its URL, from navigation start to the first hit shown (Pitwall: /raceroom?q=,
 *    hits in the first bytes of the page).
 * 3. Pitwall's search box, from the keystroke to the first hit (includes the box's 150 ms pause for typing).
 *
 * Run (loads the simulated world into the database if it holds no live data, builds the app into PITWALL_DIST_DIR
 * (.next) unless a build is there, then serves it through Pitwall's launcher on BENCH_PORT):
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/pitwall_bench_rr npx tsx bench/raceroom-browser.ts
 * Both sides must list the driver each query was cut from (and show the same first hit when only one driver matches),
 * and both are warmed up on queries that are not measured.
 * Settings: BENCH_ENTRIES (200000) and BENCH_DRIVERS (entries x 0.225) for the world, BENCH_RELOAD=1 to load it again,
 * BENCH_RUNS (8) fresh contexts per query, BENCH_PORT (3216), BENCH_BASE_URL to measure an already running build instead (its database must hold the data).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "@playwright/test";
import { closeDatabase, sql } from "@/lib/db";
import { runMigrations } from "@/db/migrate";
import { databaseUrl } from "@/lib/env";
import { buildIfMissing, startPitwall } from "./support/app";

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 200_000);
// The simulator's default proportion: 45,000 drivers for 200,000 entries.
const DRIVERS = Number(process.env.BENCH_DRIVERS ?? Math.round(ENTRIES * 0.225));
const PORT = Number(process.env.BENCH_PORT ?? 3216);
const QUERIES = 5;
const WARM_UP_QUERIES = 2;
// Eight runs of five queries: with fewer, the median moved by a fifth between identical runs.
const RUNS = Number(process.env.BENCH_RUNS ?? 8);
const SETTLE_MS = 1_000;
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN;
const median = (values: number[]) => percentile(values, 0.5);
const ms = (value: number) => `${value.toFixed(value < 100 ? 1 : 0)} ms`;

/** Loads the simulated world through Pitwall's own refresh steps (as fast as the simulator allows). */
async function loadWorld(): Promise<void> {
  const { startSimulator } = await import("@/sim/server");
  const { defaultUpstreams } = await import("@/sim/upstreams");
  const sim = await startSimulator({
    port: 0,
    seed: 11,
    upstreams: await defaultUpstreams({ ...process.env, SIM_RACEROOM_ENTRIES: String(ENTRIES), SIM_RACEROOM_DRIVERS: String(DRIVERS) }),
  });
  // raceroomEnv() reads these on first use; nothing has read it yet.
  process.env.RACEROOM_BASE_URL = `${sim.url}/raceroom`;
  process.env.RACEROOM_CATALOGUE_URL = `${sim.url}/raceroom/r3e-data.json`;
  // The simulator runs on this machine: no politeness needed while the world is loaded.
  process.env.RACEROOM_CONCURRENCY = "16";
  process.env.RACEROOM_MIN_INTERVAL_MS = "0";
  const { resetEnvCache } = await import("@/lib/env");
  resetEnvCache();
  const { refreshCatalogue, refreshNextBatch } = await import("@/lib/raceroom/refresh");
  const { beginFullRefresh, promoteGeneration } = await import("@/lib/raceroom/refresh");
  const started = performance.now();
  await refreshCatalogue();
  const { generationId } = await beginFullRefresh();
  for (;;) {
    const batch = await refreshNextBatch(generationId, { batchSize: 1_000, politeness: { concurrency: 16 } });
    if (!batch.remaining) break;
  }
  const promoted = await promoteGeneration(generationId);
  await sim.close();
  console.log(`loaded ${promoted.entries.toLocaleString("en-US")} entries of ${promoted.drivers.toLocaleString("en-US")} drivers in ${ms(performance.now() - started)}`);
}

/** Part of a real driver name (five letters from its middle, lower-cased), one per stride through the drivers. */
interface Query {
  query: string;
  /** The driver the query was cut from: both sides must list them. */
  driver: string;
  /** Drivers whose name contains the query: with one, both sides must show the same first hit. */
  matches: number;
}

/**
 * Five-letter pieces of real names that match at most 20 drivers, so that both sides' first 20 hits must hold the driver
 * the piece was cut from, whatever their order. `skip` leaves out the pieces already taken (warm-up vs measured).
 */
async function pickQueries(count: number, skip = 0): Promise<Query[]> {
  const rows = await sql()<Query[]>`
    with pieces as (
      select name as driver, lower(substr(name, greatest(1, (length(name) - 5) / 2 + 1), 5)) as query
      from raceroom_drivers
      where generation_id = (select generation_id from raceroom_live where id = 1) and entry_count > 0 and name ~ '^[A-Za-z ]{10,}$'
      order by id limit 400
    )
    select p.query, p.driver,
           (select count(*)::int from raceroom_drivers d
            where d.generation_id = (select generation_id from raceroom_live where id = 1) and lower(d.name) like '%' || p.query || '%') as matches
    from pieces p`;
  const usable = rows.filter((r) => r.matches <= 20 && !r.query.includes(" "));
  if (usable.length < count + skip) throw new Error(`only ${usable.length} usable queries in the live data`);
  const stride = Math.max(1, Math.floor(usable.length / (count + skip)));
  return usable.filter((_, i) => i % stride === 0).slice(skip, skip + count);
}

/** Both sides found the driver the query was cut from; with one possible match, both show it first. */
function checkHits(q: Query, original: OriginalResult, pitwall: { names: string[] }): void {
  if (!("names" in original)) return;
  const has = (names: string[]) => names.some((name) => name.toLowerCase() === q.driver.toLowerCase());
  if (!has(original.names) || !has(pitwall.names)) {
    throw new Error(`"${q.query}" (from ${q.driver}): original found it ${has(original.names)}, Pitwall ${has(pitwall.names)}`);
  }
  if (q.matches === 1 && original.names[0]?.toLowerCase() !== pitwall.names[0]?.toLowerCase()) {
    throw new Error(`"${q.query}": first hits differ (${original.names[0]} / ${pitwall.names[0]})`);
  }
}

/**
 * The original front end, reduced to what counts here: download the index, parse it, filter its keys, show the hits.
 * `originalSearch(q)` runs it; with `?q=` in the URL it runs on load and leaves its timings in `__timings`.
 */
const ORIGINAL_PAGE = `<!doctype html><meta charset="utf-8"><title>driver_index.json search</title><ul id="hits"></ul>
<script>
window.originalSearch = async (q) => {
  const t = { start: performance.now() };
  try {
    const text = await (await fetch("/driver_index.json")).text();
    t.downloaded = performance.now();
    const index = JSON.parse(text);
    t.parsed = performance.now();
    const keys = Object.keys(index).filter((key) => key.includes(q)).slice(0, 20);
    t.filtered = performance.now();
    const list = document.getElementById("hits");
    for (const key of keys) {
      const li = document.createElement("li");
      li.dataset.testid = "hit";
      li.textContent = index[key][0].name + " (" + index[key].length + " entries)";
      list.append(li);
    }
    t.firstResult = performance.now();
    t.hits = keys.length;
    t.names = keys.map((key) => index[key][0].name);
  } catch (error) {
    // A big enough index cannot even be held as one string by the browser (V8 caps strings at about 512 MB).
    t.failed = performance.now();
    t.error = String(error);
  }
  return t;
};
const q = new URLSearchParams(location.search).get("q");
if (q) originalSearch(q).then((t) => (window.__timings = t));
</script>`;

/** The same list the original page renders, filled from Pitwall's search endpoint. */
async function pitwallSearch(q: string) {
  const t = { start: performance.now() } as Record<string, number>;
  const response = await fetch(`/api/v1/raceroom/drivers?q=${encodeURIComponent(q)}&limit=20`);
  const body = (await response.json()) as { data: { name: string; entryCount: number }[] };
  const list = document.createElement("ul");
  document.body.append(list);
  for (const hit of body.data) {
    const li = document.createElement("li");
    li.textContent = `${hit.name} (${hit.entryCount} entries)`;
    list.append(li);
  }
  return { start: t.start!, firstResult: performance.now(), hits: body.data.length, names: body.data.map((hit) => hit.name) };
}

async function serveOriginal(index: Buffer): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url?.startsWith("/driver_index.json")) {
      res.writeHead(200, { "content-type": "application/json", "content-length": index.length });
      res.end(index);
    } else {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(ORIGINAL_PAGE);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Records, inside the page, when the first search hit is shown (in the DOM and not in a hidden streamed part). */
const WATCH_FIRST_HIT = `(() => {
  const seen = () => {
    const hit = document.querySelector('[data-testid="driver-hit"]');
    if (!window.__firstHit && hit && !hit.closest("[hidden]")) window.__firstHit = performance.now();
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

type Timings = Record<string, number> & { error?: string; names?: string[] };

type OriginalResult =
  | { firstResult: number; download: number; parse: number; filter: number; hits: number; names: string[] }
  | { failed: number; error: string };

/** Times relative to `t.start` (the search being asked for) or to navigation start (`fromNavigation`). */
function originalResult(t: Timings, fromNavigation: boolean): OriginalResult {
  const zero = fromNavigation ? 0 : t.start!;
  if (t.error) return { failed: t.failed! - zero, error: t.error };
  return {
    firstResult: t.firstResult! - zero,
    download: t.downloaded! - t.start!,
    parse: t.parsed! - t.downloaded!,
    filter: t.filtered! - t.parsed!,
    hits: t.hits!,
    names: t.names ?? [],
  };
}

/** 1. The original design's search in a loaded page. */
async function originalInPage(browser: Browser, url: string, query: string): Promise<OriginalResult> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  const t = (await page.evaluate((q) => (window as unknown as { originalSearch: (q: string) => Promise<Timings> }).originalSearch(q), query)) as Timings;
  await context.close();
  return originalResult(t, false);
}

/** 1. Pitwall's search in a loaded page. */
async function pitwallInPage(browser: Browser, url: string, query: string): Promise<{ firstResult: number; hits: number; names: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}/raceroom`, { waitUntil: "networkidle" });
  const t = await page.evaluate(pitwallSearch, query);
  await context.close();
  return { firstResult: t.firstResult - t.start, hits: t.hits, names: t.names };
}

/** 2. The original page opened with the query in its URL. */
async function originalRun(browser: Browser, url: string, query: string): Promise<OriginalResult> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => (window as unknown as { __timings?: object }).__timings, undefined, { timeout: 180_000, polling: 50 });
  const t = (await page.evaluate(() => (window as unknown as { __timings: Timings }).__timings)) as Timings;
  await context.close();
  return originalResult(t, true);
}

/** 2. /raceroom?q= opened in a fresh context. */
async function pitwallRun(browser: Browser, url: string, query: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(WATCH_FIRST_HIT);
  await page.goto(`${url}/raceroom?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => (window as unknown as { __firstHit?: number }).__firstHit, undefined, { timeout: 30_000, polling: 20 });
  const firstResult = (await page.evaluate(() => (window as unknown as { __firstHit: number }).__firstHit)) as number;
  const hits = await page.getByTestId("driver-hit").count();
  // Let the page's own follow-up requests (status poll, header prefetches) finish, so they do not slow the next run.
  await page.waitForLoadState("networkidle");
  await context.close();
  return { firstResult, hits };
}

/** 3. From the keystroke that completes the query (the whole query typed at once) to the first hit. */
async function typedRun(browser: Browser, url: string, query: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}/raceroom`, { waitUntil: "networkidle" });
  await page.evaluate(WATCH_FIRST_HIT);
  await page.evaluate(() => {
    const w = window as unknown as { __firstHit?: number; __typedAt?: number };
    w.__firstHit = undefined;
    document.querySelector('[data-testid="driver-search"]')!.addEventListener("input", () => (w.__typedAt = performance.now()), { capture: true });
  });
  await page.getByTestId("driver-search").fill(query);
  await page.waitForFunction(() => (window as unknown as { __firstHit?: number }).__firstHit, undefined, { timeout: 30_000, polling: 20 });
  const [firstHit, typedAt] = (await page.evaluate(() => {
    const w = window as unknown as { __firstHit: number; __typedAt: number };
    return [w.__firstHit, w.__typedAt];
  })) as [number, number];
  await context.close();
  return firstHit - typedAt;
}

function report(label: string, originals: OriginalResult[], pitwall: number[]): void {
  const pitwallMs = median(pitwall);
  const finished = originals.flatMap((o) => ("firstResult" in o ? [o] : []));
  const failed = originals.flatMap((o) => ("error" in o ? [o] : []));
  console.log(`\n${label}`);
  if (finished.length > 0) {
    console.log(
      `  original design: ${ms(median(finished.map((o) => o.firstResult)))} (median of ${finished.length}; download ${ms(median(finished.map((o) => o.download)))}, ` +
        `parse ${ms(median(finished.map((o) => o.parse)))}, filter keys ${ms(median(finished.map((o) => o.filter)))})`,
    );
  }
  if (failed.length > 0) {
    console.log(`  original design: FAILED in ${failed.length} of ${originals.length} runs, after ${ms(median(failed.map((o) => o.failed)))} (median): ${failed[0]!.error}`);
  }
  console.log(`  Pitwall:         ${ms(pitwallMs)} (median of ${pitwall.length}; p90 ${ms(percentile(pitwall, 0.9))})`);
  const originalMs = finished.length > 0 ? median(finished.map((o) => o.firstResult)) : median(failed.map((o) => o.failed));
  console.log(`  ratio:           ${(originalMs / pitwallMs).toFixed(1)}x${finished.length === 0 ? " (the original never showed a result; time until it gave up)" : ""}`);
}

async function measure(app: { url: string }): Promise<void> {
  const [live] = await sql()<{ entries: number; drivers: number }[]>`
    select g.entry_count as entries, g.driver_count as drivers from raceroom_live l join raceroom_generations g on g.id = l.generation_id`;
  if (!live) throw new Error("no live RaceRoom data in the database");
  const queries = await pickQueries(QUERIES, WARM_UP_QUERIES);
  const warmUp = await pickQueries(WARM_UP_QUERIES);

  const exportStarted = performance.now();
  const response = await fetch(`${app.url}/api/v1/raceroom/exports/driver_index.json`);
  const index = Buffer.from(await response.arrayBuffer());
  const exportMs = performance.now() - exportStarted;
  const original = await serveOriginal(index);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    console.log(`RaceRoom first search result in Chromium: ${live.entries.toLocaleString("en-US")} entries, ${live.drivers.toLocaleString("en-US")} drivers`);
    console.log(`driver_index.json: ${(index.length / 1e6).toFixed(1)} MB, streamed by Pitwall in ${ms(exportMs)} (not counted: served as a static file)`);
    console.log(`queries: ${queries.map((q) => `${JSON.stringify(q.query)} (${q.matches} matching)`).join(", ")}; ${RUNS} runs each, fresh browser context per run`);

    // Both servers and the browser warmed on queries that are not measured.
    for (const q of warmUp) {
      checkHits(q, await originalInPage(browser, original.url, q.query), await pitwallInPage(browser, app.url, q.query));
      await pitwallRun(browser, app.url, q.query);
    }

    const inPage = { originals: [] as OriginalResult[], pitwall: [] as number[] };
    const opened = { originals: [] as OriginalResult[], pitwall: [] as number[] };
    const typed: number[] = [];
    // Each measurement starts after the previous context's teardown (a renderer freeing a 60 MB+ index) has settled.
    const settled = async <T>(run: () => Promise<T>): Promise<T> => {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      return run();
    };
    for (const { query, ...target } of queries) {
      for (let run = 0; run < RUNS; run += 1) {
        const o = await settled(() => originalInPage(browser, original.url, query));
        const p = await settled(() => pitwallInPage(browser, app.url, query));
        checkHits({ query, ...target }, o, p);
        inPage.originals.push(o);
        inPage.pitwall.push(p.firstResult);
        opened.originals.push(await settled(() => originalRun(browser, original.url, query)));
        opened.pitwall.push((await settled(() => pitwallRun(browser, app.url, query))).firstResult);
        typed.push(await settled(() => typedRun(browser, app.url, query)));
      }
    }
    report("1. search in a loaded page, asked for -> first 20 hits in the DOM (headline)", inPage.originals, inPage.pitwall);
    report("2. page opened with the query in its URL, navigation start -> first hit shown", opened.originals, opened.pitwall);
    console.log(`\n3. Pitwall's search box, keystroke -> first hit: ${ms(median(typed))} (median; includes the 150 ms pause for typing)`);
  } finally {
    await browser.close();
    original.server.close();
  }
}

async function main(): Promise<void> {
  if (process.env.BENCH_BASE_URL) return measure({ url: process.env.BENCH_BASE_URL.replace(/\/+$/, "") });
  await runMigrations(databaseUrl());
  const [live] = await sql()<{ entries: number }[]>`
    select g.entry_count as entries from raceroom_live l join raceroom_generations g on g.id = l.generation_id`;
  if (!live || process.env.BENCH_RELOAD === "1") await loadWorld();
  // The app reads the database the world was loaded into, and runs as `npm start` runs it.
  process.env.DATABASE_URL = databaseUrl();
  const distDir = process.env.PITWALL_DIST_DIR ?? ".next";
  buildIfMissing(".", distDir, { PITWALL_DIST_DIR: distDir });
  const app = await startPitwall(PORT, distDir);
  try {
    await measure(app);
  } finally {
    app.stop();
  }
}

main()
  .then(() => closeDatabase())
  .catch(async (error) => {
    console.error(error);
    await closeDatabase();
    process.exit(1);
  });
