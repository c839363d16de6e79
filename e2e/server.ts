import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chooseDatabase, ensureDatabase } from "../scripts/database";
import { E2E_ADMIN_API_TOKEN, E2E_ADMIN_PASSWORD, E2E_SESSION_SECRET, e2eSimulatorUrl } from "./env";
import postgres from "postgres";
import { startSimulator } from "../sim/server";
import { defaultUpstreams, simulatedPitwallEnv } from "../sim/upstreams";

/**
 * The app under e2e test: the production build on E2E_PORT with a fresh database of its own
 * (on DATABASE_URL's server, or the embedded one) and known admin credentials.
 */
const port = process.env.E2E_PORT ?? "3005";
const distDir = process.env.PITWALL_DIST_DIR ?? ".next";
if (!existsSync(path.join(distDir, "BUILD_ID"))) {
  console.error(`e2e: no production build in ${distDir}: run \`npm run build\` first`);
  process.exit(1);
}

const choice = await chooseDatabase();
const name = `pitwall_e2e_${port}`;
const admin = postgres(choice.url, { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists "${name}" with (force)`);
await admin.end();
const databaseUrl = await ensureDatabase(choice.url, name);

// A small simulated RaceRoom world keeps refreshes in e2e tests to a few seconds.
const simulator = await startSimulator({
  port: Number(new URL(e2eSimulatorUrl()).port),
  seed: 7,
  upstreams: await defaultUpstreams({
    ...process.env,
    SIM_RACEROOM_LEADERBOARDS: "120",
    SIM_RACEROOM_ENTRIES: "6000",
    SIM_RACEROOM_DRIVERS: "3000",
    // A 24-hour endurance race replayed at 60x: 24 minutes of wall time, live through the whole run; a 3-hour
    // finished one keeps the replay page light.
    SIM_ENDURANCE_HOURS: "24",
    SIM_ENDURANCE_PAST_HOURS: "3",
  }),
});
console.log(`e2e: simulators on ${simulator.url}`);

// An operator's background video for race pages, placed in public/ as the README says (public/e2e/ is not tracked).
mkdirSync("public/e2e", { recursive: true });
copyFileSync("tests/fixtures/endurance/background.webm", "public/e2e/background.webm");

// Through Pitwall's own launcher, as `npm start` runs it (it marks each request with the socket's address).
const child = spawn(process.execPath, ["--import", "tsx", "scripts/launch.ts", "start"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PORT: port,
    HOSTNAME: "127.0.0.1",
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
    ADMIN_API_TOKEN: E2E_ADMIN_API_TOKEN,
    SESSION_SECRET: E2E_SESSION_SECRET,
    NEXT_TELEMETRY_DISABLED: "1",
    ...(await simulatedPitwallEnv(simulator.url)),
    ENDURANCE_POLL_INTERVAL_MS: "2000",
    ENDURANCE_BACKGROUND_VIDEO: "/e2e/background.webm",
  },
});

const stop = () => child.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
child.once("exit", async (code) => {
  await simulator.close();
  await choice.embedded?.stop();
  process.exit(code ?? 0);
});
