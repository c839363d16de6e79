import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { flushLedger } from "@/lib/http/ledger";
import { ListingErrorPayload } from "@/lib/raceroom/listing";
import { fetchLeaderboard, fetchLeaderboards, fetchCatalogue, raceroomClient, type FetchedLeaderboard } from "@/lib/raceroom/source";
import { RACEROOM_EDGE_LEADERBOARDS } from "@/sim/raceroom/config";
import { raceroomUpstream, type RaceRoomUpstream } from "@/sim/raceroom/upstream";
import { startSimulator, type Simulator, type Upstream } from "@/sim/server";
import { useTestDatabase } from "../support/database";

const { exactly1500, exactly3000 } = RACEROOM_EDGE_LEADERBOARDS;
const WORLD = { entries: 20_000, drivers: 5_000, leaderboards: 200 };
const FAST_RETRIES = { max: 8, baseDelayMs: 5, maxDelayMs: 50 };

/** What the simulator says the leaderboard holds, in the shape the source produces. */
function expected(raceroom: RaceRoomUpstream, layoutId: number, classId: number) {
  return raceroom.expectedLeaderboard(layoutId, classId).map((entry) => ({
    driverId: Number(/\/(\d+)\/$/.exec(entry.driver.path)![1]),
    carName: entry.car_class.car.name,
  }));
}

function summary(leaderboard: FetchedLeaderboard) {
  return leaderboard.entries.map((e) => ({ driverId: e.driverId, carName: e.carName }));
}

describe("RaceRoom source against the simulator", () => {
  // The HTTP client writes its ledger to Postgres.
  useTestDatabase();
  let sim: Simulator;
  let raceroom: RaceRoomUpstream;
  // Generous timeouts, except where timeouts are the point: the simulator builds a big leaderboard on first request.
  const client = (timeoutMs = 15_000) => raceroomClient({ baseUrl: `${sim.url}/raceroom`, timeoutMs, retries: FAST_RETRIES, concurrency: 4 });

  beforeAll(async () => {
    raceroom = raceroomUpstream(WORLD);
    // A site whose first page carries malformed entries among good ones (tests/fixtures/raceroom/listing-page.json).
    const page = JSON.parse(await readFile(new URL("../fixtures/raceroom/listing-page.json", import.meta.url), "utf8"));
    const malformed: Upstream = {
      prefix: "/malformed",
      name: "Malformed RaceRoom",
      handle: (req) => ({ body: req.query.get("start") === "0" ? page : { context: { c: { results: [] } } } }),
    };
    sim = await startSimulator({ seed: 7, upstreams: [raceroom, malformed] });
  });
  beforeEach(() => sim.reset(7));
  afterAll(async () => {
    await sim?.close();
    await flushLedger();
  });

  const requests = () => sim.stats().prefixes["/raceroom"]?.requests ?? 0;

  it("reads a leaderboard of exactly 1,500 entries with one full page and one empty page", async () => {
    const leaderboard = await fetchLeaderboard(client(), exactly1500);
    expect(leaderboard.entries).toHaveLength(1500);
    expect(leaderboard.requests).toBe(2);
    expect(requests()).toBe(2);
    const want = expected(raceroom, exactly1500.layoutId, exactly1500.classId);
    expect(summary(leaderboard)).toEqual(want);
    expect(leaderboard.entries.every((e, i) => e.position === i + 1)).toBe(true);
  });

  it("pages on through two full pages of 3,000", async () => {
    const leaderboard = await fetchLeaderboard(client(), exactly3000);
    expect(leaderboard.entries).toHaveLength(3000);
    expect(leaderboard.requests).toBe(3);
    // Lap times parse to what the simulator formatted, fastest first.
    const laps = leaderboard.entries.map((e) => e.lapTimeMs);
    expect([...laps].sort((a, b) => a - b)).toEqual(laps);
  });

  it("stops at a short page and reads every field", async () => {
    const populated = raceroom.populatedLeaderboards().find((c) => c.entries > 10 && c.entries < 1500)!;
    const leaderboard = await fetchLeaderboard(client(), populated);
    expect(leaderboard.requests).toBe(1);
    expect(leaderboard.rejected).toBe(0);
    expect(leaderboard.entries).toHaveLength(populated.entries);
    const raw = raceroom.expectedLeaderboard(populated.layoutId, populated.classId);
    leaderboard.entries.forEach((entry, i) => {
      const source = raw[i]!;
      expect(entry.driverName).toBe(source.driver.name);
      expect(entry.countryCode).toBe(source.country.code.toLowerCase());
      expect(entry.carName).toBe(source.car_class.car.name);
      expect(entry.difficulty).toBe(source.driving_model);
      expect(entry.achievedAt).not.toBeNull();
    });
  });

  it("asks once more for a known leaderboard whose first page comes back empty", async () => {
    await fetch(`${sim.url}/_control/raceroom/quirks`, { method: "POST", body: JSON.stringify({ transientEmptyRate: 1 }) });
    const populated = raceroom.populatedLeaderboards().find((c) => c.entries > 10 && c.entries < 1500)!;
    const retried = await fetchLeaderboard(client(), populated, { retryEmpty: true });
    expect(retried).toMatchObject({ retriedEmpty: true, requests: 2 });
    expect(retried.entries).toHaveLength(populated.entries);
    // Leaderboards not known to have entries are not asked twice: most leaderboards are really empty.
    const other = raceroom.populatedLeaderboards().find((c) => c.entries > 10 && c.entries < 1500 && c.classId !== populated.classId)!;
    const once = await fetchLeaderboard(client(), other);
    expect(once).toMatchObject({ retriedEmpty: false, requests: 1, entries: [] });
  });

  it("recognises the error payload as a failed fetch", async () => {
    await fetch(`${sim.url}/_control/raceroom/quirks`, { method: "POST", body: JSON.stringify({ errorPayloadRate: 1 }) });
    await expect(fetchLeaderboard(client(), exactly1500)).rejects.toThrow(ListingErrorPayload);
    const {
      outcomes: [outcome],
    } = await fetchLeaderboards(client(), [exactly1500], { concurrency: 1 });
    expect(outcome).toMatchObject({ ok: false, key: exactly1500 });
    expect(outcome!.ok ? "" : outcome!.error).toMatch(/temporarily unavailable/);
  });

  it("loses nothing to 5xx, 429, timeouts and cut-short bodies", async () => {
    const leaderboards = raceroom.populatedLeaderboards().slice(0, 40);
    sim.setFaults({ errorRate: 0.15, rateLimitRate: 0.1, retryAfterSeconds: 0, timeoutRate: 0.05, truncateRate: 0.1 });
    const { outcomes, deferred } = await fetchLeaderboards(client(1000), leaderboards, { concurrency: 4 });
    const stats = sim.stats().prefixes["/raceroom"]!;
    expect(stats.errors + stats.rateLimited + stats.timeouts + stats.truncated).toBeGreaterThan(10);
    expect(deferred).toEqual([]);
    expect(outcomes).toHaveLength(leaderboards.length);
    for (const outcome of outcomes) {
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) continue;
      expect(summary(outcome.leaderboard)).toEqual(expected(raceroom, outcome.leaderboard.layoutId, outcome.leaderboard.classId));
    }
  });

  it("paces the host's requests by the minimum interval", async () => {
    // A simulator of its own: the pace is the host's, and would slow every later test against the shared one.
    const paced = await startSimulator({ seed: 7, upstreams: [raceroomUpstream(WORLD)] });
    try {
      const leaderboards = raceroom.populatedLeaderboards().slice(0, 12);
      const politeClient = raceroomClient({ baseUrl: `${paced.url}/raceroom`, timeoutMs: 15_000, retries: FAST_RETRIES, concurrency: 2, minIntervalMs: 100 });
      const started = performance.now();
      await fetchLeaderboards(politeClient, leaderboards, { concurrency: 2 });
      // Two request slots, 100 ms apart each: 20 a second; 12 requests after a burst of two take at least 500 ms.
      expect(performance.now() - started).toBeGreaterThanOrEqual(500);
    } finally {
      await paced.close();
    }
  });

  it("skips and counts malformed entries, keeping the others", async () => {
    const malformed = raceroomClient({ baseUrl: `${sim.url}/malformed`, timeoutMs: 15_000, retries: FAST_RETRIES });
    const leaderboard = await fetchLeaderboard(malformed, { layoutId: 1671, classId: 1703 });
    expect(leaderboard.rejected).toBe(3);
    expect(leaderboard.entries.map((e) => [e.position, e.driverId])).toEqual([
      [1, 1000001],
      [2, 1000002],
      [3, 1000003],
    ]);
  });

  it("loads the catalogue from a URL", async () => {
    const catalogue = await fetchCatalogue(`${sim.url}/raceroom/r3e-data.json`);
    expect(catalogue.layouts).toHaveLength(186);
    expect(catalogue.classes).toHaveLength(104);
  });
});
