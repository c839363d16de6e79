/**
 * Local job executor: time per step (median gap between consecutive completed steps, for steps that do nothing),
 * how much of it is the SDK replaying the run (the same serve requests timed without the executor), and how many
 * one-step runs per second it sustains.
 * Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/pitwall_bench npx tsx bench/executor.ts
 * (the database is migrated first; the runs and events it makes are deleted at the end).
 */
import { serve } from "inngest/next";
import { closeDatabase, sql } from "@/lib/db";
import { runMigrations } from "@/db/migrate";
import { inngest } from "@/inngest/client";
import { LocalExecutor } from "@/inngest/inline/executor";
import { startJobRunner } from "@/inngest/runner";
import { loadSigningKey } from "@/inngest/inline/keys";
import { callFunction, type ServeHandler, type StepState } from "@/inngest/inline/protocol";
import { databaseUrl } from "@/lib/env";

const STEP_RUNS = 5;
const RUNS = 500;

const laps = inngest.createFunction({ id: "bench-laps", triggers: [{ event: "bench/laps" }] }, async ({ event, step }) => {
  const count = Number(event.data.steps);
  for (let lap = 1; lap <= count; lap++) await step.run(`lap-${lap}`, () => lap);
});
const outLap = inngest.createFunction({ id: "bench-out-lap", triggers: [{ event: "bench/out-lap" }] }, async ({ step }) => {
  await step.run("out-lap", () => true);
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function waitUntilDone(functionId: string, expected: number): Promise<void> {
  for (;;) {
    const [row] = await sql()<{ n: number }[]>`
      select count(*)::int as n from job_runs where function_id = ${functionId} and status = 'succeeded'`;
    if ((row?.n ?? 0) >= expected) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Median gap between consecutive step completions, over every step of runs with `steps` steps each. */
async function perStepMs(steps: number): Promise<number> {
  // One run at a time: runs in parallel would share the CPU and stretch each other's gaps.
  for (let run = 1; run <= STEP_RUNS; run++) {
    await inngest.send({ name: "bench/laps", data: { steps } });
    await waitUntilDone("pitwall-bench-laps", run);
  }
  const gaps = await sql()<{ ms: number }[]>`
    select (extract(epoch from ended_at - lag(ended_at) over (partition by run_id order by position)) * 1000)::float8 as ms
    from job_steps where run_id in (select id from job_runs where function_id = 'pitwall-bench-laps')`;
  await cleanUp();
  return median(gaps.map((g) => g.ms).filter((ms) => ms !== null));
}

/** The serve requests of one run of `steps` steps, made directly: the SDK's share of each step. */
async function sdkPerStepMs(handler: ServeHandler, steps: number): Promise<number> {
  const key = await loadSigningKey();
  const state: StepState = {};
  const stack: string[] = [];
  const durations: number[] = [];
  const event = { name: "bench/laps", data: { steps }, id: "bench", ts: Date.now() };
  for (let i = 0; i < STEP_RUNS * steps; i++) {
    if (i % steps === 0) {
      stack.length = 0;
      for (const id of Object.keys(state)) delete state[id];
    }
    const started = performance.now();
    const result = await callFunction(handler, key, { functionId: "pitwall-bench-laps", stepId: "step", runId: "bench", event, steps: state, stack, attempt: 0, maxAttempts: 4 });
    durations.push(performance.now() - started);
    if (result.kind !== "ops" || !result.ops[0]) continue;
    state[result.ops[0].id] = { data: result.ops[0].data ?? null };
    stack.push(result.ops[0].id);
  }
  return median(durations);
}

async function cleanUp(): Promise<void> {
  await sql()`delete from job_runs where function_id like 'pitwall-bench-%'`;
  await sql()`delete from job_events where name like 'bench/%'`;
}

async function main(): Promise<void> {
  await runMigrations(databaseUrl());
  await cleanUp();
  // This process sends events and signs requests as an app instance does, through the local executor's transport.
  await startJobRunner({ execute: false });
  const handler = serve({ client: inngest, functions: [laps, outLap] });
  const executor = new LocalExecutor({ handler });
  await executor.start();
  try {
    for (const steps of [20, 200]) {
      const total = await perStepMs(steps);
      const sdk = await sdkPerStepMs(handler, steps);
      console.log(
        `${steps}-step runs: ${total.toFixed(1)} ms per step (median); SDK replay ${sdk.toFixed(1)} ms, executor overhead ${(total - sdk).toFixed(1)} ms`,
      );
    }

    const started = performance.now();
    await inngest.send(Array.from({ length: RUNS }, () => ({ name: "bench/out-lap", data: {} })));
    await waitUntilDone("pitwall-bench-out-lap", RUNS);
    const seconds = (performance.now() - started) / 1000;
    console.log(`one-step runs sustained: ${(RUNS / seconds).toFixed(0)} runs/s (${RUNS} runs in ${seconds.toFixed(1)} s, 4 workers, one instance)`);
  } finally {
    await executor.stop();
    await cleanUp();
    await closeDatabase();
  }
}

await main();
