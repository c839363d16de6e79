import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalExecutor } from "@/inngest/inline/executor";
import { resetEnvCache } from "@/lib/env";
import { claimRace, scheduleRace } from "@/lib/endurance/calendar";
import { analyseRace } from "@/lib/endurance/analyse";
import { pollRace } from "@/lib/endurance/poll";
import { leaderboard, raceCalendar, raceSummary } from "@/lib/endurance/queries";
import { parseAnalysis } from "@/lib/endurance/sources";
import { flushLedger } from "@/lib/http/ledger";
import { getRun } from "@/lib/jobs/queries";
import { openSyncRun } from "@/lib/jobs/runs";
import { triggerSync } from "@/lib/jobs/trigger";
import { enduranceUpstream, type EnduranceUpstream } from "@/sim/endurance";
import { startSimulator, type Simulator } from "@/sim/server";
import { testExecutor, waitFor } from "../jobs/support";
import { useTestDatabase } from "../support/database";

const HOUR = 3_600_000;

/** Calendar entry of a simulated race: relative URLs, resolved against the simulator. */
function simulatedRace(slug: string, id: string, startsAt: Date, hours = 1) {
  return {
    slug,
    series: "FIA WEC",
    event: `Race ${id}`,
    circuit: "Pitwall Park",
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + hours * HOUR).toISOString(),
    analysisUrl: `${id}/23_Analysis_Race.CSV`,
    liveResultsUrl: `${id}/RaceResults_JSONP.json`,
    liveDataUrl: `${id}/RaceData_JSONP.json`,
    resultsUrl: `${id}/03_Results_Race.JSON`,
    driveTimeRules: { minPerDriverMs: 20 * 60_000 },
  };
}

describe("endurance ingestion against the simulator", () => {
  const database = useTestDatabase();
  let sim: Simulator;
  let upstream: EnduranceUpstream;
  let executor: LocalExecutor;
  let wall = Date.now();

  beforeAll(async () => {
    upstream = enduranceUpstream({
      now: () => wall,
      races: [
        { id: "done", source: { synthetic: { seed: 3, cars: 12, durationMs: HOUR } }, speed: 60 },
        { id: "running", source: { synthetic: { seed: 4, cars: 12, durationMs: HOUR } }, speed: 60 },
      ],
    });
    sim = await startSimulator({ seed: 1, upstreams: [upstream] });
    Object.assign(process.env, {
      ENDURANCE_TIMING_BASE_URL: `${sim.url}/endurance`,
      ENDURANCE_POLL_INTERVAL_MS: "1000",
      ENDURANCE_RETRY_DELAY_MS: "50",
      ENDURANCE_TIMEOUT_MS: "5000",
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

  it("ingests only the laps completed by the race time, then only the new ones", async () => {
    const race = await scheduleRace(simulatedRace("running-race", "running", new Date(wall)));
    upstream.race("running").clock.start(60);
    wall += 10 * 60_000 / 60; // ten minutes of racing
    const first = await pollRace(race.id);
    const served = parseAnalysis(upstream.race("running").analysisFile()).laps;
    expect(first.newLaps).toBe(served.length);
    expect(first.laps).toBe(served.length);
    expect(Math.max(...served.map((lap) => lap.elapsedMs))).toBeLessThanOrEqual(10 * 60_000);

    const again = await pollRace(race.id);
    expect(again.newLaps).toBe(0);

    wall += 20 * 60_000 / 60;
    const later = await pollRace(race.id);
    const nowServed = parseAnalysis(upstream.race("running").analysisFile()).laps;
    expect(later.newLaps).toBe(nowServed.length - served.length);
    expect(later.laps).toBe(nowServed.length);
    expect(later.chequered).toBe(false);

    await analyseRace(race.id);
    const board = await leaderboard({ id: race.id, raceTimeMs: later.raceTimeMs });
    expect(board.rows).toHaveLength(12);
    expect(board.rows.map((row) => row.position)).toEqual([...Array(12).keys()].map((i) => i + 1));
    const earlier = await leaderboard({ id: race.id, raceTimeMs: later.raceTimeMs }, 10 * 60_000);
    expect(Math.max(...earlier.rows.map((row) => row.laps ?? 0))).toBeLessThan(Math.max(...board.rows.map((row) => row.laps ?? 0)));
  });

  it("runs a whole race through the durable ingestion job and stops at the chequered flag", async () => {
    await scheduleRace(simulatedRace("done-race", "done", new Date(wall)));
    upstream.race("done").clock.start(60);
    wall += 2 * HOUR / 60; // past the end: the file is complete and the feed says the session is over
    const { syncRunId } = await triggerSync({ kind: "endurance.ingest", trigger: "api", params: { race: "done-race" } });
    const run = await waitFor(
      "the ingestion to end",
      async () => {
        const found = await getRun(syncRunId);
        return found && ["succeeded", "failed", "cancelled"].includes(found.status) && found.steps.some((s) => s.name === "finish" && s.status === "completed") ? found : undefined;
      },
      60_000,
    );
    expect(run.status, run.error ?? "").toBe("succeeded");
    expect(run.details).toMatchObject({ race: "done-race", outcome: "finished" });

    const all = parseAnalysis(upstream.race("done").analysisFile()).laps;
    const summary = await raceSummary("done-race");
    expect(summary).toMatchObject({ status: "finished", laps: all.length, ingesting: false });
    const [stored] = await database.sql<{ laps: number; pits: number; classified: number; runs: number }[]>`
      select (select count(*)::int from endurance_laps where race_id = ${summary!.id}) as laps,
             (select count(*)::int from endurance_pits where race_id = ${summary!.id}) as pits,
             (select count(*)::int from endurance_classifications where race_id = ${summary!.id}) as classified,
             (select count(*)::int from endurance_ingestion_runs where race_id = ${summary!.id} and outcome = 'finished') as runs`;
    expect(stored).toMatchObject({ laps: all.length, classified: 12, runs: 1 });
    expect(stored!.pits).toBeGreaterThan(0);
    const calendar = await raceCalendar();
    const past = calendar.past.find((race) => race.slug === "done-race");
    expect(past?.winners.length).toBeGreaterThanOrEqual(2);
  });

  it("retries a failed fetch 3 times, ENDURANCE_RETRY_DELAY_MS apart, then reports the poll as failed without writing", async () => {
    const race = await scheduleRace(simulatedRace("faulty-race", "running", new Date(wall)));
    sim.setFaults({ errorRate: 1 }, "/endurance");
    const before = sim.stats().prefixes["/endurance"]?.requests ?? 0;
    const started = performance.now();
    await expect(pollRace(race.id)).rejects.toThrow(/\(after 4 attempts\)/);
    expect(performance.now() - started).toBeGreaterThanOrEqual(3 * 50);
    expect((sim.stats().prefixes["/endurance"]?.requests ?? 0) - before).toBe(4);
    sim.setFaults({ errorRate: 0 }, "/endurance");
    const [row] = await database.sql<{ laps: number }[]>`select count(*)::int as laps from endurance_laps where race_id = ${race.id}`;
    expect(row?.laps).toBe(0);
    // Once the upstream answers again, the next poll brings everything.
    expect((await pollRace(race.id)).newLaps).toBeGreaterThan(0);
  });

  it("lets one ingestion hold a race at a time, and hands it over to the run that continues it", async () => {
    const race = await scheduleRace(simulatedRace("claimed-race", "running", new Date(wall)));
    const first = await openSyncRun({ kind: "endurance.ingest", trigger: "api" });
    const second = await openSyncRun({ kind: "endurance.ingest", trigger: "api" });
    expect(await claimRace(race.id, first)).toBe(true);
    expect(await claimRace(race.id, second)).toBe(false);
    expect(await claimRace(race.id, second, first)).toBe(true);
    expect(await claimRace(race.id, first)).toBe(false);
    // A holder whose run has ended leaves the race free.
    await database.sql`update sync_runs set status = 'failed' where id = ${second}`;
    expect(await claimRace(race.id, first)).toBe(true);
  });
});
