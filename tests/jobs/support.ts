import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll } from "vitest";
import { LocalExecutor, type ExecutorOptions } from "@/inngest/inline/executor";
import type { Sql } from "@/lib/db";
import { testHandler } from "./handler";

/** An executor for the app's and the test functions with test-sized timings. */
export function testExecutor(options: Partial<ExecutorOptions> = {}): LocalExecutor {
  return new LocalExecutor({ handler: testHandler, pollMs: 200, leaseMs: 5_000, retryBaseMs: 50, workers: 4, ...options });
}

/**
 * An executor that takes work for the whole describe block: started before its tests, stopped after them.
 * `stop()` and `start()` let a test hold work back (a fresh executor picks it up on start).
 */
export function useTestExecutor(): { start: () => Promise<void>; stop: () => Promise<void> } {
  let executor: LocalExecutor | undefined;
  const start = async () => {
    executor = testExecutor();
    await executor.start();
  };
  const stop = async () => {
    await executor?.stop();
  };
  beforeAll(start);
  afterAll(stop);
  return { start, stop };
}

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface RunRow {
  id: string;
  status: string;
  output: unknown;
  error: string | null;
  event: { data: Record<string, unknown> };
}

export async function runsOf(sql: Sql, functionId: string): Promise<RunRow[]> {
  return sql<RunRow[]>`select id, status, output, error, event from job_runs where function_id = ${functionId} order by created_at`;
}

/** Side effects per step name for one run: { "lap-1": { done: 1, enter: 1 }, ... }. */
export async function effectsOf(sql: Sql, runId: string): Promise<Record<string, Record<string, number>>> {
  const rows = await sql<{ step: string; phase: string; n: number }[]>`
    select step, phase, count(*)::int as n from job_test_effects where run_id = ${runId} group by step, phase`;
  const effects: Record<string, Record<string, number>> = {};
  for (const row of rows) (effects[row.step] ??= {})[row.phase] = row.n;
  return effects;
}

export const finished = (run: RunRow | undefined) => run !== undefined && ["succeeded", "failed", "cancelled"].includes(run.status);

/** Waits for the first run of `functionId` to end (succeeded, failed or cancelled) and returns it. */
export function firstRunEnded(sql: Sql, functionId: string): Promise<RunRow> {
  return waitFor(`the first run of ${functionId} to end`, async () => {
    const [run] = await runsOf(sql, functionId);
    return finished(run) ? run : undefined;
  });
}

export interface ExecutorProcess {
  child: ChildProcess;
  /** Resolves once the child printed that its executor is taking work. */
  ready: Promise<void>;
  exited: Promise<number | null>;
}

/** A standalone executor with the test functions in its own process (tests/jobs/executor-main.ts) against `databaseUrl`. */
export function spawnExecutor(databaseUrl: string, args: string[] = []): ExecutorProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/jobs/executor-main.ts", ...args], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "error", NODE_ENV: "test", PITWALL_DB_POOL: "4" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("executor ready")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then((code) => reject(new Error(`executor exited (${code}) before it was ready:\n${output}`)));
  });
  return { child, ready, exited };
}
