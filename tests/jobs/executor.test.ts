import { describe, expect, it } from "vitest";
import { inngest } from "@/inngest/client";
import { workoutRequested } from "./functions";
import { useTestDatabase } from "../support/database";
import { effectsOf, finished, firstRunEnded, runsOf, useTestExecutor, waitFor } from "./support";

describe("local executor", () => {
  const database = useTestDatabase();
  useTestExecutor();

  it("runs the workout to its end: loop, fan-out, sleep, flaky step, NonRetriableError", async () => {
    const started = Date.now();
    await inngest.send(workoutRequested.create({ laps: 5, blackFlag: "catch" }));
    const run = await firstRunEnded(database.sql, "pitwall-platform-test-workout");
    expect(run.status).toBe("succeeded");
    expect(run.output).toEqual({ laps: 5, tyres: ["front", "rear"], flakyAttempt: 2, blackFlag: "Black flag: disqualified" });
    // The sleep held the run back for its second, and so did the retry the RetryAfterError asked for.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);

    const effects = await effectsOf(database.sql, run.id);
    for (let lap = 1; lap <= 5; lap++) expect(effects[`lap-${lap}`]).toEqual({ done: 1 });
    expect(effects["tyres-front"]).toEqual({ done: 1 });
    expect(effects["tyres-rear"]).toEqual({ done: 1 });
    expect(effects.flaky).toEqual({ enter: 3, done: 1 });
    expect(effects["radio-check"]).toEqual({ enter: 2 });
    const [radio] = await database.sql<{ gapMs: number }[]>`
      select (extract(epoch from max(at) - min(at)) * 1000)::float8 as "gapMs"
      from job_test_effects where run_id = ${run.id} and step = 'radio-check'`;
    // Backoff in this executor starts at 50 ms; the second call waited for the requested second instead.
    expect(radio?.gapMs).toBeGreaterThanOrEqual(900);
    expect(effects["black-flag"]).toEqual({ enter: 1 });

    // The fan-out started one run per event, each of which ran its step once.
    await waitFor("three pit stops", async () => {
      const stops = await runsOf(database.sql, "pitwall-platform-test-pit-stop");
      return stops.length === 3 && stops.every((s) => s.status === "succeeded");
    });
    const after = await effectsOf(database.sql, run.id);
    expect([1, 2, 3].map((stop) => after[`pit-stop-${stop}`])).toEqual([{ done: 1 }, { done: 1 }, { done: 1 }]);

    const steps = await database.sql<{ name: string; status: string; attempts: number }[]>`
      select name, status, attempts from job_steps where run_id = ${run.id} order by position nulls last`;
    expect(steps.find((s) => s.name === "flaky")).toEqual({ name: "flaky", status: "completed", attempts: 3 });
    expect(steps.find((s) => s.name === "black-flag")).toEqual({ name: "black-flag", status: "failed", attempts: 1 });
    expect(steps.find((s) => s.name === "cool-down")?.status).toBe("completed");
  });

  it("fails the run when NonRetriableError is not caught, without retrying", async () => {
    await inngest.send(workoutRequested.create({ laps: 1, blackFlag: "throw" }));
    const run = await waitFor("the failing workout", async () => {
      const rows = await runsOf(database.sql, "pitwall-platform-test-workout");
      const row = rows.find((r) => r.event.data.blackFlag === "throw");
      return finished(row) ? row : undefined;
    });
    expect(run.status).toBe("failed");
    expect(run.error).toContain("Black flag: disqualified");
    expect((await effectsOf(database.sql, run.id))["black-flag"]).toEqual({ enter: 1 });
  });
});
