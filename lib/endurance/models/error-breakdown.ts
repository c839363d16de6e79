import { accuracyByClass, countsInAccuracy, type ClassAccuracy } from "./accuracy";
import type { LapPrediction } from "./backtest";

/** One part of a class's scored laps: its accuracy, and the share of the class's baseline error it holds. */
export interface ErrorSlice {
  label: string;
  accuracy: ClassAccuracy;
  /** Share (0-1) of the whole class's summed baseline error that falls in this part. */
  baselineShare: number;
}

// How far the baseline missed, as a share of its prediction: a fraction of a second on a 1:30 lap, a few seconds at
// Le Mans. Misses past 2.5 % are rain, a slow zone, a spin or heavy traffic; no pace model foresees most of them.
export const MISS_BANDS = [0.005, 0.015, 0.025];

/**
 * Where a class's prediction error comes from, stretch by stretch of race time (`blockMs` each, by the lap's end):
 * a night, a wet spell or a long caution shows as the stretches that hold most of the error.
 */
export function errorByRaceTime(predictions: readonly LapPrediction[], carClass: string | null, blockMs: number): ErrorSlice[] {
  const laps = counted(predictions, carClass);
  const total = baselineError(laps);
  const lastMs = Math.max(0, ...laps.map((lap) => lap.endMs));
  const slices: ErrorSlice[] = [];
  for (let fromMs = 0; fromMs < lastMs; fromMs += blockMs) {
    const inBlock = laps.filter((lap) => lap.endMs > fromMs && lap.endMs <= fromMs + blockMs);
    if (inBlock.length > 0) slices.push(slice(`${hours(fromMs)}-${hours(fromMs + blockMs)} h`, inBlock, total));
  }
  return slices;
}

/** The same laps by how far the baseline missed them (see MISS_BANDS): which misses the model gains on. */
export function errorByBaselineMiss(predictions: readonly LapPrediction[], carClass: string | null, bands: readonly number[] = MISS_BANDS): ErrorSlice[] {
  const laps = counted(predictions, carClass);
  const total = baselineError(laps);
  const edges = [0, ...bands, Infinity];
  return edges.slice(1).flatMap((upper, i) => {
    const lower = edges[i] ?? 0;
    const inBand = laps.filter((lap) => {
      const miss = Math.abs(lap.actualMs - lap.baselineMs) / lap.baselineMs;
      return miss >= lower && miss < upper;
    });
    const label = upper === Infinity ? `over ${percent(lower)}` : `${percent(lower)}-${percent(upper)}`;
    return inBand.length > 0 ? [slice(label, inBand, total)] : [];
  });
}

/** The class's laps that count in its accuracy (see countsInAccuracy). */
function counted(predictions: readonly LapPrediction[], carClass: string | null): LapPrediction[] {
  return predictions.filter((lap) => lap.carClass === carClass && countsInAccuracy(lap));
}

function baselineError(laps: readonly LapPrediction[]): number {
  return laps.reduce((sum, lap) => sum + Math.abs(lap.actualMs - lap.baselineMs), 0);
}

/** A part of the class's laps, with its share of the class's summed baseline error `total`. */
function slice(label: string, part: readonly LapPrediction[], total: number): ErrorSlice {
  const accuracy = accuracyByClass(part)[0];
  if (!accuracy) throw new Error("a slice holds laps of one class");
  return { label, accuracy, baselineShare: total > 0 ? baselineError(part) / total : 0 };
}

const hours = (ms: number) => String(Math.round(ms / 3_600_000));
const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
