import { describe, expect, it } from "vitest";
import { errorByBaselineMiss, errorByRaceTime, type LapPrediction } from "@/lib/endurance/models";

const HOUR = 3_600_000;

function prediction(carClass: string, endMs: number, baselineMissMs: number, modelMissMs: number | null, scored = true): LapPrediction {
  const actualMs = 100_000;
  return { car: "7", lap: 1, carClass, startMs: endMs - actualMs, endMs, actualMs, baselineMs: actualMs + baselineMissMs, modelMs: modelMissMs === null ? null : actualMs + modelMissMs, scored };
}

describe("where the prediction error comes from", () => {
  // LMP2: two close laps in the first hour (baseline 0.2 % off), one 3 % miss in the third; plus laps that do not count.
  const laps = [
    prediction("LMP2", 0.5 * HOUR, 200, 100),
    prediction("LMP2", 1.5 * HOUR, -200, 300),
    prediction("LMP2", 2.5 * HOUR, -3_100, -1_500),
    prediction("LMP2", 2.6 * HOUR, 9_000, 0, false),
    prediction("LMP2", 2.7 * HOUR, 9_000, null),
    prediction("GT", 0.5 * HOUR, 5_000, 0),
  ];

  it("splits a class's scored laps by stretch of race time, with each stretch's share of the baseline's error", () => {
    const slices = errorByRaceTime(laps, "LMP2", 2 * HOUR);
    expect(slices.map(({ label, accuracy, baselineShare }) => [label, accuracy.laps, accuracy.modelMaeMs, accuracy.baselineMaeMs, baselineShare])).toEqual([
      ["0-2 h", 2, 200, 200, 400 / 3_500],
      ["2-4 h", 1, 1_500, 3_100, 3_100 / 3_500],
    ]);
  });

  it("splits them by how far the baseline missed, as a share of its prediction", () => {
    const slices = errorByBaselineMiss(laps, "LMP2");
    expect(slices.map(({ label, accuracy }) => [label, accuracy.laps, accuracy.ratio])).toEqual([
      ["0.0 %-0.5 %", 2, 1],
      ["over 2.5 %", 1, 1_500 / 3_100],
    ]);
  });
});
