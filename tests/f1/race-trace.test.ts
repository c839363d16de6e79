import { describe, expect, it } from "vitest";
import { lapCrossings, lastCrossingBy, raceTrace, stintsSoFar, type TraceLap } from "@/lib/f1/race-trace";

const T0 = Date.parse("2025-12-07T13:03:00Z");
const lap = (driverNumber: number, lapNumber: number, startS: number | null, lapS: number | null): TraceLap => ({
  driverNumber,
  lapNumber,
  startedAt: startS === null ? null : new Date(T0 + startS * 1000).toISOString(),
  lapMs: lapS === null ? null : lapS * 1000,
});

// Car 1 leads; its lap 3 has no time (it ends when lap 4 starts). Car 4 follows; its untimed lap 3 has no next lap yet.
// Car 22 is lapped: it ends lap 2 after the leader has ended lap 3.
const laps = [
  lap(1, 1, 0, 100),
  lap(1, 2, 100, 90),
  lap(1, 3, 190, null),
  lap(1, 4, 285, 91),
  lap(4, 1, 0, 102),
  lap(4, 2, 102, 95),
  lap(4, 3, 197, null),
  lap(22, 1, 0, 110),
  lap(22, 2, 110, 190),
];

describe("race trace", () => {
  const crossings = lapCrossings(laps);

  it("ends a lap at its start plus its time, or at the next lap's start, and leaves out ends it cannot know", () => {
    expect(crossings.map((c) => [c.driverNumber, c.lapNumber, (c.atMs - T0) / 1000])).toEqual([
      [1, 1, 100],
      [4, 1, 102],
      [22, 1, 110],
      [1, 2, 190],
      [4, 2, 197],
      [1, 3, 285],
      [22, 2, 300],
      [1, 4, 376],
    ]);
  });

  it("gives each driver's gap to the first car to end each lap, as known at the moment", () => {
    expect(raceTrace(crossings, [1, 4, 22], T0 + 300_000)).toEqual({
      laps: [1, 2, 3],
      gaps: [
        [0, 0, 0],
        [2, 7, null],
        [10, 110, null],
      ],
    });
    // 50 s earlier car 22 had not ended lap 2 and nobody lap 3.
    expect(raceTrace(crossings, [22, 1], T0 + 250_000)).toEqual({ laps: [1, 2], gaps: [[10, null], [0, 0]] });
    expect(raceTrace(crossings, [1], T0 + 50_000)).toEqual({ laps: [], gaps: [[]] });
  });

  it("names the newest lap end at or before a moment, so the chart is redrawn only when it changes", () => {
    expect(lastCrossingBy(crossings, T0 + 99_999)).toBe(0);
    expect(lastCrossingBy(crossings, T0 + 100_000)).toBe(T0 + 100_000);
    expect(lastCrossingBy(crossings, T0 + 250_000)).toBe(T0 + 197_000);
    expect(lastCrossingBy(crossings, T0 + 999_000)).toBe(T0 + 376_000);
  });
});

describe("stints so far", () => {
  const stints = [
    { driverNumber: 1, stintNumber: 2, compound: "HARD", lapStart: 19, lapEnd: null, tyreAgeAtStart: 0 },
    { driverNumber: 1, stintNumber: 1, compound: "SOFT", lapStart: 1, lapEnd: 18, tyreAgeAtStart: 3 },
    { driverNumber: 1, stintNumber: 3, compound: "MEDIUM", lapStart: 40, lapEnd: 58, tyreAgeAtStart: 0 },
    { driverNumber: 4, stintNumber: 1, compound: "MEDIUM", lapStart: 1, lapEnd: 25, tyreAgeAtStart: 0 },
  ];

  it("cuts the current stint at the driver's lap and leaves out those still to come", () => {
    expect(stintsSoFar(stints, 1, 30)).toEqual([
      { stintNumber: 1, compound: "SOFT", fromLap: 1, toLap: 18, ageAtStart: 3 },
      { stintNumber: 2, compound: "HARD", fromLap: 19, toLap: 30, ageAtStart: 0 },
    ]);
    expect(stintsSoFar(stints, 4, 10)).toEqual([{ stintNumber: 1, compound: "MEDIUM", fromLap: 1, toLap: 10, ageAtStart: 0 }]);
    expect(stintsSoFar(stints, 1, null)).toEqual([]);
  });
});
