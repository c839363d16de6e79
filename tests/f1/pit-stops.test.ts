import { describe, expect, it } from "vitest";
import type { Compound, GridSlot, Lap, PitStop, RaceControlMessage, RaceRecord, Stint } from "@/lib/f1/records";
import { RaceReplay } from "@/lib/f1/state/replay";

// A made-up race of five cars doing 90 s laps from 14:00:00: a virtual safety car on lap 20, a safety car from
// lap 29 to lap 32.
const START = Date.parse("2025-06-01T14:00:00Z");
const second = (s: number) => new Date(START + s * 1000);
const LAP = 90;

const lap = (driverNumber: number, lapNumber: number): Lap => ({
  kind: "lap",
  sessionKey: 1,
  driverNumber,
  lapNumber,
  startedAt: second((lapNumber - 1) * LAP),
  lapMs: LAP * 1000,
  sectorMs: [18_000, 38_000, 34_000],
  miniSectors: [[], [], []],
  intermediate1Kph: null,
  intermediate2Kph: null,
  speedTrapKph: null,
  pitOutLap: false,
});
// In on `lapNumber`, out `laneSeconds` later: OpenF1 dates the visit at the pit exit.
const pit = (driverNumber: number, lapNumber: number, laneSeconds: number): PitStop => ({
  kind: "pit",
  sessionKey: 1,
  driverNumber,
  lapNumber,
  at: second(lapNumber * LAP - 3 + laneSeconds),
  laneMs: laneSeconds * 1000,
  stationaryMs: null,
});
const stint = (driverNumber: number, stintNumber: number, compound: Compound, lapStart: number, tyreAgeAtStart: number): Stint => ({
  kind: "stint",
  sessionKey: 1,
  driverNumber,
  stintNumber,
  compound,
  lapStart,
  lapEnd: null,
  tyreAgeAtStart,
});
const message = (s: number, category: string, text: string): RaceControlMessage => ({
  kind: "race-control",
  sessionKey: 1,
  at: second(s),
  category,
  flag: null,
  scope: null,
  sector: null,
  driverNumber: null,
  lapNumber: null,
  message: text,
  qualifyingPhase: null,
});
const grid = (driverNumber: number): GridSlot => ({ kind: "grid", sessionKey: 1, driverNumber, position: driverNumber, qualifyingLapMs: null });

const CARS = [1, 2, 3, 4, 5];
const records: RaceRecord[] = [
  ...CARS.flatMap((car) => [grid(car), stint(car, 1, "MEDIUM", 1, 0), ...Array.from({ length: 34 }, (_, i) => lap(car, i + 1))]),
  message(19 * LAP + 40, "SafetyCar", "VIRTUAL SAFETY CAR DEPLOYED"),
  message(19 * LAP + 95, "SafetyCar", "VIRTUAL SAFETY CAR ENDING"),
  message(28 * LAP + 45, "SafetyCar", "SAFETY CAR DEPLOYED"),
  message(31 * LAP + 5, "SafetyCar", "SAFETY CAR IN THIS LAP"),
  // Car 1 stops under green on lap 10 for hards.
  pit(1, 10, 22),
  stint(1, 2, "HARD", 11, 0),
  // Car 5 passes through the pit lane under the virtual safety car on lap 20.
  pit(5, 20, 18),
  // Under the safety car, on lap 30: car 2 passes through the pit lane, car 3 takes hards, car 4 comes out on the set it
  // went in with (the timing opens a stint for it all the same).
  pit(2, 30, 18),
  pit(3, 30, 22),
  stint(3, 2, "HARD", 31, 0),
  pit(4, 30, 19),
  stint(4, 2, "MEDIUM", 31, 30),
];

const replay = RaceReplay.build(records);
const stopsAt = (s: number) => Object.fromEntries(replay.stateAt(START + s * 1000).drivers.map((d) => [d.driverNumber, d.pitStops]));
const statusAt = (s: number) => Object.fromEntries(replay.stateAt(START + s * 1000).drivers.map((d) => [d.driverNumber, d.status]));

describe("pit stops under a safety car", () => {
  it("counts a stop under green as soon as the car is in the pit lane", () => {
    expect(stopsAt(10 * LAP - 1)[1]).toBe(1);
    expect(statusAt(10 * LAP - 1)[1]).toBe("in-pit");
    expect(stopsAt(10 * LAP + 30)[1]).toBe(1);
  });

  it("does not count a pass through the pit lane under a safety car or a virtual safety car", () => {
    expect(replay.stateAt(START + (20 * LAP - 1) * 1000).trackStatus).toBe("virtual-safety-car");
    expect(stopsAt(20 * LAP)[5]).toBe(0);
    expect(stopsAt(30 * LAP)[2]).toBe(0);
    expect(stopsAt(34 * LAP)).toEqual({ 1: 1, 2: 0, 3: 1, 4: 0, 5: 0 });
  });

  it("counts a stop under a safety car once new tyres are seen", () => {
    expect(statusAt(30 * LAP + 5)).toMatchObject({ 2: "in-pit", 3: "in-pit", 4: "in-pit" });
    expect(stopsAt(30 * LAP + 5)[3]).toBe(0);
    expect(stopsAt(30 * LAP + 20)[3]).toBe(1);
    const car3 = replay.stateAt(START + (31 * LAP + 10) * 1000).drivers.find((d) => d.driverNumber === 3);
    expect(car3).toMatchObject({ pitStops: 1, lastPitLaneMs: 22_000, tyre: { compound: "HARD", ageLaps: 1, stintNumber: 2 } });
  });

  it("keeps the age of a set that only went through the pit lane", () => {
    const car4 = replay.stateAt(START + (33 * LAP + 10) * 1000).drivers.find((d) => d.driverNumber === 4);
    expect(car4?.tyre).toEqual({ compound: "MEDIUM", ageLaps: 33, stintNumber: 2 });
  });

  it("follows the flag through the safety-car periods", () => {
    const status = (s: number) => replay.stateAt(START + s * 1000).trackStatus;
    expect([status(19 * LAP + 30), status(19 * LAP + 50), status(19 * LAP + 100), status(19 * LAP + 120)]).toEqual([
      "green",
      "virtual-safety-car",
      "virtual-safety-car-ending",
      "green",
    ]);
    expect([status(28 * LAP + 50), status(31 * LAP + 10), status(32 * LAP + 1)]).toEqual(["safety-car", "safety-car-ending", "green"]);
  });

  it("fills the order from the grid when no position was ever reported", () => {
    expect(replay.stateAt(START + 60_000).drivers.map((d) => [d.position, d.driverNumber])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [5, 5],
    ]);
  });
});
