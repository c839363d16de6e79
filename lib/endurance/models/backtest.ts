import { lapKey } from "../records";
import type { LapTable, PaceRow } from "./lap-table";
import type { NextLapPrediction } from "./next-lap";
import { fitAt, fitPace, PACE_MODEL, predictPace, trainingRows, type PaceFit, type PaceModelOptions } from "./pace-model";
import { RETRAIN, retrainDue, type RetrainSchedule } from "./schedule";
import { scoredLaps } from "./scored-laps";

/** A lap's two predictions, made at its start, beside what it turned out to be. */
export interface LapPrediction {
  car: string;
  lap: number;
  carClass: string | null;
  startMs: number;
  endMs: number;
  actualMs: number;
  baselineMs: number;
  /** Null before the class's first model. */
  modelMs: number | null;
  /** Counted in the accuracy (see scoredLaps). */
  scored: boolean;
}

export interface ReplayOptions {
  schedule?: RetrainSchedule;
  model?: PaceModelOptions;
}

/**
 * The fits a live race would have made: crossing by crossing, a class due a model (see retrainDue) is trained
 * on the laps completed by then.
 */
export function replayFits(table: LapTable, options: ReplayOptions = {}): PaceFit[] {
  const fits: PaceFit[] = [];
  const latest = new Map<string | null, PaceFit>();
  const known = new Map<string | null, number>();
  for (const row of table.rows) {
    if (!row.green || row.features === null || row.baselineMs === null) continue;
    const count = (known.get(row.carClass) ?? 0) + 1;
    known.set(row.carClass, count);
    if (!retrainDue(count, latest.get(row.carClass) ?? null, row.endMs, options.schedule ?? RETRAIN)) continue;
    const fit = fitPace(trainingRows(table.rows, row.carClass, row.endMs), row.carClass, row.endMs, options.model ?? PACE_MODEL);
    fits.push(fit);
    latest.set(row.carClass, fit);
  }
  return fits;
}

/**
 * Every lap that had a baseline at its start, predicted by the baseline and by the class's latest model trained
 * at or before that start: a model never sees the lap it predicts, nor anything after it.
 */
export function predictLaps(table: LapTable, fits: readonly PaceFit[]): LapPrediction[] {
  const scored = scoredLaps(table.rows);
  const predictable = table.rows.filter((row): row is PaceRow & { baselineMs: number; features: number[] } => row.baselineMs !== null && row.features !== null);
  const byFit = new Map<PaceFit, number[]>();
  const predictions = predictable.map((row, i): LapPrediction => {
    const fit = fitAt(fits, row.carClass, row.startMs);
    const batch = fit && byFit.get(fit);
    if (batch) batch.push(i);
    else if (fit) byFit.set(fit, [i]);
    return {
      car: row.car,
      lap: row.lap,
      carClass: row.carClass,
      startMs: row.startMs,
      endMs: row.endMs,
      actualMs: row.lapTimeMs,
      baselineMs: row.baselineMs,
      modelMs: null,
      scored: scored.has(row),
    };
  });
  for (const [fit, indexes] of byFit) {
    const times = predictPace(
      fit,
      indexes.flatMap((i) => predictable[i] ?? []),
    );
    indexes.forEach((index, j) => {
      const prediction = predictions[index];
      if (prediction) prediction.modelMs = times[j] ?? null;
    });
  }
  return predictions;
}

/**
 * Live: the next-lap predictions a race stored as its laps started (see predictNextLaps), beside the laps they
 * predicted once those are complete: the same rows as predictLaps, without keeping every fit.
 */
export function scoreNextLaps(table: LapTable, made: readonly NextLapPrediction[]): LapPrediction[] {
  const scored = scoredLaps(table.rows);
  const rows = new Map(table.rows.map((row) => [lapKey(row.car, row.lap), row]));
  return made.flatMap((prediction) => {
    const row = rows.get(lapKey(prediction.car, prediction.lap));
    if (!row || prediction.baselineMs === null) return [];
    return [
      {
        car: row.car,
        lap: row.lap,
        carClass: row.carClass,
        startMs: row.startMs,
        endMs: row.endMs,
        actualMs: row.lapTimeMs,
        baselineMs: prediction.baselineMs,
        modelMs: prediction.modelMs,
        scored: scored.has(row),
      },
    ];
  });
}
