/**
 * An endurance race page on a phone with a full field (issue 12: smooth with 62 cars and 380 laps each, on a phone
 * too), side by side in one run with references in the same browser:
 * 1. a minimal page: a static 62-row table, nothing polled (the floor of this machine and this slowed browser);
 * 2. the race page with an 18-car field (what the demo shows), at the same race time;
 * 3. the race page with 62 cars, ~380 laps each, live at 60x and polled every 5 s.
 * Each is opened in Chromium at 360 x 740 (touch, 3x pixels) with the CPU slowed BENCH_CPU_SLOWDOWN times (4, a
 * mid-range phone) and scrolled up and down by touch for BENCH_SECONDS while it updates. The page's own frame intervals
 * (requestAnimationFrame) and long tasks are recorded: frames drawn (and their share of the minimal page's), frame
 * p50/p95, the share of frames over 50 ms (visible stutter), long-task time per second, and how often the race clock
 * moved (the page kept updating: a poll every 5 s) beside how often the server's race moved at the same pace.
 * Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/endurance-phone.ts (or npm run bench).
 * Needs a production build in PITWALL_DIST_DIR (.next; built if missing); makes its own database.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Page } from "@playwright/test";
import { enduranceUpstream } from "@/sim/endurance";
import { startSimulator } from "@/sim/server";
import { chooseDatabase, ensureDatabase } from "../scripts/database";
import { BENCH_ADMIN_TOKEN, benchAppEnv, buildIfMissing, startPitwall } from "./support/app";

const HOUR = 3_600_000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CPU_SLOWDOWN = Number(process.env.BENCH_CPU_SLOWDOWN ?? 4);
const PORT = Number(process.env.BENCH_PORT ?? 3240);
const DIST_DIR = process.env.PITWALL_DIST_DIR ?? ".next";
/** Race time the replays start from: the leaders have ~380 laps of the synthetic track's 100-second laps. */
const FROM_MS = 10.6 * HOUR;
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The page's own frame, long-task and race-clock recorders. Passed as text: tsx would wrap the named functions of a
 * function argument in a helper the page does not have.
 */
const RECORDER = `(() => {
  const bench = { frames: [], longMs: 0, clock: null, clockChanges: 0, startedAt: performance.now(), running: true };
  window.bench = bench;
  let last = performance.now();
  const frame = (t) => {
    if (!bench.running) return;
    bench.frames.push(t - last);
    last = t;
    const clock = document.querySelector('[data-testid="race-clock"]')?.textContent ?? null;
    if (clock !== bench.clock) {
      if (bench.clock !== null) bench.clockChanges += 1;
      bench.clock = clock;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longMs += entry.duration;
  }).observe({ type: "longtask" });
})()`;

interface Figures {
  frames: number;
  p50: number;
  p95: number;
  slowShare: number;
  longTaskMsPerS: number;
  clockChanges: number;
  /** How often the server's race moved on in the same window, asked at the page's own pace (the most the page can show). */
  serverChanges: number;
  rows: number;
}

// ---- The world: two live replays of one synthetic 24 h race, a full field and the demo's field ----
buildIfMissing(".", DIST_DIR, { PITWALL_DIST_DIR: DIST_DIR });
const choice = await chooseDatabase();
const admin = (await import("postgres")).default(choice.url, { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists pitwall_bench_endurance_phone with (force)`);
await admin.end();
const databaseUrl = await ensureDatabase(choice.url, "pitwall_bench_endurance_phone");

const fields = [62, 18];
const upstream = enduranceUpstream({
  races: fields.map((cars) => ({ id: `field-${cars}`, event: `${cars} cars`, source: { synthetic: { seed: 12, cars, durationMs: 24 * HOUR } }, speed: 60 })),
});
const sim = await startSimulator({ port: 0, seed: 1, upstreams: [upstream] });
Object.assign(process.env, {
  ...benchAppEnv(databaseUrl),
  ENDURANCE_TIMING_BASE_URL: `${sim.url}/endurance`,
  ENDURANCE_POLL_INTERVAL_MS: "2000",
});

// A static page of the same size as the board: the reference for what this browser does with nothing to update.
const minimal = createServer((_, res) => {
  const rows = Array.from({ length: 62 }, (_, i) => `<tr><td>${i + 1}</td><td>#${100 + i}</td><td>Team ${i}</td><td>+${i}.123</td><td>1:41.${i}</td></tr>`).join("");
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  res.end(`<!doctype html><meta name="viewport" content="width=device-width"><title>minimal</title><table><tbody>${rows}</tbody></table>`);
});
await new Promise<void>((resolve) => minimal.listen(0, "127.0.0.1", resolve));
const minimalUrl = `http://127.0.0.1:${(minimal.address() as AddressInfo).port}/`;

const app = await startPitwall(PORT, DIST_DIR);

try {
  const now = Date.now();
  for (const cars of fields) {
    upstream.race(`field-${cars}`).clock.start(60, FROM_MS);
    const params = {
      slug: `field-${cars}`,
      series: "FIA WEC",
      event: `${cars} cars`,
      circuit: "Pitwall Park",
      startsAt: new Date(now - FROM_MS).toISOString(),
      endsAt: new Date(now - FROM_MS + 24 * HOUR).toISOString(),
      analysisUrl: `field-${cars}/23_Analysis_Race.CSV`,
      liveDataUrl: `field-${cars}/RaceData_JSONP.json`,
      liveResultsUrl: `field-${cars}/RaceResults_JSONP.json`,
    };
    const started = await fetch(`${app.url}/api/v1/admin/syncs/endurance.schedule-race`, {
      method: "POST",
      headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ params }),
    });
    if (started.status !== 202) throw new Error(`endurance.schedule-race: ${started.status} ${await started.text()}`);
  }
  // Both races ingested past the start point, with their models' first fits.
  for (let i = 0; ; i += 1) {
    // The server is busy ingesting hours of laps: a dropped connection is a reason to ask again.
    const calendar = (await fetch(`${app.url}/api/v1/endurance/races`)
      .then((response) => response.json())
      .catch(() => ({ live: [] }))) as { live: { slug: string; laps: number }[] };
    const laps = fields.map((cars) => calendar.live.find((race) => race.slug === `field-${cars}`)?.laps ?? 0);
    if (laps.every((n, k) => n > fields[k]! * 300)) {
      console.log(`races live: ${fields.map((cars, k) => `${cars} cars, ${laps[k]!.toLocaleString("en-US")} laps`).join("; ")}`);
      break;
    }
    if (i > 300) throw new Error(`races not ingested: ${laps.join(", ")} laps`);
    await sleep(1_000);
  }

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const measure = async (url: string): Promise<Figures> => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    await page.goto(url, { waitUntil: "load" });
    await page.locator("tbody tr").first().waitFor();
    await sleep(2_000);
    await startRecording(page);
    const until = Date.now() + SECONDS * 1000;
    const server = serverMoves(url, until);
    // A reader swiping down the board and back up, a swipe a second.
    for (let swipe = 0; Date.now() < until; swipe += 1) {
      await cdp.send("Input.synthesizeScrollGesture", { x: 180, y: 400, yDistance: swipe % 6 < 3 ? -500 : 500, speed: 1200, gestureSourceType: "touch" });
      await sleep(Math.max(0, Math.min(1_000, until - Date.now())));
    }
    const figures = { ...(await stopRecording(page)), serverChanges: await server };
    await context.close();
    return figures;
  };

  /** Changes of the race's stored laps seen polling the calendar every 5 s, as the page polls its board. */
  const serverMoves = async (url: string, until: number): Promise<number> => {
    const slug = url.match(/races\/([^/]+)$/)?.[1];
    if (!slug) return 0;
    let last: number | undefined;
    let moves = 0;
    while (Date.now() < until) {
      const calendar = (await fetch(`${app.url}/api/v1/endurance/races`).then((r) => r.json(), () => ({ live: [] }))) as { live: { slug: string; laps: number }[] };
      const laps = calendar.live.find((race) => race.slug === slug)?.laps;
      if (laps !== undefined && last !== undefined && laps !== last) moves += 1;
      last = laps ?? last;
      await sleep(Math.min(5_000, Math.max(0, until - Date.now())));
    }
    return moves;
  };

  const results: [string, Figures][] = [];
  results.push(["minimal page (62-row static table)", await measure(minimalUrl)]);
  for (const cars of [...fields].reverse()) results.push([`race page, ${cars} cars`, await measure(`${app.url}/endurance/races/field-${cars}`)]);
  await browser.close();

  const floor = results[0]![1];
  console.log(`\nphone: 360 x 740 touch, CPU ${CPU_SLOWDOWN}x slower, scrolled by touch for ${SECONDS} s while live\n`);
  console.log(`${"page".padEnd(36)} ${"rows".padStart(5)} ${"frames".padStart(7)} ${"/ref".padStart(6)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${">50 ms".padStart(7)} ${"long tasks".padStart(11)} ${"clock moved".padStart(12)} ${"server moved".padStart(13)}`);
  for (const [name, f] of results) {
    console.log(
      `${name.padEnd(36)} ${String(f.rows).padStart(5)} ${String(f.frames).padStart(7)} ${`${(f.frames / floor.frames).toFixed(2)}x`.padStart(6)} ${`${f.p50.toFixed(1)} ms`.padStart(8)} ${`${f.p95.toFixed(1)} ms`.padStart(8)} ${`${(f.slowShare * 100).toFixed(1)} %`.padStart(7)} ${`${f.longTaskMsPerS.toFixed(0)} ms/s`.padStart(11)} ${String(f.clockChanges).padStart(12)} ${String(f.serverChanges).padStart(13)}`,
    );
  }
} finally {
  app.stop();
  minimal.close();
  await sim.close();
  await sleep(500);
  const cleanup = (await import("postgres")).default(choice.url, { max: 1, onnotice: () => {} });
  await cleanup.unsafe(`drop database if exists pitwall_bench_endurance_phone with (force)`);
  await cleanup.end();
  await choice.embedded?.stop();
}

async function startRecording(page: Page): Promise<void> {
  await page.evaluate(RECORDER);
}

async function stopRecording(page: Page): Promise<Omit<Figures, "serverChanges">> {
  const raw = await page.evaluate(() => {
    const w = window as unknown as { bench: { frames: number[]; longMs: number; clockChanges: number; startedAt: number; running: boolean } };
    w.bench.running = false;
    return { ...w.bench, seconds: (performance.now() - w.bench.startedAt) / 1000, rows: document.querySelectorAll("tbody tr").length };
  });
  const frames = raw.frames.slice(1).sort((a, b) => a - b);
  const at = (q: number) => frames[Math.min(frames.length - 1, Math.floor(q * frames.length))] ?? NaN;
  return {
    frames: frames.length,
    p50: at(0.5),
    p95: at(0.95),
    slowShare: frames.filter((ms) => ms > 50).length / Math.max(1, frames.length),
    longTaskMsPerS: raw.longMs / raw.seconds,
    clockChanges: raw.clockChanges,
    rows: raw.rows,
  };
}
