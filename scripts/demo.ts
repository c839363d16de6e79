import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { demoCalendar } from "@/lib/endurance/demo-calendar";
import { env } from "@/lib/env";
import { simConfig } from "@/sim/config";
import { startSimulator } from "@/sim/server";
import { defaultUpstreams, simulatedPitwallEnv } from "@/sim/upstreams";
import { launch } from "./launch";

/**
 * `npm run demo`: build if needed, embedded Postgres, the upstream simulators, the app; prints the URL and
 * the admin password, then starts a first RaceRoom refresh against the simulator.
 */
const sourceDirs = ["app", "lib", "db", "inngest", "sim", "public"];

function newestSource(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIfNeeded(): void {
  const buildId = path.join(".next", "BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const changedAt = Math.max(...sourceDirs.map(newestSource), statSync("package.json").mtimeMs);
  if (builtAt > changedAt) return;
  console.log("pitwall: building the app (first run or sources changed)…");
  const result = spawnSync(path.join("node_modules", ".bin", "next"), ["build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

interface DemoSecrets {
  adminPassword: string;
  sessionSecret: string;
  adminApiToken: string;
}

/** Kept in the data directory so a restarted demo keeps the same login. */
async function demoSecrets(): Promise<DemoSecrets> {
  const dir = path.resolve(env().PITWALL_DATA_DIR);
  const file = path.join(dir, "demo-secrets.json");
  if (existsSync(file)) return JSON.parse(await readFile(file, "utf8")) as DemoSecrets;
  await mkdir(dir, { recursive: true });
  const secrets = {
    adminPassword: randomBytes(12).toString("base64url"),
    sessionSecret: randomBytes(32).toString("base64url"),
    adminApiToken: randomBytes(24).toString("base64url"),
  };
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** Starts a sync through the same admin API a script would use. */
function startSync(baseUrl: string, token: string, kind: string, params?: unknown): Promise<Response> {
  return fetch(`${baseUrl}/api/v1/admin/syncs/${kind}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(params === undefined ? {} : { params }),
  });
}

/** The first RaceRoom refresh, unless data exists already. */
async function firstRefresh(baseUrl: string, token: string): Promise<void> {
  const status = await fetch(`${baseUrl}/api/v1/raceroom/status`).then((r) => (r.ok ? r.json() : null)).catch(() => null);
  if (status?.live || status?.running) return;
  const response = await startSync(baseUrl, token, "raceroom.full-refresh");
  console.log(
    response.ok
      ? "pitwall: first RaceRoom refresh started against the simulator (progress on /raceroom and /admin)"
      : `pitwall: could not start the first RaceRoom refresh (${response.status} ${await response.text()})`,
  );
}

/** iRacing's catalogue, series and current seasons from the simulator, unless synced already: every iRacing page has data within a minute. */
async function firstIracingSync(baseUrl: string, token: string): Promise<void> {
  const known = await fetch(`${baseUrl}/api/v1/iracing/series`).then((r) => (r.ok ? r.json() : null)).catch(() => null);
  if (known?.data?.length) return;
  for (const kind of ["iracing.catalogue", "iracing.nightly"]) {
    const response = await startSync(baseUrl, token, kind);
    if (!response.ok) console.log(`pitwall: could not start ${kind} (${response.status} ${await response.text()})`);
  }
  console.log("pitwall: iRacing series and seasons are syncing from the simulator (progress on /admin)");
}

/** The endurance calendar over the simulator's races: one live at 60x, one finished (ingested now), two to come. */
async function enduranceCalendar(baseUrl: string, token: string): Promise<void> {
  const { races, ingest } = demoCalendar(new Date(), Number(process.env.SIM_ENDURANCE_HOURS ?? 24));
  for (const race of races) await startSync(baseUrl, token, "endurance.schedule-race", race);
  for (const race of ingest) await startSync(baseUrl, token, "endurance.ingest", { race });
  console.log("pitwall: endurance races on the calendar, one live at 60x (/endurance)");
}

/**
 * F1: the simulated OpenF1 plays its race live; asking for the live session now starts the poller without waiting for
 * the minute's watch. The simulated live-timing archive's seasons are listed, each session replayable from /admin.
 */
async function followF1(baseUrl: string, token: string): Promise<void> {
  const response = await startSync(baseUrl, token, "f1.follow-live");
  console.log(response.ok ? "pitwall: following the simulated F1 race live on /f1" : `pitwall: could not follow the F1 race (${response.status})`);
  const archive = await startSync(baseUrl, token, "f1.archive-season");
  console.log(archive.ok ? "pitwall: listing the live-timing archive's sessions (/f1/sessions)" : `pitwall: could not list the F1 archive (${archive.status})`);
}

buildIfNeeded();
// The simulated OpenF1 plays its race live, in real time, from the demo's start.
process.env.SIM_OPENF1_LIVE_SPEED ??= "1";
const secrets = await demoSecrets();
const config = simConfig();
const simulator = await startSimulator({ port: config.SIM_PORT, host: config.SIM_HOST, seed: config.SIM_SEED, upstreams: await defaultUpstreams() });
console.log(`pitwall: upstream simulators on ${simulator.url}`);
const adminApiToken = process.env.ADMIN_API_TOKEN ?? secrets.adminApiToken;

process.exit(
  await launch("start", {
    env: {
      ADMIN_PASSWORD: process.env.ADMIN_PASSWORD ?? secrets.adminPassword,
      SESSION_SECRET: process.env.SESSION_SECRET ?? secrets.sessionSecret,
      ADMIN_API_TOKEN: adminApiToken,
      ...(await simulatedPitwallEnv(simulator.url)),
    },
    onReady: async (baseUrl) => {
      const port = new URL(baseUrl).port;
      console.log(`\n  Pitwall demo: http://localhost:${port}\n  Admin: http://localhost:${port}/admin  password: ${secrets.adminPassword}\n`);
      await firstIracingSync(baseUrl, adminApiToken);
      await firstRefresh(baseUrl, adminApiToken);
      await enduranceCalendar(baseUrl, adminApiToken);
      await followF1(baseUrl, adminApiToken);
    },
    onStop: () => simulator.close(),
  }),
);
