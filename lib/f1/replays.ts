import { sql } from "@/lib/db";
import type { RaceRecord, Session } from "@/lib/f1/records";
import type { Feed } from "./feed";
import { RaceReplay } from "./state/replay";
import { storedDrivers, storedRecords } from "./store";

/** A stored session, playable at any moment, and how fresh each feed was at a moment. */
export interface StoredReplay {
  sessionKey: number;
  startsAt: number;
  endsAt: number;
  stateAt: RaceReplay["stateAt"];
  freshness(at: number): Partial<Record<Feed, string>>;
  /** Session moment at which each lap was started by the leader (jump to lap). */
  lapStarts: { lap: number; at: number }[];
}

const FEED_OF: Partial<Record<RaceRecord["kind"], Feed>> = {
  interval: "intervals",
  position: "position",
  lap: "laps",
  "race-control": "race_control",
  pit: "pit",
  stint: "stints",
  weather: "weather",
};

/** A session kept in memory is built again from the store once its record count changed and it is this old. */
const REBUILD_AFTER_MS = 5_000;
const KEPT = 4;

interface Cached {
  replay: StoredReplay;
  count: number;
  builtAt: number;
}

const g = globalThis as unknown as { __pitwallF1Replays?: Map<number, Cached> };
const cache = (g.__pitwallF1Replays ??= new Map());

function lastAtOrBefore(moments: readonly number[], at: number): number | null {
  let low = 0;
  let high = moments.length - 1;
  let found: number | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const moment = moments[middle] as number;
    if (moment <= at) {
      found = moment;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

async function sessionRecord(sessionKey: number): Promise<Session | null> {
  const [row] = await sql()<{ meetingKey: number; name: string; type: string; startsAt: string; endsAt: string | null }[]>`
    select meeting_key as "meetingKey", name, type, starts_at::text as "startsAt", ends_at::text as "endsAt" from f1_sessions where session_key = ${sessionKey}`;
  if (!row) return null;
  return {
    kind: "session",
    sessionKey,
    meetingKey: row.meetingKey,
    name: row.name,
    type: row.type,
    startsAt: new Date(row.startsAt),
    endsAt: row.endsAt === null ? null : new Date(row.endsAt),
    year: null,
    gmtOffset: null,
    location: null,
    countryCode: null,
    countryName: null,
    circuitKey: null,
    circuitShortName: null,
    cancelled: false,
  };
}

async function build(sessionKey: number): Promise<StoredReplay> {
  const session = await sessionRecord(sessionKey);
  const records: RaceRecord[] = [...(session ? [session] : []), ...(await storedDrivers(sessionKey)), ...(await storedRecords(sessionKey))];
  const replay = RaceReplay.build(records);
  const moments = new Map<Feed, number[]>();
  const lapStarts: { lap: number; at: number }[] = [];
  for (const timed of replay.timeline) {
    const feed = FEED_OF[timed.record.kind];
    if (feed) (moments.get(feed) ?? moments.set(feed, []).get(feed))?.push(timed.at);
    if (timed.record.kind === "lap" && (lapStarts.at(-1)?.lap ?? 0) < timed.record.lapNumber) lapStarts.push({ lap: timed.record.lapNumber, at: timed.at });
  }
  return {
    sessionKey,
    startsAt: replay.startsAt,
    endsAt: replay.endsAt,
    stateAt: (at) => replay.stateAt(at),
    lapStarts,
    freshness(at) {
      const fresh: Partial<Record<Feed, string>> = {};
      for (const [feed, list] of moments) {
        const moment = lastAtOrBefore(list, at);
        if (moment !== null) fresh[feed] = new Date(moment).toISOString();
      }
      return fresh;
    },
  };
}

/** The stored session as a replay, built once and kept for the next callers (time travel, the replay poller). */
export async function replayOf(sessionKey: number): Promise<StoredReplay> {
  const [row] = await sql()<{ count: number }[]>`select count(*)::int as count from f1_records where session_key = ${sessionKey} and kind <> 'location'`;
  const count = row?.count ?? 0;
  const cached = cache.get(sessionKey);
  if (cached && (cached.count === count || Date.now() - cached.builtAt < REBUILD_AFTER_MS)) return cached.replay;
  const replay = await build(sessionKey);
  cache.delete(sessionKey);
  cache.set(sessionKey, { replay, count, builtAt: Date.now() });
  while (cache.size > KEPT) cache.delete(cache.keys().next().value as number);
  return replay;
}
