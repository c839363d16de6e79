import { beforeAll, describe, expect, it } from "vitest";
import type { RaceRecord } from "@/lib/f1/records";
import { RACE_CONTROL_KEPT, RaceStateBuilder } from "@/lib/f1/state/builder";
import { RaceReplay } from "@/lib/f1/state/replay";
import type { DriverSnapshot, RaceSnapshot } from "@/lib/f1/state/snapshot";
import { sessionTimeline } from "@/lib/f1/state/timeline";
import { abuDhabiLap9, at } from "./support";

// 2025 Abu Dhabi Grand Prix, 13:16:30 UTC: Verstappen on lap 9, Hulkenberg, Hamilton and Albon just out of the pits.
const MOMENT = at("2025-12-07T13:16:30Z");

let records: RaceRecord[];
let replay: RaceReplay;
let state: RaceSnapshot;
const driver = (acronym: string) => state.drivers.find((candidate) => candidate.acronym === acronym) as DriverSnapshot;

beforeAll(() => {
  records = abuDhabiLap9();
  replay = RaceReplay.build(records);
  state = replay.stateAt(MOMENT);
});

describe("race state of the 2025 Abu Dhabi Grand Prix on lap 9", () => {
  it("has the running order and the gaps of the source rows", () => {
    // Read by hand from the excerpt: each car's last position.csv row and last intervals.csv row at or before 13:16:30.
    expect(state.drivers.map((d) => [d.position, d.acronym, d.gapToLeader?.kind === "time" ? d.gapToLeader.ms / 1000 : d.gapToLeader])).toEqual([
      [1, "VER", 0],
      [2, "PIA", 1.934],
      [3, "NOR", 3.697],
      [4, "LEC", 4.52],
      [5, "RUS", 6.662],
      [6, "ALO", 8.806],
      [7, "BOR", 9.508],
      [8, "HAD", 10.334],
      [9, "OCO", 11.166],
      [10, "TSU", 12.047],
      [11, "LAW", null],
      [12, "BEA", 13.312],
      [13, "SAI", 14.645],
      [14, "STR", 15.656],
      [15, "ANT", 16.537],
      [16, "GAS", 19.209],
      [17, "COL", 21.063],
      [18, "HAM", 35.393],
      [19, "HUL", 36.288],
      [20, "ALB", 36.66],
    ]);
    expect(driver("LAW").interval).toEqual({ kind: "time", ms: 755 });
    expect(driver("HAM").interval).toEqual({ kind: "time", ms: 14_376 });
  });

  it("matches the latest position and interval row of every car in the records", () => {
    for (const snapshot of state.drivers) {
      const reported = records.filter((r) => r.kind === "position" && r.driverNumber === snapshot.driverNumber && r.at.getTime() <= MOMENT).at(-1);
      const interval = records.filter((r) => r.kind === "interval" && r.driverNumber === snapshot.driverNumber && r.at.getTime() <= MOMENT).at(-1);
      expect(reported && "position" in reported ? reported.position : null).toBe(snapshot.position);
      expect(interval && "gapToLeader" in interval ? interval.gapToLeader : undefined).toEqual(snapshot.gapToLeader);
    }
  });

  it("has laps, bests and sectors, a lap struck off for track limits counting for none", () => {
    expect(state.lap).toBe(9);
    expect(state.fastestLap).toEqual({ driverNumber: 1, lapNumber: 2, ms: 89_117 });
    expect(driver("VER")).toMatchObject({
      lap: 9,
      lastLap: { lapNumber: 8, ms: 89_601, personalBest: false, overallBest: false, deleted: false },
      bestLap: { lapNumber: 2, ms: 89_117, personalBest: true, overallBest: true },
    });
    expect(driver("PIA").lastLap).toMatchObject({ lapNumber: 8, ms: 89_496, personalBest: true });
    // 1:30.219 on lap 5 was deleted at 13:14:11: lap 6 is Lawson's best.
    expect(driver("LAW").bestLap).toMatchObject({ lapNumber: 6, ms: 90_325 });
    const pia = driver("PIA");
    expect(pia.sectorsLap).toBe(9);
    expect(pia.sectors[0]?.ms).toBeGreaterThan(17_000);
  });

  it("has the first stops: pit-lane times, new tyres and their age", () => {
    expect(driver("HUL")).toMatchObject({ pitStops: 1, lastPitLaneMs: 21_600, tyre: { compound: "HARD", ageLaps: 1, stintNumber: 2 } });
    expect(driver("HAM")).toMatchObject({ pitStops: 1, lastPitLaneMs: 21_600, tyre: { compound: "HARD", ageLaps: 0, stintNumber: 2 } });
    expect(driver("ALB")).toMatchObject({ pitStops: 1, lastPitLaneMs: 21_500, tyre: { compound: "HARD", ageLaps: 0, stintNumber: 2 } });
    expect(driver("VER")).toMatchObject({ pitStops: 0, lastPitLaneMs: null, tyre: { compound: "MEDIUM", ageLaps: 8, stintNumber: 1 } });
    expect(driver("ALO").tyre).toMatchObject({ compound: "MEDIUM", ageLaps: 9 });
    expect(state.drivers.every((d) => d.status === "running")).toBe(true);
  });

  it("has the flag, the latest race-control messages and the weather", () => {
    expect(state.trackStatus).toBe("green");
    expect(state.raceControl.slice(0, 2).map((entry) => [entry.at, entry.message])).toEqual([
      ["2025-12-07T13:16:30.000Z", "FIA STEWARDS: TURN 5 INCIDENT INVOLVING CARS 10 (GAS) AND 27 (HUL) UNDER INVESTIGATION - CAUSING A COLLISION"],
      ["2025-12-07T13:16:01.000Z", "CAR 22 (TSU) TIME 1:30.395 DELETED - TRACK LIMITS AT TURN 1 LAP 8 17:14:16"],
    ]);
    expect(state.raceControl).toHaveLength(RACE_CONTROL_KEPT);
    expect(state.weather).toMatchObject({ at: "2025-12-07T13:16:07.500Z", airTemperatureC: 26.7, trackTemperatureC: 31.4, humidityPct: 61, rainfall: false });
    expect(driver("VER")).toMatchObject({ teamName: "Red Bull Racing", teamColour: "#4781D7", name: "Max VERSTAPPEN", gridPosition: null });
  });
});

describe("time travel", () => {
  it("shows cars in the pit lane between pit entry and exit", () => {
    const early = replay.stateAt(at("2025-12-07T13:15:50Z"));
    const status = (acronym: string) => early.drivers.find((d) => d.acronym === acronym)?.status;
    expect([status("HAM"), status("ALB"), status("HUL"), status("VER")]).toEqual(["in-pit", "in-pit", "running", "running"]);
  });

  it("gives the state a builder reaches applying every record up to the moment", () => {
    const builder = RaceStateBuilder.start();
    for (const timed of sessionTimeline(records)) if (timed.at <= MOMENT) builder.apply(timed.record, timed.at);
    expect(replay.stateAt(MOMENT)).toEqual(builder.snapshot(MOMENT));
  });

  it("goes back and forth: a state asked for again is the same", () => {
    const first = replay.stateAt(at("2025-12-07T13:10:00Z"));
    replay.stateAt(at("2025-12-07T13:16:00Z"));
    expect(replay.stateAt(at("2025-12-07T13:10:00Z"))).toEqual(first);
    expect(first.lap).toBe(5);
  });

  it("before the start has the grid from the first position rows and no laps", () => {
    const grid = replay.stateAt(at("2025-12-07T12:30:00Z"));
    expect(grid.lap).toBeNull();
    expect(grid.drivers.slice(0, 4).map((d) => d.acronym)).toEqual(["VER", "NOR", "PIA", "RUS"]);
    expect(grid.drivers.every((d) => d.lastLap === null && d.tyre?.compound !== undefined)).toBe(true);
  });

  it("takes the records an overlapping poll sends again without a change", () => {
    const timeline = sessionTimeline(records).filter((timed) => timed.at <= MOMENT);
    const builder = RaceStateBuilder.start();
    for (const timed of timeline) builder.apply(timed.record, timed.at);
    for (const timed of timeline.filter((again) => again.at > MOMENT - 90_000).reverse()) builder.apply(timed.record, MOMENT);
    expect(builder.snapshot(MOMENT)).toEqual(state);
  });

  it("carries on from a saved state as if it had never stopped", () => {
    const timeline = sessionTimeline(records);
    const half = timeline.findIndex((timed) => timed.at > at("2025-12-07T13:10:00Z"));
    const builder = RaceStateBuilder.start();
    timeline.slice(0, half).forEach((timed) => builder.apply(timed.record, timed.at));
    const restored = RaceStateBuilder.restore(JSON.parse(JSON.stringify(builder.save())));
    for (const timed of timeline.slice(half)) if (timed.at <= MOMENT) restored.apply(timed.record, timed.at);
    expect(restored.snapshot(MOMENT)).toEqual(state);
  });
});
