import { RandomForestRegression } from "ml-random-forest";
import { median } from "../derive/lap-facts";
import type { PaceRow } from "./lap-table";
import { mulberry32 } from "@/lib/random";
import { sampleOf } from "./sample";
import { PACE_FEATURES } from "./features";
import { loadBoostedTrees, trainBoostedTrees, type BoostedTrees, type BoostingOptions, type StoredBoostedTrees } from "./boosted-trees";

export interface PaceModelOptions {
  trees: number;
  maxDepth: number;
  /** A node with this many laps or fewer is a leaf. */
  minLeafLaps: number;
  /** Share of the features each tree sees. */
  featureShare: number;
  /** Laps a fit trains on at most: the most recent half, and a random draw from the older ones. */
  sampleLaps: number;
  /** Largest correction the model may learn, as a share of the baseline. */
  maxCorrection: number;
  /** Boosted trees trained beside the forest on every training lap; the prediction is the mean of the two. */
  boosting: BoostingOptions;
  seed: number;
}

// ml-cart searches splits in time quadratic in a node's laps, so a fit stays at a few hundred laps: 300 laps and 24
// trees train in about half a second. More laps or deeper trees did not predict better on the tuning races. A model
// trained on the first wet hour of Spa 2020 learned 5-8 % corrections and did worse than the baseline for hours:
// 3 % bounds that and leaves room for the corrections that hold (traffic, fresh tyres, a new driver). With the
// reference following the field's trend (see TREND_SHARES), 5 % did slightly better on the tuning races but worse
// on Le Mans 2024 LMP2 (0.882 -> 0.901 of the baseline's error): 3 % stays.
//
// Boosted trees (XGBoost) train on every training lap in a fraction of the forest's time, and err differently: the
// mean of the two beat the forest alone in 9 of the 10 classes of the tuning races (mean ratio to the baseline
// 0.768 -> 0.755) and in 20 of 21 classes of ten WEC races of 2024-2026 it was not tuned on (0.788 -> 0.760).
// Boosted trees alone did worse on the short wet races (Spa 2020 GTE: 0.77 -> 0.85).
export const PACE_MODEL: PaceModelOptions = {
  trees: 24,
  maxDepth: 8,
  minLeafLaps: 12,
  featureShare: 0.5,
  sampleLaps: 300,
  maxCorrection: 0.03,
  boosting: { rounds: 100, maxDepth: 4, learningRate: 0.05, minLeafLaps: 20, lapShare: 0.5, featureShare: 0.7 },
  seed: 20_240_615,
};

// The forest corrects a reference that follows the field, not the bare baseline: the baseline times the field's
// trend (fieldTrend, the other cars' latest green laps against their own baselines) to a share. Under the 3 % cap
// the forest alone cannot follow the 5-20 % a track drying or getting wet moves every car, and the baseline
// follows only five laps later. On dry, steady racing the trend is mostly noise (Spa 2025: any fixed share did
// worse on its GT3s), while in changing conditions half to all of it holds (Spa 2020, Daytona 2019): each fit
// takes the share that best predicted its class's training laps.
const TREND_SHARES = [0, 0.25, 0.5, 0.75, 1];
const FIELD_TREND = PACE_FEATURES.indexOf("fieldTrend");

// Targets are clipped to the median residual plus or minus this many median absolute deviations: leaves are
// means, and a spin or a slow zone in the training laps would otherwise drag every prediction near it.
const CLIP_MADS = 3;
const MIN_MAD = 0.001;

/** One class's model as trained at one moment, from laps completed by then and no others. */
export interface PaceFit {
  carClass: string | null;
  trainedAtMs: number;
  /** Green laps of the class known at that moment (the fit drew its sample from them). */
  trainingLaps: number;
  forest: RandomForestRegression;
  /** Null in fits stored before boosted trees were trained beside the forest: they predict with the forest alone. */
  boosted: BoostedTrees | null;
  /** Share of the field's trend the reference follows (see TREND_SHARES). */
  trendShare: number;
}

/** A fit as plain JSON, to keep between background steps. */
export interface StoredPaceFit {
  carClass: string | null;
  trainedAtMs: number;
  trainingLaps: number;
  forest: ReturnType<RandomForestRegression["toJSON"]>;
  /** Absent in fits stored before the reference followed the field: they correct the bare baseline. */
  trendShare?: number;
  /** Absent in fits stored before boosted trees were trained beside the forest. */
  boosted?: StoredBoostedTrees;
}

/** A lap a model can learn from: green, with a baseline and inputs. */
export type TrainingRow = PaceRow & { baselineMs: number; features: number[] };

/** Laps a fit at race time `atMs` may learn from: green laps of the class, with inputs, completed by then. */
export function trainingRows(rows: readonly PaceRow[], carClass: string | null, atMs: number): TrainingRow[] {
  return rows.filter((row): row is TrainingRow => row.carClass === carClass && row.green && row.features !== null && row.baselineMs !== null && row.endMs <= atMs);
}

/** The reference a fit corrects, as a ratio to the baseline: the field's trend to the fit's share. */
function reference(features: readonly number[], trendShare: number): number {
  return 1 + trendShare * (features[FIELD_TREND] ?? 0);
}

/** The share of the field's trend that predicted these laps best (least absolute error). */
function trendShareOf(rows: readonly TrainingRow[]): number {
  let best = 0;
  let bestError = Infinity;
  for (const share of TREND_SHARES) {
    let error = 0;
    for (const row of rows) error += Math.abs(row.lapTimeMs / row.baselineMs - reference(row.features, share));
    if (error < bestError) {
      best = share;
      bestError = error;
    }
  }
  return best;
}

/**
 * Trains a forest on how a class's laps differ from their reference (as a ratio): the forest learns corrections
 * to the median of the last five laps moved with the field (see TREND_SHARES), not lap times, so it carries over
 * from one circuit to another.
 */
export function fitPace(rows: readonly TrainingRow[], carClass: string | null, trainedAtMs: number, options: PaceModelOptions = PACE_MODEL): PaceFit {
  const trendShare = trendShareOf(rows);
  const residuals = rows.map((row) => row.lapTimeMs / (row.baselineMs * reference(row.features, trendShare)) - 1);
  const center = median(residuals) ?? 0;
  const spread = Math.max(MIN_MAD, median(residuals.map((value) => Math.abs(value - center))) ?? 0);
  const low = Math.max(-options.maxCorrection, center - CLIP_MADS * spread);
  const high = Math.min(options.maxCorrection, center + CLIP_MADS * spread);
  const targets = residuals.map((value) => Math.min(high, Math.max(low, value)));
  const seed = options.seed + rows.length;
  // The forest's sample: the most recent half, and a random draw from the older laps (see PACE_MODEL).
  const recent = Math.min(rows.length, Math.floor(options.sampleLaps / 2));
  const older = rows.length - recent;
  const sample = [...sampleOf([...Array(older).keys()], options.sampleLaps - recent, mulberry32(seed)), ...Array.from({ length: recent }, (_, i) => older + i)];
  const forest = new RandomForestRegression({
    nEstimators: options.trees,
    maxFeatures: options.featureShare,
    seed,
    noOOB: true,
    // The trees' median: lap times err slow far more often than fast, and MAE is minimised by a median.
    selectionMethod: "median",
    treeOptions: { maxDepth: options.maxDepth, minNumSamples: options.minLeafLaps },
  });
  forest.train(
    sample.map((i) => rows[i]!.features),
    sample.map((i) => targets[i]!),
  );
  const boosted = trainBoostedTrees(
    rows.map((row) => row.features),
    targets,
    center,
    options.boosting,
    seed,
  );
  return { carClass, trainedAtMs, trainingLaps: rows.length, forest, boosted, trendShare };
}

/** Predicted lap times (ms) for laps with these baselines and inputs. */
export function predictPace(fit: PaceFit, laps: readonly { baselineMs: number; features: number[] }[]): number[] {
  if (laps.length === 0) return [];
  const features = laps.map((lap) => lap.features);
  const forest = fit.forest.predict(features);
  const boosted = fit.boosted?.predict(features);
  return laps.map((lap, i) => {
    const correction = boosted ? ((forest[i] ?? 0) + (boosted[i] ?? 0)) / 2 : (forest[i] ?? 0);
    return lap.baselineMs * reference(lap.features, fit.trendShare) * (1 + correction);
  });
}

/** The class's latest fit trained at or before `atMs`. */
export function fitAt(fits: readonly PaceFit[], carClass: string | null, atMs: number): PaceFit | null {
  let found: PaceFit | null = null;
  for (const fit of fits) if (fit.carClass === carClass && fit.trainedAtMs <= atMs && (!found || fit.trainedAtMs >= found.trainedAtMs)) found = fit;
  return found;
}

export function storePaceFit(fit: PaceFit): StoredPaceFit {
  return { carClass: fit.carClass, trainedAtMs: fit.trainedAtMs, trainingLaps: fit.trainingLaps, forest: fit.forest.toJSON(), trendShare: fit.trendShare, boosted: fit.boosted?.store() };
}

export function loadPaceFit(stored: StoredPaceFit): PaceFit {
  return { carClass: stored.carClass, trainedAtMs: stored.trainedAtMs, trainingLaps: stored.trainingLaps, forest: RandomForestRegression.load(stored.forest),
    boosted: stored.boosted ? loadBoostedTrees(stored.boosted) : null,
    trendShare: stored.trendShare ?? 0,
  };
}
