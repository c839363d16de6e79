import type { LapPrediction } from "./backtest";

export type PaceSource = "model" | "baseline";

/** Rolling backtest error of both predictions in one class, and the one the page uses. */
export interface ClassAccuracy {
  carClass: string | null;
  /** Scored laps the model predicted (both are measured on the same laps). */
  laps: number;
  modelMaeMs: number | null;
  baselineMaeMs: number | null;
  /** Model MAE over baseline MAE: below 1 the model is better. */
  ratio: number | null;
  use: PaceSource;
}

/** Below this many scored laps a class keeps the baseline: a few laps say nothing about which is better. */
export const MIN_SCORED_LAPS = 30;

export interface AccuracyWindow {
  /** Count laps that ended after this race time (a rolling window); all laps when absent. */
  fromMs?: number;
  /** Count laps that ended by this race time (a replay, a TV delay). */
  toMs?: number;
}

/** A lap both predictions are measured on: scored (see scoredLaps), and predicted by a model. */
export function countsInAccuracy(prediction: LapPrediction): prediction is LapPrediction & { modelMs: number } {
  return prediction.scored && prediction.modelMs !== null;
}

/** Mean absolute error of model and baseline per class over scored laps, and which of the two to use. */
export function accuracyByClass(predictions: readonly LapPrediction[], window: AccuracyWindow = {}): ClassAccuracy[] {
  const totals = new Map<string | null, { laps: number; model: number; baseline: number }>();
  for (const prediction of predictions) {
    if (!totals.has(prediction.carClass)) totals.set(prediction.carClass, { laps: 0, model: 0, baseline: 0 });
    if (!countsInAccuracy(prediction)) continue;
    if (prediction.endMs <= (window.fromMs ?? -Infinity) || prediction.endMs > (window.toMs ?? Infinity)) continue;
    const total = totals.get(prediction.carClass);
    if (!total) continue;
    total.laps += 1;
    total.model += Math.abs(prediction.modelMs - prediction.actualMs);
    total.baseline += Math.abs(prediction.baselineMs - prediction.actualMs);
  }
  return [...totals].map(([carClass, { laps, model, baseline }]) => {
    const modelMaeMs = laps > 0 ? model / laps : null;
    const baselineMaeMs = laps > 0 ? baseline / laps : null;
    const ratio = modelMaeMs !== null && baselineMaeMs ? modelMaeMs / baselineMaeMs : null;
    return { carClass, laps, modelMaeMs, baselineMaeMs, ratio, use: laps >= MIN_SCORED_LAPS && ratio !== null && ratio < 1 ? "model" : "baseline" };
  });
}
