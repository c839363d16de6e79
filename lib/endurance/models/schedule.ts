import type { LapTable } from "./lap-table";
import { fitAt, trainingRows, type PaceFit } from "./pace-model";

export interface RetrainSchedule {
  /** Green laps a class needs before its first model. */
  firstFitLaps: number;
  /** Retrain once the class's green laps have grown by this share since the last fit... */
  growth: number;
  /** ...or this long after it (night falls, rain comes), whichever comes first. */
  maxIntervalMs: number;
}

// The original tracker trained after 10 laps and every 5 after: about 150 fits per class in a 24-hour race. Growth
// keeps early models fresh while data is scarce, the hourly refit follows the conditions, and a 24-hour race
// needs about 30 fits per class.
export const RETRAIN: RetrainSchedule = { firstFitLaps: 200, growth: 0.5, maxIntervalMs: 3_600_000 };

/** Whether a class with `trainingLaps` green laps known at `nowMs` is due a new model. */
export function retrainDue(trainingLaps: number, last: Pick<PaceFit, "trainedAtMs" | "trainingLaps"> | null, nowMs: number, schedule: RetrainSchedule = RETRAIN): boolean {
  if (trainingLaps < schedule.firstFitLaps) return false;
  if (!last) return true;
  if (trainingLaps <= last.trainingLaps) return false;
  return trainingLaps >= last.trainingLaps * (1 + schedule.growth) || nowMs - last.trainedAtMs >= schedule.maxIntervalMs;
}

/**
 * Classes due a new model at the table's latest crossing. A live race calls this after each ingest and fits each
 * class it returns in a background step of its own (fitPace on trainingRows up to that crossing).
 */
export function classesDue(table: LapTable, fits: readonly PaceFit[], schedule: RetrainSchedule = RETRAIN): (string | null)[] {
  const nowMs = table.lastCrossingMs;
  return [...new Set(table.rows.map((row) => row.carClass))].filter((carClass) => retrainDue(trainingRows(table.rows, carClass, nowMs).length, fitAt(fits, carClass, nowMs), nowMs, schedule));
}
