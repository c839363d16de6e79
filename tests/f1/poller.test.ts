import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LiveFeed } from "@/lib/f1/feed";
import { liveAnswer, stopLiveAnswers } from "@/lib/f1/live-cache";
import { latestSnapshotText } from "@/lib/f1/snapshots";
import { claimPoller, pollWindow, stopForReplay } from "@/lib/f1/poller";
import { stateAt } from "@/lib/f1/queries";
import { answersMarked, takeUpstreamSlot } from "@/lib/f1/budget";
import { NEEDS_ACCOUNT_MESSAGE, OpenF1AccountNeeded, openf1Source } from "@/lib/f1/source";
import { resetEnvCache } from "@/lib/env";
import { DEMO_ACCOUNT, openf1Upstream, SYNTHETIC_KEYS, type OpenF1Upstream } from "@/sim/f1/openf1";
import { startSimulator, type Simulator } from "@/sim/server";
import { useTestDatabase } from "../support/database";
import { busiestWindow } from "./support";

const SESSION = SYNTHETIC_KEYS.session_key;
let sim: Simulator;
let openf1: OpenF1Upstream;

describe("F1 against the OpenF1 simulator", () => {
  const database = useTestDatabase();

  beforeAll(async () => {
    openf1 = openf1Upstream();
    sim = await startSimulator({ seed: 1, upstreams: [openf1] });
    Object.assign(process.env, { F1_OPENF1_BASE_URL: `${sim.url}/openf1`, F1_POLL_INTERVAL_MS: "500" });
    resetEnvCache();
  });
  beforeEach(async () => {
    sim.reset(1);
    await database.sql`truncate f1_pollers, f1_snapshots, f1_records, f1_sessions, f1_drivers, f1_upstream_requests`;
  });
  afterAll(async () => {
    // Before the database goes: the snapshot listener and its safety reload would query a closing database.
    await stopLiveAnswers();
    await answersMarked();
    await sim?.close();
  });

  const account = { username: DEMO_ACCOUNT.username, password: DEMO_ACCOUNT.password };
  const latestFeed = async () => JSON.parse((await latestSnapshotText())!.body) as LiveFeed;

  describe("OpenF1 source", () => {
    it("turns the 401 of a live session into a clear state without an account, and takes a token with one", async () => {
      openf1.start({ speed: 10 });
      const anonymous = openf1Source({ budget: null });
      const failure = await anonymous.fetch("drivers", [["session_key", "=", SESSION]]).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(OpenF1AccountNeeded);
      expect((failure as Error).message).toBe(NEEDS_ACCOUNT_MESSAGE);

      const member = openf1Source({ ...account, budget: null });
      const drivers = await member.fetch("drivers", [["session_key", "=", SESSION]]);
      expect(drivers.records).toHaveLength(20);
      const wrong = openf1Source({ username: "pitwall", password: "wrong", budget: null });
      await expect(wrong.fetch("drivers", [["session_key", "=", SESSION]])).rejects.toMatchObject({ reason: "rejected" });
    });

    it("asks for a new token before the old one expires", async () => {
      let now = Date.now();
      const source = openf1Source({ ...account, budget: null, clock: () => now });
      const requests = () => sim.stats().prefixes["/openf1"]?.requests ?? 0;
      const before = requests();
      await source.fetch("drivers", [["session_key", "=", SESSION]]);
      await source.fetch("drivers", [["session_key", "=", SESSION]]);
      // Two /v1 requests on one token.
      expect(requests() - before).toBe(3);
      // 56 minutes later the hour's token has less than five minutes left: a new one is asked for first.
      now += 56 * 60_000;
      await source.fetch("drivers", [["session_key", "=", SESSION]]);
      expect(requests() - before).toBe(5);
    });

    it("draws every request from the budget: the token and each retry too", async () => {
      openf1.start({ speed: 10 });
      const source = openf1Source({ ...account, budget: 30 });
      const requests = () => sim.stats().prefixes["/openf1"]?.requests ?? 0;
      const budgeted = async () => (await database.sql<{ count: number }[]>`select count(*)::int as count from f1_upstream_requests`)[0]?.count;
      await source.fetch("drivers", [["session_key", "=", SESSION]]);
      // The token and one /v1 request.
      expect(requests()).toBe(2);
      expect(await budgeted()).toBe(2);
      sim.setFaults({ errorRate: 1 }, "/openf1");
      await expect(source.fetch("drivers", [["session_key", "=", SESSION]])).rejects.toThrow();
      sim.setFaults({ errorRate: 0 }, "/openf1");
      // A first try and two retries, each counted.
      expect(requests()).toBe(5);
      expect(await budgeted()).toBe(5);
    });

    it("counts a request in the budget from its slot until a window after its answer", async () => {
      const ahead = async () =>
        (await database.sql<{ seconds: number }[]>`select extract(epoch from at - clock_timestamp())::float as seconds from f1_upstream_requests`)[0]?.seconds;
      const answered = await takeUpstreamSlot(1, 60_000);
      // While in flight it counts whatever its wait: its row lies past any window that could still see it sent.
      expect(await ahead()).toBeGreaterThan(55);
      answered();
      await expect.poll(ahead).toBeLessThanOrEqual(0);
      expect(await ahead()).toBeGreaterThan(-5);
    });

    it("keeps two instances within one budget, counted at the simulator", async () => {
      const limit = 4;
      const sources = [openf1Source({ budget: limit }), openf1Source({ budget: limit })];
      const started = Date.now();
      const answered: number[] = [];
      await Promise.all(
        [0, 1, 2, 3, 4, 5, 6, 7].map(async (index) => {
          await sources[index % 2]!.fetch("weather", [["session_key", "=", SESSION], ["date", "<", "2025-11-16T13:01:00Z"]]);
          answered.push(Date.now() - started);
        }),
      );
      answered.sort((a, b) => a - b);
      // Four go at once; the next four wait for the first ones to leave the 10 s window.
      expect(answered[3]).toBeLessThan(5_000);
      expect(answered[4]).toBeGreaterThanOrEqual(10_000);
      expect(busiestWindow(sim.stats().prefixes["/openf1"]?.recentRequestTimes ?? [], 10_000)).toBeLessThanOrEqual(limit);
    }, 30_000);
  });

  describe("Poller", () => {
    it("follows a live session incrementally and publishes snapshots with increasing sequences", async () => {
      openf1.start({ speed: 20, offsetSeconds: 25 * 60 });
      const owner = randomUUID();
      expect(await claimPoller({ sessionKey: SESSION, mode: "live", owner })).toBe(true);
      // A second instance cannot take a session whose lease is held.
      expect(await claimPoller({ sessionKey: SESSION, mode: "live", owner: randomUUID() })).toBe(false);
      const first = await pollWindow(SESSION, owner, 4_000, openf1Source(account));
      expect(first.lost).toBe(false);
      expect(first.polls).toBeGreaterThanOrEqual(2);
      const one = await latestFeed();
      expect(one.state?.drivers).toHaveLength(20);
      await pollWindow(SESSION, owner, 1_500, openf1Source(account));
      const two = await latestFeed();
      expect(two.sequence).toBeGreaterThan(one.sequence);
      expect(Date.parse(two.state!.at)).toBeGreaterThan(Date.parse(one.state!.at));
      const cursors = await database.sql<{ cursors: Record<string, string> }[]>`select cursors from f1_pollers`;
      expect(Object.keys(cursors[0]!.cursors)).toEqual(expect.arrayContaining(["intervals", "location"]));
      // Every instance's memory copy follows the newest sequence (LISTEN/NOTIFY).
      await expect.poll(async () => (await liveAnswer()).sequence).toBe(two.sequence);
    }, 30_000);

    it("an operator's replay stops the session's poller and every other replay, not other live sessions", async () => {
      await claimPoller({ sessionKey: SESSION, mode: "replay", owner: randomUUID(), force: true });
      await claimPoller({ sessionKey: 7001, mode: "live", owner: randomUUID() });
      await claimPoller({ sessionKey: 7002, mode: "live", owner: randomUUID() });
      expect(await stopForReplay(7002)).toBe(2);
      const rows = await database.sql<{ sessionKey: number; status: string }[]>`
        select session_key as "sessionKey", status from f1_pollers order by session_key`;
      expect(rows).toEqual([
        { sessionKey: 7001, status: "running" },
        { sessionKey: 7002, status: "stopped" },
        { sessionKey: SESSION, status: "stopped" },
      ]);
    });

    it("ends in the needs-account state when OpenF1 locks a live session and there is no account", async () => {
      openf1.start({ speed: 10 });
      const owner = randomUUID();
      await claimPoller({ sessionKey: SESSION, mode: "live", owner });
      const result = await pollWindow(SESSION, owner, 1_000, openf1Source());
      expect(result.status).toBe("needs-account");
      const feed = await latestFeed();
      expect(feed.status).toBe("needs-account");
      expect(feed.message).toBe(NEEDS_ACCOUNT_MESSAGE);
    }, 20_000);

    it("replays a past session at 60x and answers the state at any moment", async () => {
      const owner = randomUUID();
      await claimPoller({ sessionKey: SESSION, mode: "replay", owner, speed: 60, force: true });
      await pollWindow(SESSION, owner, 2_500);
      const feed = await latestFeed();
      expect(feed.mode).toBe("replay");
      expect(feed.state?.drivers).toHaveLength(20);
      expect(feed.state?.drivers.filter((driver) => driver.location !== null).length).toBe(20);

      const lap10 = await stateAt(SESSION, { lap: 10 });
      expect(lap10?.state.lap).toBe(10);
      const end = await stateAt(SESSION, {});
      expect(end?.state.lap).toBe(58);
      expect(end?.state.trackStatus).toBe("chequered");
    }, 60_000);
  });
});
