import { setTimeout as delay } from "node:timers/promises";
import { and, count, eq } from "drizzle-orm";
import { eventType, NonRetriableError, RetryAfterError } from "inngest";
import { z } from "zod";
import { inngest } from "@/inngest/client";
import { db } from "@/lib/db";
import { jobTestEffects } from "./effects";

// Functions that prove the job runner: every step kind, crashes, takeovers and concurrency. They exist only in tests
// (served by testHandler in support.ts). Each step writes a side effect so tests can count how often it really ran.

async function recordEffect(runId: string, step: string, phase: "enter" | "done" = "done"): Promise<void> {
  await db().insert(jobTestEffects).values({ runId, step, phase });
}

export const workoutRequested = eventType("platform/test.workout", {
  schema: z.object({
    laps: z.number().int().min(1).max(100),
    blackFlag: z.enum(["catch", "throw"]),
    /** A sync run to fail with the run: proves failures reach sync_runs through inngest/function.failed. */
    syncRunId: z.uuid().optional(),
  }),
});
export const pitStopRequested = eventType("platform/test.pit-stop", {
  schema: z.object({ parentRunId: z.string(), stop: z.number().int() }),
});

/**
 * Every step kind in one run: a loop of steps, parallel steps, a fan-out with step.sendEvent, a sleep, a step
 * that fails twice then succeeds, one that asks for a later retry (RetryAfterError), and one that throws
 * NonRetriableError (caught by the function, or left to fail the run).
 */
export const workout = inngest.createFunction(
  { id: "platform-test-workout", name: "Test: workout", retries: 3, triggers: [workoutRequested] },
  async ({ event, step, runId, attempt }) => {
    for (let lap = 1; lap <= event.data.laps; lap++) {
      await step.run(`lap-${lap}`, () => recordEffect(runId, `lap-${lap}`));
    }
    const tyres = await Promise.all(
      ["front", "rear"].map((axle) =>
        step.run(`tyres-${axle}`, async () => {
          await recordEffect(runId, `tyres-${axle}`);
          return axle;
        }),
      ),
    );
    await step.sendEvent(
      "fan-out",
      [1, 2, 3].map((stop) => pitStopRequested.create({ parentRunId: runId, stop })),
    );
    await step.sleep("cool-down", "1s");
    const flaky = await step.run("flaky", async () => {
      await recordEffect(runId, "flaky", "enter");
      if (attempt < 2) throw new Error(`Engine misfire on attempt ${attempt}`);
      await recordEffect(runId, "flaky");
      return attempt;
    });
    await step.run("radio-check", async () => {
      await recordEffect(runId, "radio-check", "enter");
      if (attempt === 0) throw new RetryAfterError("Radio silence, call again in a second", 1000);
    });
    let blackFlag: string | null = null;
    try {
      await step.run("black-flag", async () => {
        await recordEffect(runId, "black-flag", "enter");
        throw new NonRetriableError("Black flag: disqualified");
      });
    } catch (error) {
      if (event.data.blackFlag === "throw") throw error;
      blackFlag = error instanceof Error ? error.message : String(error);
    }
    return { laps: event.data.laps, tyres, flakyAttempt: flaky, blackFlag };
  },
);

/** One child of the workout's fan-out. */
export const pitStop = inngest.createFunction(
  { id: "platform-test-pit-stop", name: "Test: pit stop", triggers: [pitStopRequested] },
  async ({ event, step }) => {
    await step.run("service", () => recordEffect(event.data.parentRunId, `pit-stop-${event.data.stop}`));
  },
);

export const stintRequested = eventType("platform/test.stint", {
  schema: z.object({
    laps: z.number().int().min(1).max(200),
    lapMs: z.number().int().min(0).max(10_000),
    team: z.string(),
    /** Lap whose first execution waits holdMs: a fixed point for tests that kill the executor mid-step. */
    holdAtLap: z.number().int().optional(),
    holdMs: z.number().int().min(0).max(120_000).optional(),
  }),
});

/** Laps of a stint, at most two stints at once and one per team: crash, takeover and concurrency tests. */
export const stint = inngest.createFunction(
  {
    id: "platform-test-stint",
    name: "Test: stint",
    concurrency: [{ limit: 2 }, { limit: 1, key: "event.data.team" }],
    triggers: [stintRequested],
  },
  async ({ event, step, runId }) => {
    const { laps, lapMs, holdAtLap, holdMs } = event.data;
    for (let lap = 1; lap <= laps; lap++) {
      await step.run(`lap-${lap}`, async () => {
        const name = `lap-${lap}`;
        const [entered] = await db()
          .select({ n: count() })
          .from(jobTestEffects)
          .where(and(eq(jobTestEffects.runId, runId), eq(jobTestEffects.step, name), eq(jobTestEffects.phase, "enter")));
        await recordEffect(runId, name, "enter");
        if (lap === holdAtLap && entered?.n === 0) await delay(holdMs ?? 0);
        await delay(lapMs);
        await recordEffect(runId, name);
      });
    }
    return { laps };
  },
);

export const testFunctions = [workout, pitStop, stint];
