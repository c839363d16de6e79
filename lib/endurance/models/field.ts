import { median } from "../derive/lap-facts";
import type { CarHistory } from "./car-history";

/**
 * The field runs a caution's pace when the median of its last few laps is this much slower than those cars'
 * baselines: under a safety car or a full-course yellow laps run 30 to 100 % slower, while rain or traffic
 * rarely slow the whole field by 20 %. This catches cautions the file does not flag (files without FLAG_AT_FL, a
 * full-course yellow that starts and ends between two of a car's crossings).
 */
export const CAUTION_RATIO = 1.2;
const CAUTION_LAPS = 5;
const CAUTION_WINDOW_MS = 60_000;
// Trends look at the last five minutes of racing laps; a lap far off its baseline is an incident, not a trend.
const TREND_WINDOW_MS = 300_000;
const TREND_MAX_RATIO = 1.15;
const MIN_TREND_LAPS = 3;
// The field's trend (see greenTrend) needs five cars: with three, a few cars caught by an unflagged caution or a
// slow zone moved it 15-30 % on a dry race (Spa 2025).
const MIN_TREND_CARS = 5;
// A sector runs a local slowdown when its trend is over 1 % and over twice the larger of the other two's.
const LOCAL_SLOWDOWN_FLOOR = 0.01;
const LOCAL_SLOWDOWN_SPREAD = 2;

/** A racing lap (neither in- nor out-lap) of a car that had a baseline, as a ratio to that baseline. */
interface RacingLap {
  atMs: number;
  car: string;
  carClass: string | null;
  ratio: number;
}

/** A green lap as the field remembers it: its lap and each sector against the car's baseline. */
interface GreenRatios extends RacingLap {
  /** Null for a sector without a time, on the lap or in the baseline. */
  sectorRatios: (number | null)[];
  /** Each sector's share of the baseline lap. */
  sectorShares: number[];
}

export interface Field {
  laps: RacingLap[];
  /** Green laps (see PaceRow) of cars that had a baseline, as ratios to it, in the order they ended. */
  green: GreenRatios[];
  /** At every crossing: the median ratio of the last few racing laps, 1 when too few are known. */
  pace: { atMs: number; ratio: number }[];
}

export function newField(): Field {
  return { laps: [], green: [], pace: [] };
}

/** Adds a crossing (with its racing lap, if it is one) and returns the field's pace ratio at that moment. */
export function recordCrossing(field: Field, atMs: number, racing: RacingLap | null): number {
  if (racing) field.laps.push(racing);
  const recent: number[] = [];
  for (let i = field.laps.length - 1; i >= 0 && recent.length < CAUTION_LAPS; i -= 1) {
    const lap = field.laps[i];
    if (!lap || atMs - lap.atMs > CAUTION_WINDOW_MS) break;
    recent.push(lap.ratio);
  }
  const ratio = recent.length >= 3 ? (median(recent) ?? 1) : 1;
  field.pace.push({ atMs, ratio });
  return ratio;
}

/** Whether the field ran a caution's pace at any crossing after `fromMs` up to `toMs` (a lap's span). */
export function cautionDuring(field: Field, fromMs: number, toMs: number): boolean {
  for (let i = field.pace.length - 1; i >= 0; i -= 1) {
    const point = field.pace[i];
    if (!point || point.atMs <= fromMs) return false;
    if (point.atMs <= toMs && point.ratio > CAUTION_RATIO) return true;
  }
  return false;
}

/**
 * How the other cars' racing laps of the last five minutes ran against their baselines (0.01: 1 % slower), in
 * one class or, with `carClass` undefined, in the whole field. 0 when too few laps say anything.
 */
export function paceTrend(field: Field, atMs: number, exceptCar: string, carClass?: string | null): number {
  const deltas: number[] = [];
  for (let i = field.laps.length - 1; i >= 0; i -= 1) {
    const lap = field.laps[i];
    if (!lap || atMs - lap.atMs > TREND_WINDOW_MS) break;
    if (lap.car === exceptCar || lap.ratio > TREND_MAX_RATIO || (carClass !== undefined && lap.carClass !== carClass)) continue;
    deltas.push(lap.ratio - 1);
  }
  return deltas.length >= MIN_TREND_LAPS ? (median(deltas) ?? 0) : 0;
}

/** The class's pace now: the median of its cars' baselines. */
export function classPace(cars: Iterable<CarHistory>, carClass: string | null): number | null {
  const baselines: number[] = [];
  for (const car of cars) if (car.carClass === carClass && car.baselineMs !== null) baselines.push(car.baselineMs);
  return median(baselines);
}

/** Adds a green lap, once its crossing has shown it was one. */
export function recordGreen(field: Field, lap: GreenRatios): void {
  field.green.push(lap);
}

/**
 * The field's conditions now: the median, over the other cars with a green lap in the last five minutes, of
 * their latest one against their own baseline (0.01: 1 % slower), less any local slowdown (see localSlowdown).
 * Green laps only, one per car, so neither a caution's laps nor one car's string of laps pass for a change of
 * conditions. 0 when too few cars say anything.
 */
export function greenTrend(field: Field, atMs: number, exceptCar: string): number {
  const latest = latestGreen(field, atMs, exceptCar);
  if (latest.length < MIN_TREND_CARS) return 0;
  return (median(latest.map((lap) => lap.ratio - 1)) ?? 0) - localSlowdown(latest);
}

/**
 * How much of the field's trend one sector alone makes: a slow zone or a local yellow slows one sector by 20-60 %
 * for a few minutes and is gone by the time the next car gets there (Le Mans 2026: laps that ran at their baseline
 * were predicted 6-8 % slow after the field ran 11-14 % slower), while rain or a drying track moves every sector
 * (Spa 2020, Daytona 2019). The part of a sector's trend above LOCAL_SLOWDOWN_SPREAD times the larger of the
 * others', weighted by the sector's share of the lap; 0 when the sectors are not timed.
 */
function localSlowdown(laps: readonly GreenRatios[]): number {
  const trends: number[] = [];
  for (const sector of [0, 1, 2]) {
    const deltas: number[] = [];
    for (const lap of laps) {
      const ratio = lap.sectorRatios[sector] ?? null;
      if (ratio !== null) deltas.push(ratio - 1);
    }
    if (deltas.length < MIN_TREND_CARS) return 0;
    trends.push(median(deltas) ?? 0);
  }
  const excesses = trends.map((trend, sector) => trend - Math.max(LOCAL_SLOWDOWN_FLOOR, LOCAL_SLOWDOWN_SPREAD * Math.max(...trends.filter((_, i) => i !== sector))));
  // The sectors' shares only when a sector stands out: the trend is asked at every crossing.
  if (excesses.every((excess) => excess <= 0)) return 0;
  const shares = [0, 1, 2].map((sector) => median(laps.flatMap((lap) => lap.sectorShares[sector] ?? [])) ?? 1 / 3);
  const total = shares.reduce((sum, share) => sum + share, 0);
  return excesses.reduce((sum, excess, sector) => (excess > 0 ? sum + (excess * (shares[sector] ?? 0)) / total : sum), 0);
}

/** The latest green lap of each other car in the last five minutes. */
function latestGreen(field: Field, atMs: number, exceptCar: string): GreenRatios[] {
  const seen = new Set<string>([exceptCar]);
  const latest: GreenRatios[] = [];
  for (let i = field.green.length - 1; i >= 0; i -= 1) {
    const lap = field.green[i];
    if (!lap || atMs - lap.atMs > TREND_WINDOW_MS) break;
    if (seen.has(lap.car)) continue;
    seen.add(lap.car);
    latest.push(lap);
  }
  return latest;
}
