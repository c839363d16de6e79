import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export interface RunningServer {
  url: string;
  child: ChildProcess;
  stop(): void;
}

const nextBin = path.resolve("node_modules", ".bin", "next");

/** The admin API token of every bench's app instance. */
export const BENCH_ADMIN_TOKEN = "bench-admin-api-token-0123456789abcdef";

/** What a bench's app instance runs with: production, on its own database, with known admin credentials. */
export function benchAppEnv(databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    ADMIN_API_TOKEN: BENCH_ADMIN_TOKEN,
    ADMIN_PASSWORD: "bench-admin-password-0123",
    SESSION_SECRET: "bench-session-secret-that-is-long-enough-0123456789",
  };
}

/** `next build` in `dir` unless `distDir` already holds a build; set BENCH_REBUILD=1 to build again. */
export function buildIfMissing(dir: string, distDir: string, env: Record<string, string> = {}): void {
  if (existsSync(path.join(dir, distDir, "BUILD_ID")) && process.env.BENCH_REBUILD !== "1") return;
  console.log(`building ${dir === "." ? "Pitwall" : dir} into ${distDir}…`);
  const result = spawnSync(nextBin, ["build", dir], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  if (result.status !== 0) throw new Error(`next build ${dir} failed (exit ${result.status})`);
}

/** Waits until `url` answers 2xx, or throws when the child exits or a minute passes. */
async function waitUntilUp(child: ChildProcess, url: string): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGTERM");
  throw new Error(`${url} did not answer within 60 s`);
}

function running(url: string, child: ChildProcess): RunningServer {
  return { url, child, stop: () => void child.kill("SIGTERM") };
}

/** Pitwall's production server (`npm start`: scripts/launch.ts) on `port`, built into `distDir`, on DATABASE_URL. */
export async function startPitwall(port: number, distDir: string): Promise<RunningServer> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/launch.ts", "start"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", PITWALL_DIST_DIR: distDir, LOG_LEVEL: "warn" },
  });
  await waitUntilUp(child, `${url}/api/health`);
  return running(url, child);
}

/** `next start` of the app in `dir` (its own config) on `port`. */
export async function startNext(dir: string, port: number): Promise<RunningServer> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(nextBin, ["start", dir, "--port", String(port), "--hostname", "127.0.0.1"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  await waitUntilUp(child, `${url}/`);
  return running(url, child);
}
