import { sql } from "@/lib/db";
import { sendEvents } from "@/lib/jobs/events";
import { logger } from "@/lib/log";
import type { Session } from "@/lib/f1/records";
import { POLLER_EVENT } from "./events";
import { liveFeedSession } from "./livetiming/follow";
import type { F1Source } from "./sources";
import { latestSnapshotText, publishSnapshot } from "./snapshots";
import { OpenF1AccountNeeded, openf1Source, type OpenF1Source } from "./source";
import { storeSessions } from "./store";

const log = logger("f1.watch");

/** Polling starts this long before a session's scheduled start (start times in the index can be stale). */
const BEFORE_START_MS = 15 * 60_000;
/** ... and goes on this long after its end. */
const AFTER_END_MS = 5 * 60_000;

export type WatchOutcome = { live: number | null; started: boolean; needsAccount: boolean };

/** Live per the sessions endpoint: between a little before its start and a little after its end (or no end yet). */
export function isLive(session: Pick<Session, "startsAt" | "endsAt">, now: number): boolean {
  const start = session.startsAt.getTime() - BEFORE_START_MS;
  const end = session.endsAt ? session.endsAt.getTime() + AFTER_END_MS : Number.POSITIVE_INFINITY;
  return now >= start && now <= end;
}

/**
 * Asks OpenF1 for its latest session (one request) and, when it is live and nobody polls it, starts the session's
 * poller. Every instance may run this: the poller's event id and its lease keep it to one poller per session.
 */
export async function watchSessions(source: OpenF1Source = openf1Source(), now = Date.now()): Promise<WatchOutcome> {
  let sessions: Session[];
  try {
    sessions = (await source.fetch("sessions", [["session_key", "=", "latest"]])).records;
  } catch (error) {
    if (!(error instanceof OpenF1AccountNeeded)) throw error;
    log.warn(error.message);
    // A session is live (that is when OpenF1 refuses): the free live-timing feed can follow it.
    const feed = await watchFeed(now).catch((failure: unknown) => {
      log.warn({ err: failure }, "live-timing feed unreachable");
      return null;
    });
    if (feed?.live) return { ...feed, needsAccount: true };
    const latest = await latestSnapshotText();
    if (!latest || !latest.body.includes('"needs-account"')) {
      await publishSnapshot(null, new Date(now), {
        mode: "idle",
        status: "needs-account",
        message: error.message,
        publishedAt: new Date(now).toISOString(),
        session: null,
        source: null,
        replay: null,
        feeds: {},
        state: null,
      });
    }
    return { live: null, started: false, needsAccount: true };
  }
  await storeSessions(sessions, "openf1");
  const live = sessions.find((session) => !session.cancelled && isLive(session, now));
  if (!live) return { live: null, started: false, needsAccount: false };
  return { live: live.sessionKey, started: await startPoller(live.sessionKey, "openf1", now), needsAccount: false };
}

/** Asks the live-timing feed which session it is on and, while that one is under way, starts following it. */
export async function watchFeed(now = Date.now()): Promise<WatchOutcome> {
  const session = await liveFeedSession();
  if (!session) return { live: null, started: false, needsAccount: false };
  return { live: session.sessionKey, started: await startPoller(session.sessionKey, "livetiming", now), needsAccount: false };
}

/** Starts a live session's poller unless one holds it (or it finished). */
async function startPoller(sessionKey: number, source: F1Source, now: number): Promise<boolean> {
  const [polled] = await sql()<{ busy: boolean }[]>`
    select lease_until > now() or status in ('finished') as busy from f1_pollers where session_key = ${sessionKey}`;
  if (polled?.busy) return false;
  // One event per session and minute: watchers on several instances send the same id, which is one event.
  const minute = Math.floor(now / 60_000);
  await sendEvents([{ name: POLLER_EVENT, id: `f1-poller-${sessionKey}-${minute}`, data: { sessionKey, mode: "live", source } }]);
  return true;
}
