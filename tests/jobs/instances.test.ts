import { serve } from "inngest/next";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { jobTestEffects } from "./effects";
import { inngest } from "@/inngest/client";
import { stintRequested } from "./functions";
import { LocalExecutor } from "@/inngest/inline/executor";
import { useTestDatabase } from "../support/database";
import { effectsOf, runsOf, spawnExecutor, testExecutor, waitFor } from "./support";

// A function on a one-second cron (croner reads six fields), only for this test: slots come fast.
const everySecond = inngest.createFunction(
  { id: "test-every-second", triggers: [{ cron: "* * * * * *" }] },
  async ({ step, runId }) => {
    await step.run("tick", () => db().insert(jobTestEffects).values({ runId, step: "tick" }));
  },
);

describe("several executors on one database", () => {
  const database = useTestDatabase();

  it("executes every run once across two executor processes", async () => {
    const executors = [0, 1].map(() => spawnExecutor(database.url, ["--workers", "3", "--poll-ms", "200"]));
    try {
      await Promise.all(executors.map((e) => e.ready));
      const teams = ["red", "blue", "green", "yellow", "white", "black"];
      await inngest.send(teams.flatMap((team) => [1, 2].map(() => stintRequested.create({ laps: 3, lapMs: 30, team }))));
      const runs = await waitFor("12 stints to finish", async () => {
        const rows = await runsOf(database.sql, "pitwall-platform-test-stint");
        return rows.length === 12 && rows.every((r) => r.status === "succeeded") ? rows : undefined;
      }, 45_000);
      for (const run of runs) {
        expect(await effectsOf(database.sql, run.id)).toEqual({
          "lap-1": { enter: 1, done: 1 },
          "lap-2": { enter: 1, done: 1 },
          "lap-3": { enter: 1, done: 1 },
        });
      }
    } finally {
      for (const e of executors) e.child.kill("SIGTERM");
      await Promise.all(executors.map((e) => e.exited));
    }
  }, 60_000);

  it("fires each cron slot once, whichever instance sees it first", async () => {
    const handler = serve({ client: inngest, functions: [everySecond] });
    const instances = [0, 1].map(() => new LocalExecutor({ handler, pollMs: 100, workers: 2 }));
    await Promise.all(instances.map((e) => e.start()));
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    await Promise.all(instances.map((e) => e.stop()));

    const slots = await database.sql<{ slot: string; runs: number }[]>`
      select cron_slot::text as slot, count(*)::int as runs from job_runs
      where function_id = 'pitwall-test-every-second' group by cron_slot`;
    expect(slots.length).toBeGreaterThanOrEqual(2);
    expect(slots.every((s) => s.runs === 1)).toBe(true);
    const [ticks] = await database.sql<{ n: number; runs: number }[]>`
      select count(*)::int as n, count(distinct run_id)::int as runs from job_test_effects where step = 'tick'`;
    expect(ticks?.n).toBe(ticks?.runs);
  });

  it("honours concurrency limits per function and per key across instances", async () => {
    await database.sql`delete from job_test_effects`;
    const instances = [testExecutor({ workers: 4 }), testExecutor({ workers: 4 })];
    await Promise.all(instances.map((e) => e.start()));
    try {
      const teams = ["red", "red", "red", "blue", "blue", "green"];
      const before = (await runsOf(database.sql, "pitwall-platform-test-stint")).length;
      await inngest.send(teams.map((team) => stintRequested.create({ laps: 2, lapMs: 120, team })));
      const runs = await waitFor("six stints to finish", async () => {
        const rows = (await runsOf(database.sql, "pitwall-platform-test-stint")).slice(before);
        return rows.length === 6 && rows.every((r) => r.status === "succeeded") ? rows : undefined;
      });
      const spans = await database.sql<{ runId: string; startMs: number; endMs: number }[]>`
        select run_id as "runId", (extract(epoch from min(at)) * 1000)::float8 as "startMs", (extract(epoch from max(at)) * 1000)::float8 as "endMs"
        from job_test_effects where run_id = any(${runs.map((r) => r.id)}) group by run_id`;
      const teamOf = new Map(runs.map((r) => [r.id, r.event.data.team as string]));
      const overlapping = (at: number) => spans.filter((s) => s.startMs <= at && at <= s.endMs);
      let mostAtOnce = 0;
      for (const span of spans) {
        const together = overlapping(span.startMs);
        mostAtOnce = Math.max(mostAtOnce, together.length);
        const sameTeam = together.filter((s) => teamOf.get(s.runId) === teamOf.get(span.runId));
        expect(sameTeam.length).toBe(1);
      }
      expect(mostAtOnce).toBe(2);
    } finally {
      await Promise.all(instances.map((e) => e.stop()));
    }
  });
});
