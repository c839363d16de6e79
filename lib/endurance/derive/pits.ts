import type { Flag, LapRecord } from "../records";
import { driverName } from "./lap-facts";
import { indexRace, type RaceIndex } from "./race-index";

/**
 * What a stop was, told from its pit-lane time: a drive-through (no stop), fuel only, fuel and tyres, a long
 * stop (repairs, a garage visit, a stop-and-go with a long hold, parked under a red flag), or unknown (the
 * car never came out, or the file has no pit time for it).
 */
export type PitService = "drive-through" | "fuel" | "fuel-tyres" | "long" | "unknown";

export interface PitStop {
  car: string;
  carClass: string | null;
  /** 1-based among the car's stops. */
  number: number;
  /** The lap that ended in the pit lane. */
  inLap: number;
  /** The lap that started there; null when the car never came out. */
  outLap: number | null;
  /** Race time when the car crossed the line in the pit lane. */
  atMs: number;
  /** Time in the pit lane, stop included (the out-lap's PIT_TIME). */
  pitLaneMs: number | null;
  /** pitLaneMs less the time to drive through the pit lane: the stop itself. */
  stationaryMs: number | null;
  driverIn: string | null;
  driverOut: string | null;
  driverChange: boolean;
  service: PitService;
  /** Flag when the car came in (stops under a caution cost less). */
  flag: Flag | null;
}

/** The pit-lane times that split one class's stops, derived from the stops themselves. */
export interface PitThresholds {
  carClass: string | null;
  /** Stops with a pit time in this class. */
  stops: number;
  /** Longest pit-lane time that counts as a drive-through; null when the race had none. */
  driveThroughMaxMs: number | null;
  /** Shortest pit-lane time that counts as fuel and tyres; null when fuel-only and tyre stops do not separate. */
  tyresFromMs: number | null;
  /** Shortest pit-lane time that counts as a long stop. */
  longFromMs: number | null;
}

export interface PitAnalysis {
  stops: PitStop[];
  thresholds: PitThresholds[];
  /** Fastest passage through the pit lane: what a stop costs beyond its stationary time. */
  passMs: number | null;
}

// A drive-through takes the pit lane at the speed limit: within a few seconds of the fastest passage.
const DRIVE_THROUGH_MARGIN_MS = 8_000;
// If even the fastest passage is more than half the typical stop, nobody drove straight through.
const DRIVE_THROUGH_SHARE = 0.5;
// Two service groups closer than this are one group (fuel-only and tyre stops differ by 10+ s).
const MIN_SERVICE_SPLIT_MS = 6_000;
// Below this many timed stops a class borrows the race-wide thresholds.
const MIN_CLASS_STOPS = 8;

/**
 * Every pit stop of every car. A stop is an in-lap (`B`) and the next lap, which carries the pit-lane time; a
 * pit time without a marked in-lap (cars sent into the pit lane under a red flag) is a stop too. A pit time on
 * lap 1 is a start from the pit lane, not a stop. Thresholds are derived per class from the race's own stops.
 */
export function pitStops(laps: readonly LapRecord[], index: RaceIndex = indexRace(laps)): PitAnalysis {
  const stops: Omit<PitStop, "stationaryMs" | "service">[] = [];
  for (const { car, carClass, laps: carLaps } of index.cars) {
    let number = 0;
    carLaps.forEach((lap, i) => {
      const next = carLaps[i + 1]?.lap === lap.lap + 1 ? carLaps[i + 1] : undefined;
      // An out-lap after an unmarked in-lap (cars sent into the pit lane under a red flag) is a stop too.
      if (!lap.inLap && next?.outLap !== true) return;
      number += 1;
      stops.push({
        car,
        carClass,
        number,
        inLap: lap.lap,
        outLap: next?.lap ?? null,
        atMs: lap.elapsedMs,
        pitLaneMs: next?.pitTimeMs ?? null,
        driverIn: lap.driver,
        driverOut: next?.driver ?? null,
        driverChange: next !== undefined && driverName(next) !== driverName(lap),
        flag: lap.flag,
      });
    });
  }

  const timed = stops.flatMap((stop) => (stop.pitLaneMs === null ? [] : [stop.pitLaneMs]));
  const passMs = drivePassMs(timed);
  const raceWide = thresholdsFor(null, timed, passMs);
  const classes = [...new Set(stops.map((stop) => stop.carClass))];
  const thresholds = classes.map((carClass) => {
    const times = stops.flatMap((stop) => (stop.carClass === carClass && stop.pitLaneMs !== null ? [stop.pitLaneMs] : []));
    const own = thresholdsFor(carClass, times, passMs);
    return times.length >= MIN_CLASS_STOPS ? { ...own, tyresFromMs: own.tyresFromMs ?? raceWide.tyresFromMs } : { ...raceWide, carClass, stops: times.length };
  });
  const byClass = new Map(thresholds.map((entry) => [entry.carClass, entry]));

  return {
    passMs,
    thresholds,
    stops: stops.map((stop) => {
      const limits = byClass.get(stop.carClass) ?? raceWide;
      return {
        ...stop,
        stationaryMs: stop.pitLaneMs === null || passMs === null ? null : Math.max(0, stop.pitLaneMs - passMs),
        service: serviceOf(stop.pitLaneMs, limits),
      };
    }),
  };
}

function serviceOf(pitLaneMs: number | null, limits: PitThresholds): PitService {
  if (pitLaneMs === null) return "unknown";
  if (limits.driveThroughMaxMs !== null && pitLaneMs <= limits.driveThroughMaxMs) return "drive-through";
  if (limits.longFromMs !== null && pitLaneMs >= limits.longFromMs) return "long";
  if (limits.tyresFromMs !== null && pitLaneMs >= limits.tyresFromMs) return "fuel-tyres";
  return "fuel";
}

/** The race's fastest pit-lane passage, if it looks like a drive-through rather than a quick stop. */
function drivePassMs(times: number[]): number | null {
  if (times.length === 0) return null;
  const sorted = [...times].sort((a, b) => a - b);
  const fastest = sorted[0] ?? 0;
  return fastest <= DRIVE_THROUGH_SHARE * quantile(sorted, 0.5) ? fastest : null;
}

function thresholdsFor(carClass: string | null, times: number[], passMs: number | null): PitThresholds {
  const driveThroughMaxMs = passMs === null ? null : passMs + DRIVE_THROUGH_MARGIN_MS;
  const service = times.filter((ms) => driveThroughMaxMs === null || ms > driveThroughMaxMs).sort((a, b) => a - b);
  if (service.length < 4) return { carClass, stops: times.length, driveThroughMaxMs, tyresFromMs: null, longFromMs: null };
  // Tukey's fence: a stop beyond the bulk of service stops is a long one (repairs, penalties, a garage visit).
  const q1 = quantile(service, 0.25);
  const q3 = quantile(service, 0.75);
  const longFromMs = q3 + 1.5 * Math.max(q3 - q1, 5_000);
  const regular = service.filter((ms) => ms < longFromMs);
  return { carClass, stops: times.length, driveThroughMaxMs, tyresFromMs: splitPoint(regular), longFromMs };
}

/**
 * Otsu's threshold over sorted durations: the cut that best separates two groups (fuel only, fuel and tyres).
 * Null when either group would be tiny or the groups sit too close to be two kinds of stop.
 */
function splitPoint(sorted: number[]): number | null {
  const n = sorted.length;
  const total = sorted.reduce((sum, ms) => sum + ms, 0);
  let best: { score: number; cut: number; gap: number } | null = null;
  let lowSum = 0;
  for (let i = 1; i < n; i += 1) {
    lowSum += sorted[i - 1] ?? 0;
    const lowMean = lowSum / i;
    const highMean = (total - lowSum) / (n - i);
    const score = i * (n - i) * (highMean - lowMean) ** 2;
    const low = sorted[i - 1] ?? 0;
    const high = sorted[i] ?? 0;
    if (high > low && Math.min(i, n - i) >= Math.max(2, n * 0.05) && (!best || score > best.score)) {
      best = { score, cut: (low + high) / 2, gap: highMean - lowMean };
    }
  }
  return best && best.gap >= MIN_SERVICE_SPLIT_MS ? best.cut : null;
}

/** Linear-interpolated quantile of sorted values. */
function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const lowValue = sorted[low] ?? 0;
  return lowValue + ((sorted[Math.ceil(at)] ?? lowValue) - lowValue) * (at - low);
}
