import type { LapRecord } from "../records";
import { accuracyByClass, type ClassAccuracy } from "./accuracy";
import { predictLaps, replayFits, type LapPrediction, type ReplayOptions } from "./backtest";
import { buildLapTable, type LapTable } from "./lap-table";
import type { PaceFit } from "./pace-model";

export interface PaceReplay {
  table: LapTable;
  fits: PaceFit[];
  predictions: LapPrediction[];
  accuracy: ClassAccuracy[];
}

/** A finished race (or the laps so far) replayed as a live race would have run: fits, predictions, accuracy. */
export function replayRace(laps: readonly LapRecord[], options: ReplayOptions = {}): PaceReplay {
  const table = buildLapTable(laps);
  const fits = replayFits(table, options);
  const predictions = predictLaps(table, fits);
  return { table, fits, predictions, accuracy: accuracyByClass(predictions) };
}
