import type { LapRecord } from "../records";
import { driverName } from "./lap-facts";
import { indexRace, type RaceIndex } from "./race-index";

/**
 * A series' drive-time rules, as the race sets them (WEC: a minimum per driver and, at Le Mans, no more than
 * 4 hours in any 6; series differ, so every rule is optional).
 */
export interface DriveTimeRules {
  minPerDriverMs?: number;
  maxPerDriverMs?: number;
  /** At most `maxMs` of driving in any window of `lengthMs`. */
  window?: { lengthMs: number; maxMs: number };
  /** Whether time in the pit lane counts as driving (most series leave it out). */
  pitLaneCounts?: boolean;
}

export interface DriveTimeOptions {
  /** Scheduled race length, for what is still possible. */
  raceDurationMs: number;
  /** Race time to count up to; the latest crossing in the laps when absent. */
  nowMs?: number;
  rules: DriveTimeRules;
  /** Rules of one class replacing the general ones (Bronze minimums in LMGT3, ...). */
  classRules?: Readonly<Record<string, DriveTimeRules>>;
}

export interface WindowState {
  lengthMs: number;
  maxMs: number;
  /** Most driving in any window so far. */
  peakMs: number;
  /** Driving in the window that ends now. */
  currentMs: number;
  /** What the driver may still drive before the rule is broken now (0 when over). */
  allowedNowMs: number;
  exceeded: boolean;
}

export interface DriverDriveTime {
  car: string;
  carClass: string | null;
  driver: string;
  driveMs: number;
  laps: number;
  stints: number;
  minMs: number | null;
  /** Still to drive to reach the minimum (0 once reached): the countdown. */
  toMinimumMs: number | null;
  maxMs: number | null;
  /** Still allowed before the maximum (0 when over). */
  toMaximumMs: number | null;
  exceeded: boolean;
  window: WindowState | null;
}

export interface CarDriveTime {
  car: string;
  carClass: string | null;
  drivers: DriverDriveTime[];
  remainingRaceMs: number;
  /** Drive time the car's drivers still owe to their minimums. */
  owedMs: number;
  /** More is owed than there is race left: a minimum can no longer be met. */
  atRisk: boolean;
}

interface Interval {
  start: number;
  end: number;
}

/** Drive time per driver and car, with each rule checked and its countdown, up to `nowMs`. */
export function driveTime(laps: readonly LapRecord[], options: DriveTimeOptions, index: RaceIndex = indexRace(laps)): CarDriveTime[] {
  const now = options.nowMs ?? index.lastElapsedMs;
  const remainingRaceMs = Math.max(0, options.raceDurationMs - now);
  return index.cars.map(({ car, carClass, laps: carLaps }) => {
    const rules = (carClass !== null ? options.classRules?.[carClass] : undefined) ?? options.rules;
    const byDriver = new Map<string, { intervals: Interval[]; laps: number; stints: number; last: number }>();
    carLaps.forEach((lap, i) => {
      if (lap.elapsedMs > now) return;
      const driver = driverName(lap);
      const entry = byDriver.get(driver) ?? { intervals: [], laps: 0, stints: 0, last: -2 };
      byDriver.set(driver, entry);
      // The out-lap's pit-lane time is left out from its start unless the rules count it.
      const pitLane = rules.pitLaneCounts ? 0 : Math.min(lap.pitTimeMs ?? 0, lap.lapTimeMs);
      addInterval(entry.intervals, { start: lap.elapsedMs - lap.lapTimeMs + pitLane, end: lap.elapsedMs });
      entry.laps += 1;
      if (entry.last !== i - 1) entry.stints += 1;
      entry.last = i;
    });
    const drivers = [...byDriver].map(([driver, entry]) => driverTime(car, carClass, driver, entry, rules, now));
    const owedMs = drivers.reduce((sum, driver) => sum + (driver.toMinimumMs ?? 0), 0);
    return { car, carClass, drivers, remainingRaceMs, owedMs, atRisk: owedMs > remainingRaceMs };
  });
}

function driverTime(
  car: string,
  carClass: string | null,
  driver: string,
  entry: { intervals: Interval[]; laps: number; stints: number },
  rules: DriveTimeRules,
  now: number,
): DriverDriveTime {
  const driveMs = entry.intervals.reduce((sum, interval) => sum + interval.end - interval.start, 0);
  const minMs = rules.minPerDriverMs ?? null;
  const maxMs = rules.maxPerDriverMs ?? null;
  const window = rules.window ? windowState(entry.intervals, rules.window, now) : null;
  return {
    car,
    carClass,
    driver,
    driveMs,
    laps: entry.laps,
    stints: entry.stints,
    minMs,
    toMinimumMs: minMs === null ? null : Math.max(0, minMs - driveMs),
    maxMs,
    toMaximumMs: maxMs === null ? null : Math.max(0, maxMs - driveMs),
    exceeded: (maxMs !== null && driveMs > maxMs) || (window?.exceeded ?? false),
    window,
  };
}

/** Consecutive laps touch end to start: merge them, so a driver has one interval per stint. */
function addInterval(intervals: Interval[], next: Interval): void {
  const last = intervals[intervals.length - 1];
  if (last && next.start <= last.end + 1) last.end = Math.max(last.end, next.end);
  else intervals.push(next);
}

function overlap(intervals: Interval[], from: number, to: number): number {
  return intervals.reduce((sum, { start, end }) => sum + Math.max(0, Math.min(end, to) - Math.max(start, from)), 0);
}

function windowState(intervals: Interval[], rule: { lengthMs: number; maxMs: number }, now: number): WindowState {
  // The busiest window ends where some driving ends.
  const peakMs = intervals.reduce((peak, { end }) => Math.max(peak, overlap(intervals, end - rule.lengthMs, end)), 0);
  const currentMs = overlap(intervals, now - rule.lengthMs, now);
  return {
    lengthMs: rule.lengthMs,
    maxMs: rule.maxMs,
    peakMs,
    currentMs,
    allowedNowMs: Math.max(0, rule.maxMs - currentMs),
    exceeded: peakMs > rule.maxMs,
  };
}
