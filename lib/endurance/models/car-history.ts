import { median } from "../derive/lap-facts";
import type { LapRecord } from "../records";

/** The naive baseline: the median of the car's last five green laps. */
export const BASELINE_LAPS = 5;

/** A green lap as the sweep remembers it. */
export interface GreenLap {
  lap: number;
  lapTimeMs: number;
  driver: string;
  sectorsMs: LapRecord["sectorsMs"];
  endMs: number;
  /** The class pace when the lap was done: driver and conditions are measured against it. */
  classPaceMs: number;
}

/** One car as known at a crossing: its green laps, where it is in its stint, who drives. */
export interface CarHistory {
  car: string;
  carClass: string | null;
  green: GreenLap[];
  /** Median of the last five green laps; null before the first one. */
  baselineMs: number | null;
  /** Laps since the stop, the last one included (an out-lap is 1). */
  stintLap: number;
  /** Race time at the start of the stint. */
  stintStartMs: number;
  driver: string | null;
  /** Laps of the current driver since they got in. */
  driverLaps: number;
  previous: LapRecord | null;
  /** The last lap ended under a caution (so the next one starts under it). */
  endedUnderCaution: boolean;
  /** No caution touched the last lap. */
  previousRaced: boolean;
}

export function newCarHistory(lap: LapRecord): CarHistory {
  return {
    car: lap.car,
    carClass: lap.carClass,
    green: [],
    baselineMs: null,
    stintLap: 0,
    stintStartMs: 0,
    driver: null,
    driverLaps: 0,
    previous: null,
    endedUnderCaution: false,
    previousRaced: false,
  };
}

export function baselineOf(green: readonly GreenLap[]): number | null {
  return median(green.slice(-BASELINE_LAPS).map((lap) => lap.lapTimeMs));
}

/** Green laps of the current stint (they ended after it started), oldest first. */
export function stintGreenLaps(car: CarHistory): GreenLap[] {
  let first = car.green.length;
  while (first > 0 && (car.green[first - 1]?.endMs ?? 0) > car.stintStartMs) first -= 1;
  return car.green.slice(first);
}

/** The times of one sector over some laps, blanks left out. */
export function sectorTimes(laps: readonly GreenLap[], sector: 0 | 1 | 2): number[] {
  return laps.flatMap((lap) => {
    const time = lap.sectorsMs[sector];
    return time === null ? [] : [time];
  });
}

/** Sum over the sectors of `pick` of each sector's times; null when a sector has none to pick from. */
export function sectorSum(laps: readonly GreenLap[], pick: (times: number[]) => number | null): number | null {
  let sum = 0;
  for (const sector of [0, 1, 2] as const) {
    const value = pick(sectorTimes(laps, sector));
    if (value === null) return null;
    sum += value;
  }
  return sum;
}
