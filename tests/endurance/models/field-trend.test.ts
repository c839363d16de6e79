import { describe, expect, it } from "vitest";
import { buildLapTable, PACE_FEATURES } from "@/lib/endurance/models";
import type { LapRecord } from "@/lib/endurance/records";

// Eight cars lapping in 100 s (sectors 30, 30 and 40 s); on their eighth lap seven of them meet something, and car
// 1, crossing last, starts its ninth lap: its fieldTrend input says what the field's trend makes of it.
const NORMAL: LapRecord["sectorsMs"] = [30_000, 30_000, 40_000];

function lap(car: string, number: number, elapsedMs: number, sectorsMs: LapRecord["sectorsMs"], lapTimeMs: number): LapRecord {
  return {
    car,
    lap: number,
    driverNumber: 1,
    driver: `Driver ${car}`,
    lapTimeMs,
    sectorsMs,
    kph: null,
    topSpeedKph: null,
    elapsedMs,
    timeOfDayMs: null,
    improvement: null,
    inLap: false,
    outLap: false,
    pitTimeMs: null,
    flag: "green",
    flagCode: "GF",
    carClass: "HYPERCAR",
    group: null,
    team: null,
    manufacturer: null,
  };
}

function fieldTrendOfCarOne(eighthLap: LapRecord["sectorsMs"], eighthLapMs: number): number {
  const laps: LapRecord[] = [];
  for (let car = 1; car <= 8; car += 1) {
    const offsetMs = car === 1 ? 90_000 : (car - 2) * 10_000;
    for (let number = 1; number <= 8; number += 1) {
      const slowed = car !== 1 && number === 8;
      const elapsedMs = offsetMs + (number - 1) * 100_000 + (slowed ? eighthLapMs : 100_000);
      laps.push(lap(String(car), number, elapsedMs, slowed ? eighthLap : NORMAL, slowed ? eighthLapMs : 100_000));
    }
  }
  const next = buildLapTable(laps).next.find((entry) => entry.car === "1");
  return next?.features?.[PACE_FEATURES.indexOf("fieldTrend")] ?? Number.NaN;
}

describe("the field's trend", () => {
  it("follows a slowdown over the whole track (rain)", () => {
    expect(fieldTrendOfCarOne([33_000, 33_000, 44_000], 110_000)).toBeCloseTo(0.1, 6);
  });

  it("leaves out a slowdown in one sector (a slow zone, a local yellow): it is gone by the time the car gets there", () => {
    // The field ran 12 % slower, all of it in the last sector.
    expect(Math.abs(fieldTrendOfCarOne([30_000, 30_000, 52_000], 112_000))).toBeLessThan(0.01);
  });

  it("follows the whole lap where sectors are not timed", () => {
    expect(fieldTrendOfCarOne([null, null, null], 112_000)).toBeCloseTo(0.12, 6);
  });
});
