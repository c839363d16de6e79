import { describe, expect, it } from "vitest";
import { buildLapTable, detectAnomalies, PACE_FEATURES } from "@/lib/endurance/models";
import { lateHypercars, openingHour } from "./support";

const table = buildLapTable(openingHour);
const anomalies = detectAnomalies(table);
const anomaly = (car: string, lap: number) => anomalies.find((entry) => entry.car === car && entry.lap === lap);
const row = (car: string, lap: number) => table.rows.find((entry) => entry.car === car && entry.lap === lap);

describe("anomalies: slow laps no stop or caution explains (hand-picked laps of Spa 2025)", () => {
  it("does not count a pit in-lap, even a slow one", () => {
    // 12's lap 25 ends in the pit lane, 6.3 s over its baseline.
    expect(row("12", 25)).toMatchObject({ inLap: true, lapTimeMs: 132_241, baselineMs: 125_928 });
    expect(anomaly("12", 25)).toBeUndefined();
  });

  it("does not count laps under a full-course yellow, flagged or not", () => {
    // 36's lap 23 crosses the line under FCY.
    expect(row("36", 23)).toMatchObject({ neutralised: true, lapTimeMs: 183_427 });
    expect(anomaly("36", 23)).toBeUndefined();
    // 93 crossed at 49:44 under green, 63 s slow: the yellow came out during its lap and every car behind lost as
    // much, so it is not 93's anomaly.
    expect(row("93", 23)).toMatchObject({ green: true, lapTimeMs: 189_120, baselineMs: 126_100 });
    expect(anomaly("93", 23)).toBeUndefined();
  });

  it("calls a lone slow lap an incident", () => {
    // 92 (LMGT3) loses 6.3 s in the first sector of its lap 11, the cars around it do not.
    expect(anomaly("92", 11)).toMatchObject({ reason: "incident", sector: 1, lossMs: 6_301, expectedMs: 142_990 });
  });

  it("calls time lost by several cars in one sector a slow zone", () => {
    // At 19:10 Hypercars lose 4-7 s in the second sector, 5 and 009 among them.
    expect(anomaly("5", 9)).toMatchObject({ reason: "slow zone", sector: 2 });
    expect(anomaly("009", 9)).toMatchObject({ reason: "slow zone", sector: 2 });
  });

  it("puts a few seconds lost with cars to pass down to traffic", () => {
    // 38 rejoins from its lap-8 stop among the LMGT3 cars: five slower cars to catch on its lap 10, 5.4 s lost.
    expect(row("38", 10)?.features?.[PACE_FEATURES.indexOf("toOvertake")]).toBe(5);
    expect(anomaly("38", 10)).toMatchObject({ reason: "traffic", lossMs: 5_372 });
  });

  it("puts a new driver's slow first laps down to the driver change", () => {
    // 009 stops on lap 117; RIBERAS takes over from SORENSEN and laps 3.8 s off its baseline on lap 119.
    const late = detectAnomalies(buildLapTable(lateHypercars));
    expect(late.find((entry) => entry.car === "009" && entry.lap === 119)).toMatchObject({ reason: "driver change", driver: "Alex RIBERAS" });
  });

  it("scores with a seeded isolation forest: the same laps give the same scores, whatever Math.random did", () => {
    Math.random();
    expect(detectAnomalies(table)).toEqual(anomalies);
    expect(anomalies.every((entry) => entry.score > 0.5 && entry.score < 1)).toBe(true);
  });
});
