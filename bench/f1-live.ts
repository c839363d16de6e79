/**
 * The F1 live snapshot under load, side by side in one run (issue 13's figures):
 * 1. /api/v1/f1/live of one app instance vs a bare node:http server returning the same bytes, 200 concurrent clients;
 * 2. the same with three app instances on one database (one poller, three servers);
 * 3. from a new upstream record to a page that polls every second seeing it (p95), the simulator playing a race live;
 * 4. OpenF1 requests in any 10 s, counted at the simulator, whatever the viewers and instances.
 * Needs a production build (`npm run build`) and DATABASE_URL's server; makes its own database.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Agent, request } from "node:http";
import { chooseDatabase, ensureDatabase } from "../scripts/database";
import { openf1Upstream } from "../sim/f1/openf1";
import { startSimulator } from "../sim/server";
import { BENCH_ADMIN_TOKEN, benchAppEnv } from "./support/app";

const CLIENTS = 200;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const BASE_PORT = Number(process.env.BENCH_F1_PORT ?? 3913);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** CLIENTS keep-alive connections asking in a loop for SECONDS, spread over the given URLs. */
async function load(urls: string[]): Promise<Load> {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + SECONDS * 1000;
  const one = (url: string) =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const req = request(url, { agent }, (res) => {
        res.resume();
        res.on("end", () => {
          if (res.statusCode === 200) latencies.push(performance.now() - started);
          else errors += 1;
          resolve();
        });
      });
      req.on("error", () => {
        errors += 1;
        resolve();
      });
      req.end();
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      const url = urls[client % urls.length] as string;
      while (performance.now() < until) await one(url);
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { rps: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), errors };
}

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

const row = (name: string, figures: Load) =>
  `${name.padEnd(34)} ${figures.rps.toFixed(0).padStart(7)} req/s   p50 ${figures.p50.toFixed(1).padStart(6)} ms   p99 ${figures.p99.toFixed(1).padStart(6)} ms   errors ${figures.errors}`;

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

  const bareOne = await load([bareUrl]);
  const appOne = await load([`${urls[0]}/api/v1/f1/live`]);
  console.log(row("bare node:http (reference)", bareOne));
  console.log(row("one app instance", appOne));
  console.log(`  ratio ${(appOne.rps / bareOne.rps).toFixed(2)}x (target >= 0.4x, p99 <= 25 ms)\n`);

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
  const bareThree = await load([bareUrl]);
  const appThree = await load(urls.map((url) => `${url}/api/v1/f1/live`));
  console.log(row("bare node:http (reference)", bareThree));
  console.log(row("three app instances", appThree));
  console.log(`  ratio ${(appThree.rps / bareThree.rps).toFixed(2)}x\n`);

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
