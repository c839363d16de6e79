import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LiveFeed } from "@/lib/f1/feed";
import { followFeedWindow, liveFeedSession } from "@/lib/f1/livetiming/follow";
import { parseRecording } from "@/lib/f1/livetiming/recording";
import { FeedSession } from "@/lib/f1/livetiming/session";
import { claimPoller } from "@/lib/f1/poller";
import { latestSnapshotText } from "@/lib/f1/snapshots";
import { resetEnvCache } from "@/lib/env";
import { DEMO_F1TV_TOKEN, livetimingUpstream, type LiveTimingUpstream } from "@/sim/f1/livetiming";
import { startSimulator, type Simulator } from "@/sim/server";
import { useTestDatabase } from "../../support/database";
import { FP2_KEY, FP2_PATH } from "./support";

// A session followed live over the simulator's SignalR hub, through the poller's lease, the one-socket lock, the
// store and the snapshot the page reads.

describe("F1 live over the live-timing feed", () => {
  const database = useTestDatabase();
  let sim: Simulator;
  let upstream: LiveTimingUpstream;

  beforeAll(async () => {
    upstream = livetimingUpstream();
    sim = await startSimulator({ upstreams: [upstream] });
    Object.assign(process.env, { F1_LIVETIMING_BASE_URL: `${sim.url}/f1-livetiming`, F1_POLL_INTERVAL_MS: "500" });
    delete process.env.F1_TV_TOKEN;
    resetEnvCache();
  });
  beforeEach(async () => {
    await database.sql`truncate f1_pollers, f1_snapshots, f1_records, f1_sessions, f1_drivers, f1_feed_messages`;
    upstream.stop();
  });
  afterAll(async () => {
    await sim?.close();
    await upstream?.close();
  });

  const latestFeed = async () => JSON.parse((await latestSnapshotText())!.body) as LiveFeed;

  it("finds the session the feed is on, or none when it plays nothing", async () => {
    expect(await liveFeedSession()).toBeNull();
    await upstream.play({ session: FP2_PATH, speed: 60, fromSeconds: 20 * 60 });
    const session = await liveFeedSession();
    expect(session?.sessionKey).toBe(FP2_KEY);
    const [stored] = await database.sql<{ sources: string[] }[]>`select sources from f1_sessions where session_key = ${FP2_KEY}`;
    expect(stored?.sources).toEqual(["livetiming"]);
  });

  it("follows the session: records stored, raw messages recorded for an exact replay, the page told what needs an account", async () => {
    await upstream.play({ session: FP2_PATH, speed: 60, fromSeconds: 20 * 60 });
    await liveFeedSession();
    const owner = randomUUID();
    expect(await claimPoller({ sessionKey: FP2_KEY, mode: "live", source: "livetiming", owner })).toBe(true);
    const result = await followFeedWindow(FP2_KEY, owner, 4_000);
    expect(result.lost).toBe(false);
    expect(result.polls).toBeGreaterThanOrEqual(4);
    expect(result.records).toBeGreaterThan(0);

    const feed = await latestFeed();
    expect(feed.mode).toBe("live");
    expect(feed.source?.kind).toBe("livetiming");
    // Without an F1 TV token the feed withholds car positions: the page says so.
    expect(feed.source?.note).toMatch(/F1 TV account/);
    expect(feed.state?.drivers.length).toBeGreaterThanOrEqual(18);
    expect(feed.feeds.intervals?.receivedAt).toBeTruthy();

    // The recording replays to the same state the page was shown.
    const lines = await database.sql<{ line: string }[]>`select line from f1_feed_messages where session_key = ${FP2_KEY} order by id`;
    expect(lines.length).toBeGreaterThan(10);
    const replayed = new FeedSession();
    const recording = parseRecording(lines.map((row) => row.line).join("\n"));
    expect(recording.broken).toBe(0);
    for (const message of recording.lines) replayed.push(message);
    const order = (drivers: { driverNumber: number; position: number }[]) => drivers.map((driver) => `${driver.position}:${driver.driverNumber}`).sort();
    expect(order(replayed.snapshot().drivers)).toEqual(order(feed.state!.drivers));
    const [laps] = await database.sql<{ count: number }[]>`select count(*)::int as count from f1_records where session_key = ${FP2_KEY} and kind = 'lap'`;
    expect(laps?.count).toBeGreaterThan(0);
  }, 20_000);

  it("with an F1 TV token, a session whose feed has no car positions is noted as such, not as needing an account", async () => {
    Object.assign(process.env, { F1_TV_TOKEN: DEMO_F1TV_TOKEN });
    resetEnvCache();
    try {
      await upstream.play({ session: FP2_PATH, speed: 60, fromSeconds: 20 * 60 });
      await liveFeedSession();
      const owner = randomUUID();
      await claimPoller({ sessionKey: FP2_KEY, mode: "live", source: "livetiming", owner });
      await followFeedWindow(FP2_KEY, owner, 1_500);
      // The practice excerpt has no Position stream at all: with a token the feed sent nothing, and the note says that.
      expect((await latestFeed()).source?.note).toMatch(/has no car positions/);
    } finally {
      delete process.env.F1_TV_TOKEN;
      resetEnvCache();
    }
  }, 20_000);

  it("keeps one socket per session: a second follower waits for the lock and polls nothing", async () => {
    await upstream.play({ session: FP2_PATH, speed: 60, fromSeconds: 20 * 60 });
    await liveFeedSession();
    const owner = randomUUID();
    await claimPoller({ sessionKey: FP2_KEY, mode: "live", source: "livetiming", owner });
    // Equal windows: the one without the socket gives up a second before the other lets it go.
    const [first, second] = await Promise.all([followFeedWindow(FP2_KEY, owner, 3_000), followFeedWindow(FP2_KEY, owner, 3_000)]);
    expect(first.polls + second.polls).toBeGreaterThan(0);
    expect(Math.min(first.polls, second.polls)).toBe(0);
  }, 20_000);
});
