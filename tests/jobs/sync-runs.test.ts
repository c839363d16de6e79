import { describe, expect, it } from "vitest";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { inngestHandler } from "@/inngest/serve";
import { syncResponse } from "@/inngest/inline/functions";
import { loadSigningKey } from "@/inngest/inline/keys";
import { syncFunctions } from "@/inngest/inline/protocol";
import { syncKinds } from "@/lib/jobs/kinds";
import { SELFTEST_LAPS } from "@/lib/jobs/platform-jobs";
import { syncProgress } from "@/lib/jobs/progress";
import { getRun, latestRunPerKind, listRuns } from "@/lib/jobs/queries";
import { openSyncRun } from "@/lib/jobs/runs";
import { requestCancel, triggerSync, UnknownSyncKindError } from "@/lib/jobs/trigger";
import { useTestDatabase } from "../support/database";
import { workoutRequested } from "./functions";
import { runsOf, useTestExecutor, waitFor } from "./support";

describe("sync runs", () => {
  const database = useTestDatabase();
  const executor = useTestExecutor();

  const syncRun = async (id: string) => (await getRun(id))!;

  it("runs the self-test from Run now to 100 %, with its steps on the run page", async () => {
    const { syncRunId } = await triggerSync({ kind: "platform.selftest", trigger: "admin" });
    expect((await syncRun(syncRunId)).status).toMatch(/queued|running/);
    const seen = new Set<number>();
    const done = await waitFor("the self-test to succeed", async () => {
      const run = await syncRun(syncRunId);
      seen.add(run.progressDone);
      return run.status === "succeeded" ? run : undefined;
    });
    expect(done).toMatchObject({ kind: "platform.selftest", trigger: "admin", progressDone: SELFTEST_LAPS, progressTotal: SELFTEST_LAPS });
    expect(done).toMatchObject({ fetched: SELFTEST_LAPS, unchanged: SELFTEST_LAPS, error: null, details: { laps: SELFTEST_LAPS } });
    // Progress was visible while it ran, not only at the end.
    expect([...seen].some((n) => n > 0 && n < SELFTEST_LAPS)).toBe(true);
    expect(done.startedAt).toBeInstanceOf(Date);
    expect(done.endedAt!.getTime()).toBeGreaterThanOrEqual(done.startedAt!.getTime());
    expect(done.inngestRunId).toBeTruthy();
    // The last step marks the row succeeded from inside; the executor records that step right after.
    await waitFor("the executor run to end", async () => {
      const [run] = await database.sql<{ status: string }[]>`select status from job_runs where id = ${done.inngestRunId}`;
      return run?.status === "succeeded";
    });
    const { steps } = await syncRun(syncRunId);
    expect(steps.map((s) => s.name)).toEqual(["open-sync-run", "start", ...Array.from({ length: SELFTEST_LAPS }, (_, i) => `lap-${i + 1}`), "finish"]);
    expect(steps.every((s) => s.status === "completed" && s.attempts === 1 && s.durationMs !== null)).toBe(true);

    const cards = await latestRunPerKind();
    expect(cards.find((c) => c.kind.kind === "platform.selftest")?.run?.id).toBe(syncRunId);
  });

  it("cancels a running sync at its next step", async () => {
    const { syncRunId } = await triggerSync({ kind: "platform.selftest", trigger: "api" });
    await waitFor("a few laps", async () => (await syncRun(syncRunId)).progressDone >= 3);
    expect(await requestCancel(syncRunId)).toBe(true);
    const cancelled = await syncRun(syncRunId);
    expect(cancelled).toMatchObject({ status: "cancelled", cancelRequested: true });
    expect(cancelled.endedAt).toBeInstanceOf(Date);

    const jobRun = await waitFor("the executor run to stop", async () => {
      const runs = await runsOf(database.sql, "pitwall-platform-selftest");
      const run = runs.find((r) => r.event.data.syncRunId === syncRunId);
      return run?.status === "cancelled" ? run : undefined;
    });
    const [steps] = await database.sql<{ n: number }[]>`select count(*)::int as n from job_steps where run_id = ${jobRun.id}`;
    expect(steps?.n).toBeLessThan(SELFTEST_LAPS);
    // A step still in flight when Cancel was pressed cannot revive the row.
    const after = await syncRun(syncRunId);
    expect(after.status).toBe("cancelled");
    expect(after.progressDone).toBeLessThan(SELFTEST_LAPS);
    expect(await requestCancel(syncRunId)).toBe(false);
  });

  it("cancels a queued sync before it starts", async () => {
    await executor.stop();
    const { syncRunId } = await triggerSync({ kind: "platform.selftest", trigger: "demo" });
    expect(await requestCancel(syncRunId)).toBe(true);
    await executor.start();
    await waitFor("the queued run to be cancelled", async () => {
      const runs = await runsOf(database.sql, "pitwall-platform-selftest");
      return runs.find((r) => r.event.data.syncRunId === syncRunId)?.status === "cancelled";
    });
    expect((await syncRun(syncRunId)).progressDone).toBe(0);
  });

  it("marks the sync run failed when its function fails for good", async () => {
    const syncRunId = await openSyncRun({ kind: "platform.selftest", trigger: "api" });
    await syncProgress(syncRunId).start();
    await inngest.send(workoutRequested.create({ laps: 1, blackFlag: "throw", syncRunId }));
    const failed = await waitFor("the sync run to fail", async () => {
      const run = await syncRun(syncRunId);
      return run.status === "failed" ? run : undefined;
    });
    expect(failed.error).toContain("Black flag: disqualified");
    expect(failed.endedAt).toBeInstanceOf(Date);
  });

  it("reports progress as increments and ignores updates once a run has ended", async () => {
    const syncRunId = await openSyncRun({ kind: "platform.selftest", trigger: "api" });
    const progress = syncProgress(syncRunId, "run-1");
    await progress.start(10);
    await progress.advance({ done: 2, currentItem: "Spa", counts: { created: 2, fetched: 3 } });
    await progress.advance({ done: 3, total: 12, currentItem: "Monza", counts: { created: 1, failed: 1 } });
    expect(await syncRun(syncRunId)).toMatchObject({
      status: "running",
      progressDone: 5,
      progressTotal: 12,
      currentItem: "Monza",
      created: 3,
      fetched: 3,
      failed: 1,
      inngestRunId: "run-1",
    });
    await progress.fail(new Error("Track closed"));
    await progress.advance({ done: 5 });
    await progress.succeed();
    expect(await syncRun(syncRunId)).toMatchObject({ status: "failed", error: "Track closed", progressDone: 5 });
    expect(await progress.isCancelled()).toBe(false);
  });

  it("lists runs newest first with filters and a cursor", async () => {
    const all = await listRuns({ kind: "platform.selftest" });
    expect(all.runs.length).toBeGreaterThanOrEqual(5);
    const firstPage = await listRuns({ kind: "platform.selftest", limit: 2 });
    expect(firstPage.runs.map((r) => r.id)).toEqual(all.runs.slice(0, 2).map((r) => r.id));
    const secondPage = await listRuns({ kind: "platform.selftest", limit: 2, cursor: firstPage.nextCursor! });
    expect(secondPage.runs.map((r) => r.id)).toEqual(all.runs.slice(2, 4).map((r) => r.id));
    const failed = await listRuns({ status: "failed", trigger: "api" });
    expect(failed.runs.length).toBeGreaterThan(0);
    expect(failed.runs.every((r) => r.status === "failed" && r.trigger === "api")).toBe(true);
    expect((await listRuns({ cursor: "not-a-cursor", limit: 1 })).runs[0]?.id).toBe(all.runs[0]?.id);
    expect(await getRun("not-a-uuid")).toBeNull();
  });

  it("refuses unknown kinds", async () => {
    await expect(triggerSync({ kind: "raceroom.nope", trigger: "api" })).rejects.toBeInstanceOf(UnknownSyncKindError);
  });

  it("has a cancellable function for every registered sync kind", async () => {
    const { functions: configs } = syncResponse.parse(await syncFunctions(inngestHandler, await loadSigningKey()));
    expect(configs).toHaveLength(functions.length);
    for (const kind of syncKinds) {
      const fn = configs.find((c) => c.triggers.some((t) => "event" in t && t.event === kind.event));
      expect(fn, `a function triggered by ${kind.event}`).toBeDefined();
      expect(fn?.cancel?.some((c) => c.event === "platform/sync.cancel-requested"), `${fn?.id} has cancelOn: cancelOnSyncCancel`).toBe(true);
    }
  });
});
