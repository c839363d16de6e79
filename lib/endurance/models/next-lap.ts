import type { ClassAccuracy, PaceSource } from "./accuracy";
import type { LapTable, NextLap } from "./lap-table";
import { fitAt, predictPace, type PaceFit } from "./pace-model";

/** What the leaderboard shows for a car's coming lap. */
export interface NextLapPrediction {
  car: string;
  carClass: string | null;
  lap: number;
  /** Race time the lap started (the car's last crossing). */
  startMs: number;
  baselineMs: number | null;
  modelMs: number | null;
  /** The prediction of the source its class uses; null while the car is in the pit lane or has no green lap. */
  predictedMs: number | null;
  source: PaceSource | null;
}

/**
 * The next lap of every car, from the class's fit that was current when the lap started (as the backtest scores
 * it): one forest batch per fit, cheap enough for every poll. Each class uses the source its rolling accuracy
 * says is better. A prediction does not change while its lap runs, so a live race stores the first one it makes.
 */
export function predictNextLaps(table: LapTable, fits: readonly PaceFit[], accuracy: readonly ClassAccuracy[]): NextLapPrediction[] {
  const use = new Map(accuracy.map((entry) => [entry.carClass, entry.use]));
  const byFit = new Map<PaceFit, (NextLap & { baselineMs: number; features: number[] })[]>();
  for (const next of table.next) {
    const fit = fitAt(fits, next.carClass, next.startMs);
    if (!fit || next.baselineMs === null || next.features === null) continue;
    const batch = byFit.get(fit);
    const ready = { ...next, baselineMs: next.baselineMs, features: next.features };
    if (batch) batch.push(ready);
    else byFit.set(fit, [ready]);
  }
  const modelMs = new Map<string, number>();
  for (const [fit, batch] of byFit) {
    const times = predictPace(fit, batch);
    batch.forEach((next, i) => modelMs.set(next.car, times[i] ?? next.baselineMs));
  }
  return table.next.map((next) => {
    const baselineMs = next.features === null ? null : next.baselineMs;
    const model = modelMs.get(next.car) ?? null;
    const source: PaceSource | null = use.get(next.carClass) === "model" && model !== null ? "model" : baselineMs === null ? null : "baseline";
    return { car: next.car, carClass: next.carClass, lap: next.lap, startMs: next.startMs, baselineMs, modelMs: model, predictedMs: source === "model" ? model : baselineMs, source };
  });
}
