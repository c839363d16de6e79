import { z } from "zod";
import { defineJob, PermanentJobError, utcSchedule, type JobDefinition } from "@/lib/jobs/job";
import { defineSync } from "@/lib/jobs/sync-kind";
import { f1Env } from "./env";
import { POLLER_EVENT, WATCH_EVENT } from "./events";
import { followFeedWindow } from "./livetiming/follow";
import { FIRST_ARCHIVED_YEAR, importSeason } from "./livetiming/seasons";
import { claimPoller, pollWindow, stopForReplay, stopPoller } from "./poller";
import { F1_SOURCES, replaySource, type F1Source } from "./sources";
import { sessionSources } from "./store";

/** Each durable step polls this long: a run of WINDOWS_PER_RUN steps covers 75 minutes, far below 1,000 steps. */
const WINDOW_MS = 15_000;
const WINDOWS_PER_RUN = 300;

const pollerRequest = z.object({
  sessionKey: z.coerce.number().int().positive(),
  mode: z.enum(["live", "replay"]).default("live"),
  source: z.enum(F1_SOURCES).default("openf1"),
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
        source: request.source,
        owner,
        previousOwner: request.previousOwner,
        force: request.force,
        speed: request.speed,
        replayFrom: request.mode === "replay" ? (from ?? undefined) : undefined,
      });
    });
    if (!claimed) return { sessionKey: request.sessionKey, claimed: false };
    const totals = { polls: 0, records: 0, requests: 0, malformed: 0 };
    // A live session on the live-timing feed is followed over its socket; everything else is polled.
    const follow = request.mode === "live" && request.source === "livetiming" ? followFeedWindow : pollWindow;
    for (let window = 1; window <= WINDOWS_PER_RUN; window += 1) {
      const result = await steps.run(`poll-${window}`, () => follow(request.sessionKey, owner, WINDOW_MS));
      totals.polls += result.polls;
      totals.records += result.records;
      totals.requests += result.requests;
      totals.malformed += result.malformed;
      if (result.lost || result.done) return { sessionKey: request.sessionKey, ...totals, status: result.lost ? "handed over" : result.status };
    }
    await steps.sendEvent("continue", {
      name: POLLER_EVENT,
      id: `${owner}-continues`,
      data: { sessionKey: request.sessionKey, mode: request.mode, source: request.source, speed: request.speed, previousOwner: owner, generation: request.generation + 1 },
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

/** The source a replay reads: the operator's pick, or the default rule (the archive when it has the session). */
async function chooseReplaySource(sessionKey: number, asked: F1Source | "auto"): Promise<F1Source> {
  const session = await sessionSources(sessionKey);
  const source = asked === "auto" ? replaySource(session) : asked;
  if (source === "livetiming" && !session?.archivePath) {
    throw new PermanentJobError(`session ${sessionKey} is not in the live-timing archive's index: run f1.archive-season for its year first`);
  }
  return source;
}

/** An operator's replay of any past session at 1x-60x, through the poller and the live page. */
export const replaySession = defineSync({
  kind: "f1.replay",
  label: "F1 replay",
  description: "Plays a past session on the live page at 1x to 60x, through the same poller as a live session, from OpenF1 or the live-timing archive.",
  params: z.object({
    sessionKey: z.coerce.number().int().positive().describe("Session key (OpenF1's and the archive's), e.g. 9839 (2025 Abu Dhabi race)"),
    source: z
      .enum(["auto", ...F1_SOURCES])
      .default("auto")
      .describe("auto: the live-timing archive when it lists the session (no account needed), else OpenF1"),
    speed: z.coerce.number().min(1).max(60).default(10).describe("Session seconds per second, 1 to 60"),
    from: z.iso.datetime().optional().describe("Session moment to start from (ISO); the session's start by default"),
  }),
  retries: 1,
  async run({ steps, params, syncRunId }) {
    if (!params.sessionKey) throw new PermanentJobError("a session key is needed");
    const source = await steps.run("choose-source", () => chooseReplaySource(params.sessionKey, params.source));
    // Whatever polls the session now stops at its next poll, so the queued replay run (one per session) can start;
    // other replays stop too, so the live page shows this one.
    await steps.run("stop-current", () => stopForReplay(params.sessionKey));
    await steps.sendEvent("start-replay", {
      name: POLLER_EVENT,
      id: `f1-replay-${syncRunId}`,
      data: { sessionKey: params.sessionKey, mode: "replay", source, speed: params.speed, from: params.from, force: true },
    });
    return { sessionKey: params.sessionKey, source, speed: params.speed };
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

/** Asks now whether a session is live (the watch also runs every minute) and starts its poller. */
export const followLive = defineSync({
  kind: "f1.follow-live",
  label: "F1 follow the live session",
  description:
    "Asks for the live session now and, when there is one, starts following it (the watch does this every minute): OpenF1 first, the live-timing feed when OpenF1 needs an account.",
  params: z.object({
    source: z
      .enum(["auto", ...F1_SOURCES])
      .default("auto")
      .describe("auto: OpenF1, or the live-timing feed when OpenF1 needs an account; livetiming: the feed's socket (free topics without an F1 TV token)"),
  }),
  retries: 1,
  async run({ steps, params }) {
    const watch = await import("./watch");
    return steps.run("watch", () => (params.source === "livetiming" ? watch.watchFeed() : watch.watchSessions()));
  },
});

/** Lists seasons' sessions from the live-timing archive's index: every session since 2018 becomes replayable. */
export const archiveSeasons = defineSync({
  kind: "f1.archive-season",
  label: "F1 archive seasons",
  description: "Reads the live-timing archive's season index (one request a year) and lists its sessions, each replayable without an account.",
  params: z.object({
    year: z.coerce
      .number()
      .int()
      .min(FIRST_ARCHIVED_YEAR)
      .max(2100)
      .optional()
      .describe(`One season, e.g. 2020; every season from ${FIRST_ARCHIVED_YEAR} to this year by default`),
  }),
  retries: 2,
  async run({ steps, params }) {
    const years = params.year ? [params.year] : Array.from({ length: new Date().getUTCFullYear() - FIRST_ARCHIVED_YEAR + 1 }, (_, index) => FIRST_ARCHIVED_YEAR + index);
    const seasons = [];
    for (const year of years) seasons.push(await steps.run(`season-${year}`, () => importSeason(year)));
    return { seasons: seasons.filter((season) => season.sessions !== null), sessions: seasons.reduce((sum, season) => sum + (season.sessions ?? 0), 0) };
  },
});
