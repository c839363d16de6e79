import { z } from "zod";
import { defineJob, PermanentJobError, utcSchedule, type JobDefinition } from "@/lib/jobs/job";
import { defineSync } from "@/lib/jobs/sync-kind";
import { f1Env } from "./env";
import { POLLER_EVENT, WATCH_EVENT } from "./events";
import { claimPoller, pollWindow, stopPoller } from "./poller";

/** Each durable step polls this long: a run of WINDOWS_PER_RUN steps covers 75 minutes, far below 1,000 steps. */
const WINDOW_MS = 15_000;
const WINDOWS_PER_RUN = 300;

const pollerRequest = z.object({
  sessionKey: z.coerce.number().int().positive(),
  mode: z.enum(["live", "replay"]).default("live"),
  speed: z.coerce.number().min(1).max(60).default(1),
  /** Replays: the session moment to start from (ISO); the session's start by default. */
  from: z.iso.datetime().optional(),
  /** Set on a continuation: the run it carries on from. */
  previousOwner: z.string().optional(),
  /** An operator's replay takes the session over from whatever polls it. */
  force: z.boolean().optional(),
  /** How many runs came before this one. */
  generation: z.number().int().min(0).default(0),
});

/**
 * One poller per session: the concurrency key queues a second run for the same session, and the lease in f1_pollers
 * (taken in the first step) turns away any run that is not the owner's continuation, whichever instance runs it. Each
 * step polls for WINDOW_MS; before its step budget runs out the run hands over to a new run of itself.
 */
export const poller: JobDefinition = defineJob(pollerRequest, {
  id: "f1-poller",
  name: "F1 poller",
  retries: 5,
  triggers: [{ event: POLLER_EVENT }],
  concurrency: [{ limit: 1, key: "event.data.sessionKey" }],
  async run({ event, steps, runId }) {
    const request = event.data;
    const owner = runId;
    const claimed = await steps.run("claim", async () => {
      const from = request.from ? new Date(request.from) : await sessionStart(request.sessionKey);
      return claimPoller({
        sessionKey: request.sessionKey,
        mode: request.mode,
        owner,
        previousOwner: request.previousOwner,
        force: request.force,
        speed: request.speed,
        replayFrom: request.mode === "replay" ? (from ?? undefined) : undefined,
      });
    });
    if (!claimed) return { sessionKey: request.sessionKey, claimed: false };
    const totals = { polls: 0, records: 0, requests: 0, malformed: 0 };
    for (let window = 1; window <= WINDOWS_PER_RUN; window += 1) {
      const result = await steps.run(`poll-${window}`, () => pollWindow(request.sessionKey, owner, WINDOW_MS));
      totals.polls += result.polls;
      totals.records += result.records;
      totals.requests += result.requests;
      totals.malformed += result.malformed;
      if (result.lost || result.done) return { sessionKey: request.sessionKey, ...totals, status: result.lost ? "handed over" : result.status };
    }
    await steps.sendEvent("continue", {
      name: POLLER_EVENT,
      id: `${owner}-continues`,
      data: { sessionKey: request.sessionKey, mode: request.mode, speed: request.speed, previousOwner: owner, generation: request.generation + 1 },
    });
    return { sessionKey: request.sessionKey, ...totals, status: "continued" };
  },
});

async function sessionStart(sessionKey: number): Promise<Date | null> {
  const { sql } = await import("@/lib/db");
  const [row] = await sql()<{ startsAt: string }[]>`select starts_at::text as "startsAt" from f1_sessions where session_key = ${sessionKey}`;
  return row ? new Date(row.startsAt) : null;
}

/** Every minute (F1_WATCH_CRON) and on demand: is a session live, and does it have its poller? */
export const watcher: JobDefinition = defineJob(z.looseObject({}), {
  id: "f1-watch",
  name: "F1 live-session watch",
  retries: 1,
  get triggers() {
    return [{ cron: utcSchedule(f1Env().F1_WATCH_CRON) }, { event: WATCH_EVENT }];
  },
  concurrency: [{ limit: 1 }],
  async run({ steps }) {
    return steps.run("watch", async () => (await import("./watch")).watchSessions());
  },
});

/** An operator's replay of any past session at 1x-60x, through the poller and the live page. */
export const replaySession = defineSync({
  kind: "f1.replay",
  label: "F1 replay",
  description: "Plays a past session on the live page at 1x to 60x, through the same poller as a live session.",
  params: z.object({
    sessionKey: z.coerce.number().int().positive().describe("OpenF1 session key, e.g. 9839 (2025 Abu Dhabi race)"),
    speed: z.coerce.number().min(1).max(60).default(10).describe("Session seconds per second, 1 to 60"),
    from: z.iso.datetime().optional().describe("Session moment to start from (ISO); the session's start by default"),
  }),
  retries: 1,
  async run({ steps, params, syncRunId }) {
    if (!params.sessionKey) throw new PermanentJobError("a session key is needed");
    // Whatever polls the session now stops at its next poll, so the queued replay run (one per session) can start.
    await steps.run("stop-current", () => stopPoller(params.sessionKey));
    await steps.sendEvent("start-replay", {
      name: POLLER_EVENT,
      id: `f1-replay-${syncRunId}`,
      data: { sessionKey: params.sessionKey, mode: "replay", speed: params.speed, from: params.from, force: true },
    });
    return { sessionKey: params.sessionKey, speed: params.speed };
  },
});

/** An operator's stop: the session's poller (live or replay) ends at its next poll, and the page shows its feeds going stale. */
export const stopSession = defineSync({
  kind: "f1.stop",
  label: "F1 stop polling",
  description: "Stops the poller of a session (live or replay); the live page keeps the last state and shows it as stale.",
  params: z.object({ sessionKey: z.coerce.number().int().positive().describe("OpenF1 session key") }),
  retries: 1,
  async run({ steps, params }) {
    const stopped = await steps.run("stop", () => stopPoller(params.sessionKey));
    return { sessionKey: params.sessionKey, stopped };
  },
});

/** Asks OpenF1 now whether a session is live (the watch also runs every minute) and starts its poller. */
export const followLive = defineSync({
  kind: "f1.follow-live",
  label: "F1 follow the live session",
  description: "Asks OpenF1 for its latest session now and, when it is live, starts polling it (the watch does this every minute).",
  retries: 1,
  async run({ steps }) {
    return steps.run("watch", async () => (await import("./watch")).watchSessions());
  },
});
