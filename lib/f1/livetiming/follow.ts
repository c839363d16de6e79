import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "@/lib/db";
import { f1Env } from "@/lib/f1/env";
import type { Feed, FeedFreshness } from "@/lib/f1/feed";
import { feedBody, releasePoller, renewLease, savePoller, storeReceived, type PollerRow, type PollWindowResult } from "@/lib/f1/poller";
import type { RaceRecord, Session } from "@/lib/f1/records";
import { publishSnapshot } from "@/lib/f1/snapshots";
import { storeSessions } from "@/lib/f1/store";
import { holdConnectionLock } from "./connection-lock";
import { plainTopic } from "./inflate";
import { LiveTimingClient, type LiveTimingClientOptions } from "./live";
import type { RawFeedMessage } from "./message";
import { recordingLine } from "./recording";
import { archiveNote } from "./topics";

/** The page's feeds each topic keeps fresh. */
const TOPIC_FEEDS: Partial<Record<string, Feed[]>> = {
  TimingData: ["intervals", "laps", "position"],
  Position: ["location"],
  RaceControlMessages: ["race_control"],
  TimingAppData: ["stints"],
  PitLaneTimeCollection: ["pit"],
  WeatherData: ["weather"],
};
/** Session statuses after which there is nothing more to follow. */
const ENDED = new Set(["Finalised", "Ends"]);

function feedClient(options: Omit<LiveTimingClientOptions, "baseUrl" | "token">): LiveTimingClient {
  const env = f1Env();
  return new LiveTimingClient({ baseUrl: env.F1_LIVETIMING_BASE_URL, token: env.F1_TV_TOKEN ?? null, ...options });
}

/**
 * The session the live-timing feed is on now, if one is under way (its SessionInfo keyframe, and a status short of
 * finalised), stored as the feed lists it. One short connection: what the watch does when OpenF1 needs an account.
 */
export async function liveFeedSession(): Promise<Session | null> {
  const records: RaceRecord[] = [];
  const client = feedClient({ onRecords: (made) => records.push(...made) });
  try {
    await client.start();
  } finally {
    await client.stop();
  }
  const session = records.find((record): record is Session => record.kind === "session");
  const status = client.feedStatus().sessionStatus;
  if (!session || (status !== null && ENDED.has(status))) return null;
  await storeSessions([session], "livetiming");
  return session;
}

async function storeMessages(sessionKey: number, messages: readonly { receivedAt: number; raw: RawFeedMessage }[]): Promise<void> {
  if (messages.length === 0) return;
  await sql()`
    insert into f1_feed_messages (session_key, received_at, line)
    select ${sessionKey}, received_at::timestamptz, line from unnest(
      ${messages.map((message) => new Date(message.receivedAt).toISOString())}::text[], ${messages.map((message) => recordingLine(message.raw))}::text[]
    ) with ordinality as t(received_at, line, n) order by n`;
}

/** A burst of messages (timing lines come within milliseconds of each other) makes one snapshot. */
const BURST_MS = 40;

/**
 * One durable step of following a live session over the feed's SignalR socket: exactly one socket per session across
 * instances (an advisory lock), every raw message recorded, the records stored, and a snapshot published as soon as
 * a burst of messages is in (the lease renewed each poll interval). The socket closes at the step's end; the next
 * step connects again and the subscription's keyframes bring the whole state back.
 */
export async function followFeedWindow(sessionKey: number, owner: string, windowMs: number): Promise<PollWindowResult> {
  const total: PollWindowResult = { records: 0, malformed: 0, requests: 0, sequence: null, done: false, polls: 0, lost: false, status: "running" };
  const endAt = Date.now() + windowMs;
  let lock = await holdConnectionLock(sessionKey);
  // The previous step's socket (maybe on another instance) is still closing: wait for it, within this step.
  while (!lock && Date.now() < endAt - 1_000) {
    await sleep(500);
    lock = await holdConnectionLock(sessionKey);
  }
  if (!lock) return total;
  const pending: RaceRecord[] = [];
  const arrived = new Map<string, number>();
  let wake: (() => void) | null = null;
  const client = feedClient({ onRecords: (made) => pending.push(...made), onSnapshot: () => wake?.() });
  let recorded = 0;

  /** Stores what came since the last call and publishes the state with each feed's freshness. */
  async function publishNews(row: PollerRow): Promise<void> {
    const records = pending.splice(0);
    await storeReceived(row, records);
    const messages = client.recording.slice(recorded).map((raw) => ({ receivedAt: Date.now(), raw }));
    recorded += messages.length;
    await storeMessages(sessionKey, messages);
    for (const { raw, receivedAt } of messages) arrived.set(plainTopic(raw[0]), receivedAt);
    const status = client.feedStatus();
    for (const [topic, receivedAt] of arrived) {
      const newest = status.lastMessageAt[topic];
      const freshness: FeedFreshness = { newest: newest === undefined ? null : new Date(newest).toISOString(), receivedAt: new Date(receivedAt).toISOString() };
      for (const feed of TOPIC_FEEDS[topic] ?? []) row.feeds[feed] = freshness;
    }
    row.message = archiveNote(client.missing);
    row.polls += 1;
    const state = client.snapshot();
    total.sequence = await publishSnapshot(sessionKey, new Date(state.at), await feedBody(row, state));
    total.polls += 1;
    total.records += records.length;
    total.malformed = client.broken;
  }

  try {
    await client.start();
    const interval = f1Env().F1_POLL_INTERVAL_MS;
    let row = await renewLease(sessionKey, owner);
    let renewedAt = Date.now();
    if (!row) return { ...total, lost: true };
    await publishNews(row);
    while (Date.now() < endAt) {
      if (Date.now() - renewedAt >= interval) {
        await savePoller(row);
        row = await renewLease(sessionKey, owner);
        renewedAt = Date.now();
        if (!row) return { ...total, lost: true };
      }
      if (client.recording.length > recorded) await publishNews(row);
      const status = client.feedStatus().sessionStatus;
      if (status !== null && ENDED.has(status)) {
        await savePoller(row);
        await releasePoller(sessionKey, owner, "finished");
        return { ...total, done: true, status: "finished" };
      }
      // News that came while publishing goes out after its burst; otherwise wait for the next message or renewal.
      if (client.recording.length > recorded) {
        await sleep(BURST_MS);
        continue;
      }
      const woken = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), Math.max(0, Math.min(interval - (Date.now() - renewedAt), endAt - Date.now())));
        wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
      wake = null;
      if (woken) await sleep(BURST_MS);
    }
    await savePoller(row);
    return total;
  } finally {
    await client.stop();
    await lock.release();
  }
}
