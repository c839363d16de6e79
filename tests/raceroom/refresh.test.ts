import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalExecutor } from "@/inngest/inline/executor";
import { resetEnvCache } from "@/lib/env";
import { flushLedger } from "@/lib/http/ledger";
import { getRun } from "@/lib/jobs/queries";
import { triggerSync } from "@/lib/jobs/trigger";
import { driverDetail, leaderboardPage, movers, refreshStatus } from "@/lib/raceroom/queries";
import { raceroomUpstream, type RaceRoomUpstream } from "@/sim/raceroom/upstream";
import { startSimulator, type Simulator, type Upstream } from "@/sim/server";
import { testExecutor, waitFor } from "../jobs/support";
import { useTestDatabase } from "../support/database";

const LAYOUTS = [263, 264];
const CLASSES = [1687, 1703, 1708, 1710, 1711];
const SEED = 11;

/** A trimmed copy of the real r3e-data.json (two layouts, five classes), served like the real file. */
async function smallCatalogueUpstream(): Promise<Upstream> {
  const full = JSON.parse(await readFile("lib/raceroom/data/r3e-data.json", "utf8"));
  const pick = (map: Record<string, unknown>, keep: (value: Record<string, number>) => boolean) =>
    Object.fromEntries(Object.entries(map).filter(([, value]) => keep(value as Record<string, number>)));
  const body = {
    tracks: pick(full.tracks, (t) => t.Id === 262),
    layouts: pick(full.layouts, (l) => LAYOUTS.includes(l.Id!)),
    classes: pick(full.classes, (c) => CLASSES.includes(c.Id!)),
    cars: pick(full.cars, (c) => CLASSES.includes(c.Class!)),
  };
  return { prefix: "/catalogue", name: "Catalogue", handle: () => ({ body }) };
}

describe("RaceRoom refresh functions", () => {
  const database = useTestDatabase();
  let sim: Simulator;
  let raceroom: RaceRoomUpstream;
  let executor: LocalExecutor;

  beforeAll(async () => {
    raceroom = raceroomUpstream({ entries: 5_000, drivers: 3_000, leaderboards: 208 });
    sim = await startSimulator({ seed: SEED, upstreams: [raceroom, await smallCatalogueUpstream()] });
    Object.assign(process.env, {
      RACEROOM_BASE_URL: `${sim.url}/raceroom`,
      RACEROOM_CATALOGUE_URL: `${sim.url}/catalogue/r3e-data.json`,
      RACEROOM_TIMEOUT_MS: "5000",
      RACEROOM_MIN_INTERVAL_MS: "0",
    });
    resetEnvCache();
    executor = testExecutor();
    await executor.start();
  });
  afterAll(async () => {
    await executor?.stop();
    await sim?.close();
    await flushLedger();
  });

  async function run(kind: string) {
    const { syncRunId } = await triggerSync({ kind, trigger: "api" });
    return waitFor(`${kind} to end`, async () => {
      const run = await getRun(syncRunId);
      // The sync run succeeds inside the last step: wait for the executor to record that step too.
      const recorded = run?.status !== "succeeded" || run.steps.some((s) => s.name === "finish" && s.status === "completed");
      return run && ["succeeded", "failed", "cancelled"].includes(run.status) && recorded ? run : undefined;
    }, 60_000);
  }

  /** Every leaderboard of the small catalogue as Pitwall stores it, against what the simulator serves. */
  async function compareWithSimulator() {
    for (const layoutId of LAYOUTS) {
      for (const classId of CLASSES) {
        const want = raceroom.expectedLeaderboard(layoutId, classId).map((e) => [e.driver.name, e.car_class.car.name]);
        const leaderboard = await leaderboardPage(layoutId, classId, { pageSize: 500 });
        const stored: string[][] = [];
        for (let page = 1; page <= (leaderboard?.pageCount ?? 0); page += 1) {
          const rows = await leaderboardPage(layoutId, classId, { pageSize: 500, page });
          stored.push(...rows!.entries.map((e) => [e.driverName, e.carName]));
        }
        expect(stored, `leaderboard ${layoutId} x ${classId}`).toEqual(want);
      }
    }
  }

  it("runs a full refresh with progress and stores every leaderboard as the simulator serves it", async () => {
    const done = await run("raceroom.full-refresh");
    expect(done).toMatchObject({ status: "succeeded", progressDone: 10, progressTotal: 10, failed: 0 });
    const expectedEntries = LAYOUTS.flatMap((l) => CLASSES.map((c) => raceroom.expectedLeaderboard(l, c).length)).reduce((a, b) => a + b, 0);
    expect(done.created).toBe(expectedEntries);
    expect(done.steps.map((s) => s.name)).toEqual(["open-sync-run", "catalogue", "begin-generation", "batch-1", "promote", "finish"]);
    expect((await refreshStatus()).live).toMatchObject({ entries: expectedEntries, leaderboards: 10, flagged: 0 });
    await compareWithSimulator();
  });

  it("loses nothing under 5xx, 429, timeouts and cut-short bodies, and records movers the next day", async () => {
    await fetch(`${sim.url}/_control/raceroom/advance`, { method: "POST", body: JSON.stringify({ days: 3 }) });
    sim.setFaults({ errorRate: 0.06, rateLimitRate: 0.05, retryAfterSeconds: 0, timeoutRate: 0.02, truncateRate: 0.05 }, "/raceroom");
    const done = await run("raceroom.full-refresh");
    sim.setFaults({ errorRate: 0, rateLimitRate: 0, timeoutRate: 0, truncateRate: 0 }, "/raceroom");
    expect(done).toMatchObject({ status: "succeeded", failed: 0 });
    const stats = sim.stats().prefixes["/raceroom"]!;
    expect(stats.errors + stats.rateLimited + stats.timeouts + stats.truncated).toBeGreaterThan(0);
    expect((await refreshStatus()).live!.flagged).toBe(0);
    await compareWithSimulator();

    const climbs = await movers({ limit: 5 });
    expect(climbs.movers.length).toBeGreaterThan(0);
    const top = climbs.movers[0]!;
    expect(top.climb).toBe(top.previousPosition - top.position);
    const history = await driverDetail(top.driverId);
    const points = history!.personalBests.find((h) => h.layoutId === top.layoutId && h.classId === top.classId)!.points;
    expect(points.length).toBeGreaterThanOrEqual(top.lapTimeMs < top.previousLapTimeMs ? 2 : 1);
  });

  it("refetches stale leaderboards in the hourly refresh", async () => {
    await fetch(`${sim.url}/_control/raceroom/advance`, { method: "POST", body: JSON.stringify({ days: 1 }) });
    await database.sql`update raceroom_leaderboards set fetched_at = fetched_at - interval '2 days' where layout_id = 264`;
    const done = await run("raceroom.incremental-refresh");
    expect(done).toMatchObject({ status: "succeeded", progressDone: 5, progressTotal: 5, failed: 0 });
    expect(done.updated).toBe(5);
    for (const classId of CLASSES) {
      const leaderboard = await leaderboardPage(264, classId, { pageSize: 500 });
      expect(leaderboard!.entries.map((e) => e.driverName)).toEqual(raceroom.expectedLeaderboard(264, classId).map((e) => e.driver.name));
    }
  });
});
