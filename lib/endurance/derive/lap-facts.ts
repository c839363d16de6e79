import { isNeutralised } from "../flags";
import type { LapRecord } from "../records";

/** The name is the driver's key; a file without names falls back to the seat number. */
export function driverName(lap: LapRecord): string {
  return lap.driver ?? (lap.driverNumber === null ? "unknown driver" : `Driver ${lap.driverNumber}`);
}

/** A lap that says something about pace: green, neither ending nor starting in the pit lane. */
export function isRacingLap(lap: LapRecord): boolean {
  return !isNeutralised(lap.flag) && !lap.inLap && !lap.outLap;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
