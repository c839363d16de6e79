import { RandomForestRegression } from "ml-random-forest";
import { median } from "../derive/lap-facts";
import type { PaceRow } from "./lap-table";
import { mulberry32 } from "@/lib/random";
import { sampleOf } from "./sample";

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
  seed: number;
}

// ml-cart searches splits in time quadratic in a node's laps, so a fit stays at a few hundred laps: 300 laps and 24
// trees train in about half a second. More laps or deeper trees did not predict better on the tuning races. A model
// trained on the first wet hour of Spa 2020 learned 5-8 % corrections and did worse than the baseline for hours:
// 3 % bounds that and leaves room for the corrections that hold (traffic, fresh tyres, a new driver).
export const PACE_MODEL: PaceModelOptions = { trees: 24, maxDepth: 8, minLeafLaps: 12, featureShare: 0.5, sampleLaps: 300, maxCorrection: 0.03, seed: 20_240_615 };

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
}

/** A fit as plain JSON, to keep between background steps. */
export interface StoredPaceFit {
  carClass: string | null;
  trainedAtMs: number;
  trainingLaps: number;
  forest: ReturnType<RandomForestRegression["toJSON"]>;
}

/** A lap a model can learn from: green, with a baseline and inputs. */
export type TrainingRow = PaceRow & { baselineMs: number; features: number[] };

/** Laps a fit at race time `atMs` may learn from: green laps of the class, with inputs, completed by then. */
export function trainingRows(rows: readonly PaceRow[], carClass: string | null, atMs: number): TrainingRow[] {
  return rows.filter((row): row is TrainingRow => row.carClass === carClass && row.green && row.features !== null && row.baselineMs !== null && row.endMs <= atMs);
}

/**
 * Trains a forest on how a class's laps differ from their baseline (as a ratio): the forest learns corrections
 * to the median of the last five laps, not lap times, so it carries over from one circuit to another.
 */
export function fitPace(rows: readonly TrainingRow[], carClass: string | null, trainedAtMs: number, options: PaceModelOptions = PACE_MODEL): PaceFit {
  const recent = rows.slice(-Math.floor(options.sampleLaps / 2));
  const older = rows.slice(0, rows.length - recent.length);
  const random = mulberry32(options.seed + rows.length);
  const sample = [...sampleOf(older, options.sampleLaps - recent.length, random), ...recent];
  const residuals = sample.map((row) => row.lapTimeMs / row.baselineMs - 1);
  const center = median(residuals) ?? 0;
  const spread = Math.max(MIN_MAD, median(residuals.map((value) => Math.abs(value - center))) ?? 0);
  const low = Math.max(-options.maxCorrection, center - CLIP_MADS * spread);
  const high = Math.min(options.maxCorrection, center + CLIP_MADS * spread);
  const targets = residuals.map((value) => Math.min(high, Math.max(low, value)));
  const forest = new RandomForestRegression({
    nEstimators: options.trees,
    maxFeatures: options.featureShare,
    seed: options.seed + rows.length,
    noOOB: true,
    // The trees' median: lap times err slow far more often than fast, and MAE is minimised by a median.
    selectionMethod: "median",
    treeOptions: { maxDepth: options.maxDepth, minNumSamples: options.minLeafLaps },
  });
  forest.train(
    sample.map((row) => row.features),
    targets,
  );
  return { carClass, trainedAtMs, trainingLaps: rows.length, forest };
}

/** Predicted lap times (ms) for laps with these baselines and inputs. */
export function predictPace(fit: PaceFit, laps: readonly { baselineMs: number; features: number[] }[]): number[] {
  if (laps.length === 0) return [];
  const corrections = fit.forest.predict(laps.map((lap) => lap.features));
  return laps.map((lap, i) => lap.baselineMs * (1 + (corrections[i] ?? 0)));
}

/** The class's latest fit trained at or before `atMs`. */
export function fitAt(fits: readonly PaceFit[], carClass: string | null, atMs: number): PaceFit | null {
  let found: PaceFit | null = null;
  for (const fit of fits) if (fit.carClass === carClass && fit.trainedAtMs <= atMs && (!found || fit.trainedAtMs >= found.trainedAtMs)) found = fit;
  return found;
}

export function storePaceFit(fit: PaceFit): StoredPaceFit {
  return { carClass: fit.carClass, trainedAtMs: fit.trainedAtMs, trainingLaps: fit.trainingLaps, forest: fit.forest.toJSON() };
}

export function loadPaceFit(stored: StoredPaceFit): PaceFit {
  return { carClass: stored.carClass, trainedAtMs: stored.trainedAtMs, trainingLaps: stored.trainingLaps, forest: RandomForestRegression.load(stored.forest) };
}
