import { compareCarNumbers } from "../derive/race-index";
import { driverName, median } from "../derive/lap-facts";
import { isNeutralised } from "../flags";
import type { LapRecord } from "../records";
import { BASELINE_LAPS, baselineOf, newCarHistory, sectorSum, sectorTimes, stintGreenLaps, type CarHistory, type GreenLap } from "./car-history";
import { featureVector, type PaceFeatures } from "./features";
import { CAUTION_RATIO, cautionDuring, classPace, greenTrend, newField, paceTrend, recordCrossing, recordGreen, type Field } from "./field";
import { trafficAt } from "./traffic";

// A driver's pace is the median of their last ten green laps.
const DRIVER_LAPS = 10;

/** One lap with what was known when it started (baseline, model inputs) and what it turned out to be. */
export interface PaceRow {
  car: string;
  lap: number;
  carClass: string | null;
  driver: string;
  /** Race time at the start of the lap (the car's previous crossing) and at its end. */
  startMs: number;
  endMs: number;
  lapTimeMs: number;
  sectorsMs: LapRecord["sectorsMs"];
  inLap: boolean;
  outLap: boolean;
  /** Median of the car's last five green laps before this one: the baseline's prediction. Null before the first. */
  baselineMs: number | null;
  /** Median of each sector over the same laps. */
  baselineSectorsMs: [number | null, number | null, number | null] | null;
  /** Model inputs as of the lap's start (PACE_FEATURES order); null when it starts in the pit lane or has no baseline. */
  features: number[] | null;
  /**
   * A lap that tells the car's racing pace: it follows the car's previous lap, is neither an in- nor an out-lap,
   * the driver did not change on it, the car had not taken the chequered flag, and it is not neutralised.
   */
  green: boolean;
  /**
   * A caution touched the lap: flagged at the line at its start or its end, or the field ran a caution's pace
   * during it (see CAUTION_RATIO).
   */
  neutralised: boolean;
  /** Laps since the stop, this one included (an out-lap is 1), and laps of its driver since they got in. */
  stintLap: number;
  driverLaps: number;
}

/** A car's next lap as of its last crossing: what a live prediction is made from. */
export interface NextLap {
  car: string;
  carClass: string | null;
  lap: number;
  startMs: number;
  baselineMs: number | null;
  /** Null when the lap starts in the pit lane (the car just came in) or the car has no green lap yet. */
  features: number[] | null;
}

export interface LapTable {
  /** Every lap, in the order of the crossings. */
  rows: PaceRow[];
  next: NextLap[];
  /** The latest crossing: "now" for a race in progress. */
  lastCrossingMs: number;
}

/** A walk through the race that goes on as laps arrive: see lapSweep. */
export interface LapSweep {
  /**
   * Walks on through `laps`. False, and nothing walked, when one crosses the line before the latest crossing walked
   * (a lap stated late): the walk must then start again from the first lap.
   */
  add(laps: readonly LapRecord[]): boolean;
  /** The table of every lap walked so far. */
  table(): LapTable;
}

const byCrossing = (a: LapRecord, b: LapRecord) => a.elapsedMs - b.elapsedMs || compareCarNumbers(a.car, b.car) || a.lap - b.lap;

/**
 * Walks the race crossing by crossing, so that everything a row holds about a lap's start comes from crossings
 * up to that start and nothing later: the backtest can then ask each lap what a live model would have said. For the
 * same reason the walk can go on from where it stopped when new laps arrive, instead of starting again (a live race
 * adds a few laps a poll to thousands).
 */
export function lapSweep(): LapSweep {
  const cars = new Map<string, CarHistory>();
  const field = newField();
  const upcoming = new Map<string, NextLap>();
  const rows: PaceRow[] = [];
  let latest: LapRecord | null = null;
  return {
    add(laps) {
      const order = [...laps].sort(byCrossing);
      if (latest && order[0] && byCrossing(order[0], latest) < 0) return false;
      for (const lap of order) {
        const car = cars.get(lap.car) ?? newCarHistory(lap);
        cars.set(lap.car, car);
        const { previous, baselineMs } = car;
        const startMs = lap.elapsedMs - lap.lapTimeMs;
        const racing = !lap.inLap && !lap.outLap && baselineMs !== null ? { atMs: lap.elapsedMs, car: lap.car, carClass: car.carClass, ratio: lap.lapTimeMs / baselineMs } : null;
        const endsUnderCaution = isNeutralised(lap.flag) || recordCrossing(field, lap.elapsedMs, racing) > CAUTION_RATIO;
        const neutralised = endsUnderCaution || car.endedUnderCaution || cautionDuring(field, startMs, lap.elapsedMs);
        const driver = driverName(lap);
        const follows = previous !== null && previous.lap === lap.lap - 1;
        const newDriver = previous === null || driverName(previous) !== driver;
        const green = follows && !lap.inLap && !lap.outLap && !neutralised && !newDriver && previous.flag !== "chequered";
        const known = upcoming.get(lap.car);

        const newStint = lap.outLap || previous === null;
        car.stintLap = newStint ? 1 : car.stintLap + 1;
        if (newStint) car.stintStartMs = startMs;
        car.driverLaps = newDriver ? 1 : car.driverLaps + 1;
        car.driver = driver;
        car.previous = lap;
        car.endedUnderCaution = endsUnderCaution;
        car.previousRaced = !neutralised;
        rows.push({
          car: lap.car,
          lap: lap.lap,
          carClass: car.carClass,
          driver,
          startMs,
          endMs: lap.elapsedMs,
          lapTimeMs: lap.lapTimeMs,
          sectorsMs: lap.sectorsMs,
          inLap: lap.inLap,
          outLap: lap.outLap,
          baselineMs,
          baselineSectorsMs: baselineMs === null ? null : sectorMedians(car.green.slice(-BASELINE_LAPS)),
          features: known?.lap === lap.lap ? known.features : null,
          green,
          neutralised,
          stintLap: car.stintLap,
          driverLaps: car.driverLaps,
        });
        const row = rows[rows.length - 1];
        if (green && baselineMs !== null && row) recordGreen(field, { atMs: lap.elapsedMs, car: lap.car, carClass: car.carClass, ratio: lap.lapTimeMs / baselineMs, ...sectorRatios(lap.sectorsMs, row.baselineSectorsMs) });
        if (green) {
          const pace = classPace(cars.values(), car.carClass) ?? lap.lapTimeMs;
          car.green.push({ lap: lap.lap, lapTimeMs: lap.lapTimeMs, driver, sectorsMs: lap.sectorsMs, endMs: lap.elapsedMs, classPaceMs: pace });
          car.baselineMs = baselineOf(car.green);
        }
        upcoming.set(lap.car, {
          car: lap.car,
          carClass: car.carClass,
          lap: lap.lap + 1,
          startMs: lap.elapsedMs,
          baselineMs: car.baselineMs,
          features: lap.inLap ? null : nextLapFeatures(car, cars, field, lap.elapsedMs),
        });
        latest = lap;
      }
      return true;
    },
    table: () => ({ rows: rows.slice(), next: [...upcoming.values()], lastCrossingMs: latest?.elapsedMs ?? 0 }),
  };
}

/** The lap table of a race's laps in one walk. */
export function buildLapTable(laps: readonly LapRecord[]): LapTable {
  const sweep = lapSweep();
  sweep.add(laps);
  return sweep.table();
}

/** A green lap's sectors against the car's baseline sectors, and each sector's share of the baseline lap. */
function sectorRatios(sectors: LapRecord["sectorsMs"], baseline: PaceRow["baselineSectorsMs"]): { sectorRatios: (number | null)[]; sectorShares: number[] } {
  const bases = baseline ?? [null, null, null];
  const total = bases.reduce<number>((sum, base) => sum + (base ?? 0), 0);
  return {
    sectorRatios: sectors.map((time, i) => {
      const base = bases[i] ?? null;
      return time === null || !base ? null : time / base;
    }),
    sectorShares: bases.every((base) => base) ? bases.map((base) => (base ?? 0) / total) : [],
  };
}

function sectorMedians(laps: readonly GreenLap[]): [number | null, number | null, number | null] {
  return [median(sectorTimes(laps, 0)), median(sectorTimes(laps, 1)), median(sectorTimes(laps, 2))];
}

/** The model's inputs for the lap a car starts at `atMs`, from what the sweep knows then. */
function nextLapFeatures(car: CarHistory, cars: Map<string, CarHistory>, field: Field, atMs: number): number[] | null {
  const baseline = car.baselineMs;
  const last = car.green[car.green.length - 1];
  if (baseline === null || !last) return null;
  const relative = (ms: number | null) => (ms === null ? 0 : ms / baseline - 1);
  const recent = car.green.slice(-BASELINE_LAPS);
  const lastTwo = car.green.slice(-2);
  const stint = stintGreenLaps(car);
  const pace = classPace(cars.values(), car.carClass) ?? baseline;
  const traffic = trafficAt(car, cars.values(), atMs);
  const features: PaceFeatures = {
    stintLap: car.stintLap + 1,
    driverLaps: car.driverLaps + 1,
    lastLap: relative(last.lapTimeMs),
    lastTwoLaps: relative(lastTwo.reduce((sum, lap) => sum + lap.lapTimeMs, 0) / lastTwo.length),
    bestRecentLap: relative(Math.min(...recent.map((lap) => lap.lapTimeMs))),
    tenLapMedian: relative(median(car.green.slice(-10).map((lap) => lap.lapTimeMs))),
    stintPace: relative(median(stint.map((lap) => lap.lapTimeMs))),
    bestSectors: relative(sectorSum(recent, (times) => (times.length > 0 ? Math.min(...times) : null))),
    medianSectors: relative(sectorSum(recent, median)),
    lateSectors: lateSectors(car, recent),
    driverPace: driverPace(car, recent),
    fieldTrend: greenTrend(field, atMs, car.car),
    classTrend: paceTrend(field, atMs, car.car, car.carClass),
    conditions: pace / (median(recent.map((lap) => lap.classPaceMs)) ?? pace) - 1,
    carPace: baseline / pace - 1,
    ...traffic,
  };
  return featureVector(features);
}

/** The last two sectors of the lap just done against the same sectors of the baseline's laps; 0 when a caution touched it. */
function lateSectors(car: CarHistory, recent: readonly GreenLap[]): number {
  const [, second, third] = car.previous?.sectorsMs ?? [null, null, null];
  const usualSecond = median(sectorTimes(recent, 1));
  const usualThird = median(sectorTimes(recent, 2));
  if (!car.previousRaced || second === null || third === null || usualSecond === null || usualThird === null) return 0;
  return (second + third) / (usualSecond + usualThird) - 1;
}

/**
 * The driver in the car against the drivers of the baseline's laps, each lap measured against the class pace
 * of its time (so that night, rain or rubber do not pass for a driver's speed). 0 until the driver has three
 * green laps.
 */
function driverPace(car: CarHistory, recent: readonly GreenLap[]): number {
  const own: GreenLap[] = [];
  for (let i = car.green.length - 1; i >= 0 && own.length < DRIVER_LAPS; i -= 1) {
    const lap = car.green[i];
    if (lap?.driver === car.driver) own.push(lap);
  }
  if (own.length < 3) return 0;
  const index = (laps: readonly GreenLap[]) => median(laps.map((lap) => lap.lapTimeMs / lap.classPaceMs)) ?? 1;
  return index(own) / index(recent) - 1;
}
