import { describe, expect, it } from "vitest";
import { inngest } from "@/inngest/client";
import { stintRequested } from "./functions";
import { useTestDatabase } from "../support/database";
import { effectsOf, firstRunEnded, runsOf, spawnExecutor, waitFor } from "./support";

describe("executor crash and restart", () => {
  const database = useTestDatabase();

  it("finishes a run after kill -9 of its executor, and no completed step runs twice", async () => {
    const args = ["--lease-ms", "1500", "--poll-ms", "200"];
    const first = spawnExecutor(database.url, args);
    await first.ready;
    // Lap 4 holds for a minute the first time it runs: the process is killed inside it.
    await inngest.send(stintRequested.create({ laps: 6, lapMs: 20, team: "crash", holdAtLap: 4, holdMs: 60_000 }));
    const runId = await waitFor("lap 4 to start", async () => {
      const [run] = await runsOf(database.sql, "pitwall-platform-test-stint");
      return run && (await effectsOf(database.sql, run.id))["lap-4"]?.enter === 1 ? run.id : undefined;
    });
    first.child.kill("SIGKILL");
    expect(await first.exited).toBeNull();

    const [stranded] = await runsOf(database.sql, "pitwall-platform-test-stint");
    expect(stranded?.status).toBe("running");
    const [completed] = await database.sql<{ n: number }[]>`
      select count(*)::int as n from job_steps where run_id = ${runId} and status = 'completed'`;
    expect(completed?.n).toBe(3);

    const second = spawnExecutor(database.url, args);
    try {
      await second.ready;
      const run = await firstRunEnded(database.sql, "pitwall-platform-test-stint");
      expect(run.status).toBe("succeeded");
      expect(run.output).toEqual({ laps: 6 });
      const effects = await effectsOf(database.sql, runId);
      for (const lap of [1, 2, 3, 5, 6]) expect(effects[`lap-${lap}`]).toEqual({ enter: 1, done: 1 });
      // The step in flight at the kill had not completed: it ran again, to completion once.
      expect(effects["lap-4"]).toEqual({ enter: 2, done: 1 });
    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
    }
  }, 60_000);
});
