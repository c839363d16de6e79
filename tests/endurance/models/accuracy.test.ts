import { describe, expect, it } from "vitest";
import { accuracyByClass, MIN_SCORED_LAPS, type LapPrediction } from "@/lib/endurance/models";

function prediction(carClass: string, lap: number, actualMs: number, baselineMs: number, modelMs: number | null, scored = true): LapPrediction {
  return { car: "1", lap, carClass, startMs: lap * 100_000, endMs: (lap + 1) * 100_000, actualMs, baselineMs, modelMs, scored };
}

describe("accuracy per class", () => {
  // 40 LMP2 laps: the baseline misses by 1.0 s, the model by 0.6 s; one lap unscored and one before any model.
  const lmp2 = Array.from({ length: MIN_SCORED_LAPS + 10 }, (_, i) => prediction("LMP2", i + 1, 200_000, i % 2 ? 201_000 : 199_000, i % 2 ? 200_600 : 199_400));
  const extra = [prediction("LMP2", 41, 250_000, 200_000, 200_000, false), prediction("LMP2", 42, 200_000, 210_000, null)];
  // Three GT laps where the model is worse: too few to switch anyway.
  const gt = [1, 2, 3].map((lap) => prediction("GT", lap, 100_000, 100_500, 99_000));

  it("averages absolute errors over scored laps both predicted, and uses the model where it is better", () => {
    expect(accuracyByClass([...lmp2, ...extra, ...gt])).toEqual([
      { carClass: "LMP2", laps: 40, modelMaeMs: 600, baselineMaeMs: 1_000, ratio: 0.6, use: "model" },
      { carClass: "GT", laps: 3, modelMaeMs: 1_000, baselineMaeMs: 500, ratio: 2, use: "baseline" },
    ]);
  });

  it("keeps the baseline below the minimum of scored laps, and measures a window of race time", () => {
    const recent = accuracyByClass(lmp2, { fromMs: 3_100_000 });
    expect(recent).toEqual([{ carClass: "LMP2", laps: 10, modelMaeMs: 600, baselineMaeMs: 1_000, ratio: 0.6, use: "baseline" }]);
    expect(accuracyByClass(lmp2, { toMs: 500_000 })[0]?.laps).toBe(4);
  });

  it("lists a class with no model yet, on the baseline", () => {
    expect(accuracyByClass([prediction("GT", 1, 100_000, 100_500, null)])).toEqual([{ carClass: "GT", laps: 0, modelMaeMs: null, baselineMaeMs: null, ratio: null, use: "baseline" }]);
  });
});
