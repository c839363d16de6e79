/**
 * The F1 live snapshot under load, side by side in one run (issue 13's figures):
 * 1. /api/v1/f1/live of one app instance vs a bare node:http server returning the same bytes, 200 concurrent clients
 *    asking as fast as they are answered (throughput), then 200 viewers polling every second (latency);
 * 2. the same with three app instances on one database (one poller, three servers);
 * 3. from a new upstream record to a page that polls every second seeing it (p95), the simulator playing a race live;
 * 4. OpenF1 requests in any 10 s, counted at the simulator, whatever the viewers and instances.
 * Needs a production build (`npm run build`), DATABASE_URL's server and wrk (bench/support/wrk.ts); makes its own database.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chooseDatabase, ensureDatabase } from "../scripts/database";
import { openf1Upstream } from "../sim/f1/openf1";
import { startSimulator } from "../sim/server";
import { BENCH_ADMIN_TOKEN, benchAppEnv } from "./support/app";
import { wrk, type WrkLoad } from "./support/wrk";

const CLIENTS = 200;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const BASE_PORT = Number(process.env.BENCH_F1_PORT ?? 3913);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** CLIENTS keep-alive connections asking in a loop for SECONDS (spread over `ports` of the URL's host when given). */
const load = (url: string, ports?: number[]) => wrk(url, { connections: CLIENTS, seconds: SECONDS, ports });
/** CLIENTS viewers each polling about every second (the page's pace), for twice SECONDS. */
const viewers = (url: string, ports?: number[]) => wrk(url, { connections: CLIENTS, seconds: 2 * SECONDS, ports, thinkMs: 1_000 });

function startInstance(port: number, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "scripts/launch.ts", "start"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...env, PORT: String(port), HOSTNAME: "127.0.0.1", LOG_LEVEL: "warn" },
  });
}

async function waitUp(url: string): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return;
    await sleep(200);
  }
  throw new Error(`${url} did not come up`);
}

function busiestWindow(times: readonly number[], windowMs: number): number {
  let busiest = 0;
  for (let start = 0, end = 0; end < times.length; end += 1) {
    while ((times[end] as number) - (times[start] as number) >= windowMs) start += 1;
    busiest = Math.max(busiest, end - start + 1);
  }
  return busiest;
}

const row = (name: string, figures: WrkLoad) =>
  `${name.padEnd(41)} ${figures.perSecond.toFixed(0).padStart(7)} req/s   p50 ${figures.p50.toFixed(1).padStart(6)} ms   p99 ${figures.p99.toFixed(1).padStart(6)} ms   errors ${figures.errors}`;

const choice = await chooseDatabase();
const databaseUrl = await ensureDatabase(choice.url, `pitwall_bench_f1_${Date.now()}`);
const openf1 = openf1Upstream();
const sim = await startSimulator({ port: 0, seed: 1, upstreams: [openf1] });
openf1.start({ speed: 1, offsetSeconds: 20 * 60 });
const env = {
  ...benchAppEnv(databaseUrl),
  F1_OPENF1_BASE_URL: `${sim.url}/openf1`,
  F1_OPENF1_USERNAME: "pitwall",
  F1_OPENF1_PASSWORD: "pitwall-demo",
  F1_POLL_INTERVAL_MS: "1500",
};
const ports = [BASE_PORT, BASE_PORT + 1, BASE_PORT + 2];
const urls = ports.map((port) => `http://127.0.0.1:${port}`);
const instances: ChildProcess[] = [startInstance(ports[0]!, env)];
let bare: ChildProcess | undefined;
try {
  await waitUp(urls[0]!);
  const follow = await fetch(`${urls[0]}/api/v1/admin/syncs/f1.follow-live`, { method: "POST", headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` } });
  if (follow.status !== 202) throw new Error(`f1.follow-live: ${follow.status}`);
  // The poller is running once the snapshot names the session.
  for (let i = 0; i < 150; i += 1) {
    const feed = (await (await fetch(`${urls[0]}/api/v1/f1/live`)).json()) as { sequence: number; state: unknown };
    if (feed.sequence > 1 && feed.state) break;
    await sleep(400);
  }

  // The same bytes and headers from a bare server, in its own process like the app.
  const sample = await fetch(`${urls[0]}/api/v1/f1/live`);
  const body = Buffer.from(await sample.arrayBuffer());
  const file = path.join(tmpdir(), `pitwall-f1-live-${process.pid}.json`);
  writeFileSync(file, body);
  const headers = JSON.stringify({ "content-type": "application/json; charset=utf-8", etag: sample.headers.get("etag") ?? "", "cache-control": sample.headers.get("cache-control") ?? "", "content-length": body.length });
  const barePort = BASE_PORT + 10;
  bare = spawn(process.execPath, ["-e", `const b=require("fs").readFileSync(${JSON.stringify(file)});const h=${headers};require("http").createServer((q,r)=>{r.writeHead(200,h);r.end(b)}).listen(${barePort},"127.0.0.1")`], { stdio: "inherit" });
  await sleep(500);
  const bareUrl = `http://127.0.0.1:${barePort}/api/v1/f1/live`;
  console.log(`snapshot: ${body.length} bytes, ${CLIENTS} concurrent clients, ${SECONDS} s each\n`);

  const bareOne = await load(bareUrl);
  const appOne = await load(`${urls[0]}/api/v1/f1/live`);
  console.log(row("bare node:http (reference)", bareOne));
  console.log(row("one app instance", appOne));
  console.log(`  ratio ${(appOne.perSecond / bareOne.perSecond).toFixed(2)}x (target >= 0.4x, p99 <= 25 ms)\n`);
  // Saturated, a closed loop of 200 clients queues on 2 cores shared with the load generator, and its p99 is mostly
  // that queue, the bare server's too. What a viewer waits is measured with 200 pages each polling every second.
  const bareViewers = await viewers(bareUrl);
  const appViewers = await viewers(`${urls[0]}/api/v1/f1/live`);
  console.log(row("bare node:http, 200 viewers at 1/s", bareViewers));
  console.log(row("one app instance, 200 viewers at 1/s", appViewers));
  console.log(`  p99 ${appViewers.p99.toFixed(1)} ms (target <= 25 ms)\n`);

  // From a new upstream record to a page that polls every second seeing it.
  const seen: number[] = [];
  let last = 0;
  const watchUntil = Date.now() + 30_000;
  while (Date.now() < watchUntil) {
    const feed = (await (await fetch(`${urls[0]}/api/v1/f1/live`)).json()) as { sequence: number; state: { at: string } | null };
    if (feed.sequence !== last && feed.state && last !== 0) seen.push(Date.now() - Date.parse(feed.state.at));
    last = feed.sequence;
    await sleep(1_000);
  }
  seen.sort((a, b) => a - b);
  const p95 = seen[Math.floor(0.95 * (seen.length - 1))] ?? NaN;
  console.log(`new upstream record -> page (polling every 1 s): p50 ${seen[Math.floor(seen.length / 2)]} ms, p95 ${p95} ms over ${seen.length} snapshots (target <= poll 1500 ms + 1000 ms)\n`);

  instances.push(startInstance(ports[1]!, env), startInstance(ports[2]!, env));
  await waitUp(urls[1]!);
  await waitUp(urls[2]!);
  await sleep(2_000);
  const bareThree = await load(bareUrl);
  const appThree = await load(`${urls[0]}/api/v1/f1/live`, ports);
  console.log(row("bare node:http (reference)", bareThree));
  console.log(row("three app instances", appThree));
  console.log(`  ratio ${(appThree.perSecond / bareThree.perSecond).toFixed(2)}x`);
  const appThreeViewers = await viewers(`${urls[0]}/api/v1/f1/live`, ports);
  console.log(row("three app instances, 200 viewers at 1/s", appThreeViewers));
  console.log(`  p99 ${appThreeViewers.p99.toFixed(1)} ms (target <= 25 ms)\n`);

  const { default: postgres } = await import("postgres");
  const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const pollers = await db<{ sessionKey: number; owner: string }[]>`select session_key as "sessionKey", owner from f1_pollers where status = 'running'`;
  await db.end();
  const times = sim.stats().prefixes["/openf1"]?.recentRequestTimes ?? [];
  console.log(`pollers running: ${pollers.length} (sessions ${pollers.map((p) => p.sessionKey).join(", ")})`);
  console.log(`OpenF1 requests at the simulator: ${times.length} in the run, busiest 10 s window ${busiestWindow(times, 10_000)} (budget 30)`);
} finally {
  for (const instance of instances) instance.kill("SIGTERM");
  bare?.kill("SIGTERM");
  await sleep(1_000);
  await sim.close();
  await choice.embedded?.stop();
}
process.exit(0);
