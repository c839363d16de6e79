import { describe, expect, it } from "vitest";
import { raceStrategy } from "@/lib/endurance/models";
import { raceTime } from "../support";
import { threeCars } from "./support";

// Seen when 007 completes lap 100 (4:13:06.840). Its stints so far (derive tests): 1-25, 26-34, 35-63, 64-80,
// 81-95, then 96 on; 99 retired in the pits after a 22-lap stint. It went on to stop on laps 122 and 147 and
// finish with 150 laps.
const at = threeCars.find((lap) => lap.car === "007" && lap.lap === 100)?.elapsedMs ?? 0;
const strategy = raceStrategy(threeCars, { raceDurationMs: raceTime(6, 0, 0), nowMs: at });
const car = (number: string) => strategy.cars.find((entry) => entry.car === number);

describe("strategy (hand-checked on car 007)", () => {
  it("keeps full stints: a stint under 60 % of the class's median was cut short", () => {
    // Ended in the pits: 25, 9, 29, 17, 15 (007) and 22 (99); median 19.5, so the 9-lap stint is left out.
    expect(strategy.stintLengths.find((entry) => entry.carClass === "HYPERCAR")).toEqual({ carClass: "HYPERCAR", stints: 5, typicalLaps: 22, shortestLaps: 17, longestLaps: 25 });
    expect(car("007")?.stintLength).toEqual({ typicalLaps: 21, shortestLaps: 15, longestLaps: 29, source: "car" });
  });

  it("opens the next window at the car's shortest full stint and closes it at its longest", () => {
    // Five laps into the stint that began on lap 96: laps 110 to 124 (it stopped on lap 122).
    expect(car("007")).toMatchObject({ laps: 100, stintLaps: 5, pitWindow: { opensLap: 110, closesLap: 124 } });
    const { paceMs, pitWindow } = car("007") ?? {};
    expect(pitWindow?.opensMs).toBe(at + 10 * (paceMs ?? 0));
    expect(pitWindow?.closesMs).toBe(at + 24 * (paceMs ?? 0));
  });

  it("counts the stops still needed and projects the laps at the flag with them", () => {
    // About 50 laps to go at its pace, 16 of them left in this stint: two more stops, as it made.
    expect(car("007")).toMatchObject({ stopsToGo: 2, finished: false, stopped: false, projectedClassPosition: 1 });
    expect(car("007")?.projectedLaps).toBeGreaterThanOrEqual(147);
    expect(car("007")?.projectedLaps).toBeLessThanOrEqual(151);
  });

  it("keeps a car that stopped at its laps, behind the running cars of its class", () => {
    expect(car("99")).toMatchObject({ stopped: true, projectedLaps: 22, pitWindow: null, projectedClassPosition: 2 });
  });

  it("falls back on the class's stint length until a car has two full stints", () => {
    const early = raceStrategy(threeCars, { raceDurationMs: raceTime(6, 0, 0), nowMs: raceTime(1, 10, 0) });
    // By 1:10 007 has one full stint (25 laps) and 99 its 22: the class's median and middle half stand in.
    expect(early.cars.find((entry) => entry.car === "007")?.stintLength).toEqual({ typicalLaps: 23.5, shortestLaps: 22.75, longestLaps: 24.25, source: "class" });
  });
});
