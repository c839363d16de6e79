import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flushLedger } from "@/lib/http/ledger";
import { beginFullRefresh, nextLeaderboards } from "@/lib/raceroom/generations";
import { refreshNextBatch } from "@/lib/raceroom/refresh";
import { raceroomClient } from "@/lib/raceroom/source";
import { raceroomUpstream } from "@/sim/raceroom/upstream";
import { startSimulator, type Simulator, type Upstream } from "@/sim/server";
import { useTestDatabase } from "../support/database";
import { MONZA_GTR3, useSmallCatalogue } from "./support";

// RaceRoom's listing, except that one leaderboard never answers: its requests are read and left hanging.
function withHangingLeaderboard(hung: { layoutId: number; classId: number }): Upstream {
  const raceroom = raceroomUpstream({ entries: 5_000, drivers: 3_000 });
  return {
    ...raceroom,
    handle(req, ctx) {
      const isHung = req.query.get("track") === String(hung.layoutId) && req.query.get("car_class") === `class-${hung.classId}`;
      return isHung ? new Promise(() => {}) : raceroom.handle(req, ctx);
    },
  };
}

describe("a leaderboard that never answers", () => {
  const database = useTestDatabase();
  let sim: Simulator;
  // A timeout far longer than the test may take: the batch must not wait for it.
  const TIMEOUT_MS = 60_000;

  beforeAll(async () => {
    await useSmallCatalogue();
    sim = await startSimulator({ seed: 3, upstreams: [withHangingLeaderboard(MONZA_GTR3)] });
  });
  afterAll(async () => {
    await sim?.close();
    await flushLedger();
  });

  const client = (timeoutMs: number) =>
    raceroomClient({ baseUrl: `${sim.url}/raceroom`, timeoutMs, retries: { max: 1, baseDelayMs: 10, maxDelayMs: 20 }, concurrency: 2, minIntervalMs: 0 });

  it("does not delay the rest of its batch: the others are stored, it waits for a later batch", async () => {
    const { generationId } = await beginFullRefresh();
    const all = await nextLeaderboards(generationId, 100);
    expect(all).toContainEqual(MONZA_GTR3);
    const started = performance.now();
    // Every leaderboard of the catalogue fits the batch with room to spare, but the batch is not told it is the last.
    // A grace of seconds, not the default half second: on a loaded machine a healthy answer can take that long, and the
    // point is only that the batch ends long before the hung request's timeout.
    const report = await refreshNextBatch(generationId, { batchSize: all.length, stragglerGraceMs: 3_000, client: client(TIMEOUT_MS), politeness: { concurrency: 2 } });
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS / 3);
    expect(report).toMatchObject({ leaderboards: all.length - 1, deferred: 1, failed: 0, remaining: true });
    expect(await nextLeaderboards(generationId, 100)).toEqual([MONZA_GTR3]);
  });

  it("in the last batch, fails after its retries and keeps its flag, while nothing else waited", async () => {
    const [pending] = await database.sql<{ id: number }[]>`select id from raceroom_generations where status = 'pending'`;
    const report = await refreshNextBatch(pending!.id, { client: client(1_000), politeness: { concurrency: 2 } });
    expect(report).toMatchObject({ leaderboards: 1, failed: 1, deferred: 0, remaining: false });
    const [record] = await database.sql<{ status: string; flag: string }[]>`
      select status, flag from raceroom_leaderboards where generation_id = ${pending!.id} and layout_id = ${MONZA_GTR3.layoutId} and class_id = ${MONZA_GTR3.classId}`;
    expect(record).toMatchObject({ status: "kept" });
    expect(record?.flag).toMatch(/fetch failed: .*timed out/);
  });
});
