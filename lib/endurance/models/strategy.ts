import { indexRace, pitStops, projectFinish, stints as deriveStints, type CarProjection } from "../derive";
import { crossingOf } from "../derive/race-index";
import type { LapRecord } from "../records";
import { carStintLength, classStintLengths, fullStints, stopLossByClass, type CarStintLength, type ClassStintLength } from "./stint-lengths";

/** Laps are counted as the car's lap numbers: a window opening at lap 40 means the car pits at the end of lap 40. */
export interface PitWindow {
  opensLap: number;
  closesLap: number;
  /** Race times at which the car is expected to complete those laps, at its recent pace. */
  opensMs: number;
  closesMs: number;
}

export interface CarStrategy {
  car: string;
  carClass: string | null;
  laps: number;
  /** Laps since the last stop (0 while the car is in the pit lane). */
  stintLaps: number;
  stintLength: CarStintLength | null;
  /** The next stop; null once the car has finished or stopped, or when no stint length is known yet. */
  pitWindow: PitWindow | null;
  /** Stops still needed to reach the flag. */
  stopsToGo: number | null;
  paceMs: number;
  /** Laps the car is expected to have at its flag, its stops still to come taken into account. */
  projectedLaps: number;
  projectedFinishMs: number;
  projectedClassPosition: number;
  finished: boolean;
  stopped: boolean;
}

export interface RaceStrategy {
  nowMs: number;
  /** When the leader is expected to take the chequered flag (the derivations' projection). */
  chequeredMs: number;
  stintLengths: ClassStintLength[];
  cars: CarStrategy[];
}

export interface StrategyOptions {
  raceDurationMs: number;
  /** Race time to plan at (a replay, a TV delay); laps after it are left out. The latest crossing when absent. */
  nowMs?: number;
}

/**
 * Stint lengths, the next pit window of every car, and the finish: the derivations' projection (chequered time,
 * recent pace) with each car's remaining stops costed at its class's stop loss, then ordered in class.
 */
export function raceStrategy(allLaps: readonly LapRecord[], options: StrategyOptions): RaceStrategy {
  const laps = options.nowMs === undefined ? allLaps : allLaps.filter((lap) => lap.elapsedMs <= (options.nowMs ?? Infinity));
  const index = indexRace(laps);
  const projection = projectFinish(laps, { raceDurationMs: options.raceDurationMs, nowMs: options.nowMs }, index);
  const { stints } = deriveStints(laps, index);
  const full = fullStints(stints);
  const stintLengths = classStintLengths(full);
  const lapTime = (car: string, lap: number) => {
    const carLaps = index.byCar.get(car);
    const end = carLaps ? crossingOf(carLaps, lap) : null;
    const before = carLaps && lap > 1 ? crossingOf(carLaps, lap - 1) : null;
    return end === null || before === null ? null : end - before;
  };
  const stopLoss = stopLossByClass(pitStops(laps, index).stops, stints, lapTime);
  const cars = projection.cars.map((projected) => {
    const carLaps = index.byCar.get(projected.car)?.laps ?? [];
    const last = carLaps[carLaps.length - 1];
    const current = stints.filter((stint) => stint.car === projected.car).at(-1);
    const stintLaps = last?.inLap || !current ? 0 : current.laps;
    const stintLength = carStintLength(projected.car, full, stintLengths.find((entry) => entry.carClass === projected.carClass));
    return carStrategy(projected, stintLaps, stintLength, stopLoss.get(projected.carClass) ?? 0, projection.chequeredMs);
  });
  const classCount = new Map<string | null, number>();
  const order = [...cars].sort((a, b) => b.projectedLaps - a.projectedLaps || a.projectedFinishMs - b.projectedFinishMs);
  for (const car of order) {
    const position = (classCount.get(car.carClass) ?? 0) + 1;
    classCount.set(car.carClass, position);
    car.projectedClassPosition = position;
  }
  return { nowMs: projection.nowMs, chequeredMs: projection.chequeredMs, stintLengths, cars };
}

function carStrategy(projected: CarProjection, stintLaps: number, length: CarStintLength | null, stopLossMs: number, chequeredMs: number): CarStrategy {
  const { car, carClass, laps, lastCrossingMs, paceMs, finished, stopped } = projected;
  const base = { car, carClass, laps, stintLaps, stintLength: length, paceMs, finished, stopped, projectedClassPosition: 0 };
  if (finished || stopped) return { ...base, pitWindow: null, stopsToGo: finished ? 0 : null, projectedLaps: laps, projectedFinishMs: lastCrossingMs };
  const timeLeftMs = Math.max(0, chequeredMs - lastCrossingMs);
  // Stops shorten the race by their loss; a car stops again only if it cannot reach the flag on what it has.
  let stopsToGo = 0;
  let lapsLeft = Math.max(1, Math.ceil(timeLeftMs / paceMs - 1e-9));
  if (length) {
    for (let pass = 0; pass < 2; pass += 1) {
      const beyond = lapsLeft - Math.max(0, length.typicalLaps - stintLaps);
      stopsToGo = beyond > 0 ? Math.ceil(beyond / length.typicalLaps) : 0;
      lapsLeft = Math.max(1, Math.ceil((timeLeftMs - stopsToGo * stopLossMs) / paceMs - 1e-9));
    }
  }
  const pitWindow = length && stopsToGo > 0 ? windowOf(laps, stintLaps, length, lastCrossingMs, paceMs) : null;
  return { ...base, pitWindow, stopsToGo: length ? stopsToGo : null, projectedLaps: laps + lapsLeft, projectedFinishMs: lastCrossingMs + lapsLeft * paceMs + stopsToGo * stopLossMs };
}

function windowOf(laps: number, stintLaps: number, length: CarStintLength, lastCrossingMs: number, paceMs: number): PitWindow {
  const start = laps - stintLaps;
  const opensLap = Math.max(laps + 1, start + length.shortestLaps);
  const closesLap = Math.max(opensLap, start + length.longestLaps);
  return { opensLap, closesLap, opensMs: lastCrossingMs + (opensLap - laps) * paceMs, closesMs: lastCrossingMs + (closesLap - laps) * paceMs };
}
