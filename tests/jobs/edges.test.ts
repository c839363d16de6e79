import { serve } from "inngest/next";
import { describe, expect, it } from "vitest";
import { inngest } from "@/inngest/client";
import { LocalExecutor } from "@/inngest/inline/executor";
import { useTestDatabase } from "../support/database";
import { firstRunEnded } from "./support";

// Functions only this file serves. What the local executor cannot do must fail loudly, not run wrongly.
const pitCrew = inngest.createFunction({ id: "test-pit-crew", triggers: [{ event: "test/pit-crew" }] }, async () => "ready");
const invoker = inngest.createFunction({ id: "test-invoker", triggers: [{ event: "test/invoke" }] }, async ({ step }) => {
  await step.run("before", () => 1);
  return step.invoke("call-crew", { function: pitCrew, data: {} });
});
const waiter = inngest.createFunction({ id: "test-waiter", triggers: [{ event: "test/wait" }] }, async ({ step }) => {
  return step.waitForEvent("green-flag", { event: "test/green-flag", timeout: "1h" });
});
const oversized = inngest.createFunction({ id: "test-oversized", triggers: [{ event: "test/oversized" }] }, async ({ step }) => {
  await step.run("whole-leaderboard", () => "x".repeat(5 * 1024 * 1024));
});
const parcFerme = inngest.createFunction({ id: "test-parc-ferme", triggers: [{ event: "test/parc-ferme" }] }, async ({ event, step }) => {
  // From the event, not the clock: code outside steps runs again on every replay.
  await step.sleepUntil("until-release", new Date(event.ts + 1_500));
  return step.run("released", () => Date.now() - event.ts);
});
const throttled = inngest.createFunction(
  { id: "test-throttled", throttle: { limit: 1, period: "1m" }, triggers: [{ event: "test/throttled" }] },
  async () => null,
);

describe("local executor edge cases", () => {
  const database = useTestDatabase();

  it("fails runs that use step.invoke or step.waitForEvent, with a clear error", async () => {
    const executor = new LocalExecutor({ handler: serve({ client: inngest, functions: [pitCrew, invoker, waiter] }), pollMs: 100 });
    await executor.start();
    try {
      await inngest.send([{ name: "test/invoke", data: {} }, { name: "test/wait", data: {} }]);
      const invoked = await firstRunEnded(database.sql, "pitwall-test-invoker");
      expect(invoked).toMatchObject({ status: "failed" });
      expect(invoked.error).toContain("step.invoke is not supported by the local job executor");
      const waited = await firstRunEnded(database.sql, "pitwall-test-waiter");
      expect(waited.error).toContain("step.waitForEvent is not supported by the local job executor");
    } finally {
      await executor.stop();
    }
  });

  it("fails a step result over Inngest's 4 MB limit, and wakes a sleepUntil at its time", async () => {
    const executor = new LocalExecutor({ handler: serve({ client: inngest, functions: [oversized, parcFerme] }), pollMs: 100 });
    await executor.start();
    try {
      await inngest.send([{ name: "test/oversized", data: {} }, { name: "test/parc-ferme", data: {} }]);
      const big = await firstRunEnded(database.sql, "pitwall-test-oversized");
      expect(big).toMatchObject({ status: "failed" });
      expect(big.error).toMatch(/whole-leaderboard" returned 5\.0 MB; Inngest allows 4 MB/);
      const slept = await firstRunEnded(database.sql, "pitwall-test-parc-ferme");
      expect(slept.status).toBe("succeeded");
      expect(slept.output).toBeGreaterThanOrEqual(1_500);
    } finally {
      await executor.stop();
    }
  });

  it("refuses to start with flow control it does not implement", async () => {
    const executor = new LocalExecutor({ handler: serve({ client: inngest, functions: [throttled] }) });
    await expect(executor.start()).rejects.toThrow(/test-throttled" uses throttle/);
  });
});
