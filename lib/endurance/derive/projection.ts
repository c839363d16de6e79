import type { LapRecord } from "../records";
import { isRacingLap, median } from "./lap-facts";
import { indexRace, lastAtOrBefore, type CarLaps, type RaceIndex } from "./race-index";

export interface ProjectionOptions {
  /** Scheduled race length: the leader takes the chequered flag at the first crossing after it. */
  raceDurationMs: number;
  /** Race time of the projection; the latest crossing when absent. */
  nowMs?: number;
  /** Green laps the pace is the median of. */
  paceLaps?: number;
}

export interface CarProjection {
  car: string;
  carClass: string | null;
  laps: number;
  lastCrossingMs: number;
  /** Median of the car's recent green laps (of its recent laps when it has no green one). */
  paceMs: number;
  /** Laps the car is expected to complete by its chequered flag. */
  projectedLaps: number;
  lapsRemaining: number;
  /** Race time of the car's projected last crossing. */
  finishMs: number;
  /** Took the chequered flag already. */
  finished: boolean;
  /** Not seen at the line for three of its laps (retired, or in the garage): projected to do no more laps. */
  stopped: boolean;
}

export interface RaceProjection {
  nowMs: number;
  timeRemainingMs: number;
  /** When the overall leader is expected to take the chequered flag. */
  chequeredMs: number;
  overall: CarProjection | null;
  /** The leader of each class. */
  classLeaders: CarProjection[];
  cars: CarProjection[];
}

const RECENT_LAPS = 5;

/**
 * Laps remaining in a timed race. The leader's flag falls on its first crossing after the scheduled end (or
 * fell already: the first chequered crossing); every other car finishes on its first crossing after that.
 * Each car is projected at its own recent pace.
 */
export function projectFinish(laps: readonly LapRecord[], options: ProjectionOptions, index: RaceIndex = indexRace(laps)): RaceProjection {
  const nowMs = options.nowMs ?? index.lastElapsedMs;
  const recent = options.paceLaps ?? RECENT_LAPS;
  const states = index.cars.flatMap((car) => {
    const state = carState(car, nowMs, recent);
    return state ? [state] : [];
  });
  states.sort((a, b) => b.laps - a.laps || a.lastCrossingMs - b.lastCrossingMs);
  const leader = states[0];
  const flagFell = laps.reduce((first, lap) => (lap.flag === "chequered" && lap.elapsedMs <= nowMs ? Math.min(first, lap.elapsedMs) : first), Infinity);
  const chequeredMs = Number.isFinite(flagFell) ? flagFell : leader ? firstCrossingFrom(leader, options.raceDurationMs) : options.raceDurationMs;
  const cars = states.map((state): CarProjection => {
    const { car, carClass, laps: done, lastCrossingMs, paceMs } = state;
    const finished = state.sawChequered || lastCrossingMs >= chequeredMs;
    const stopped = !finished && nowMs - lastCrossingMs > 3 * paceMs;
    const lapsRemaining = finished || stopped ? 0 : Math.max(1, Math.ceil((chequeredMs - lastCrossingMs) / paceMs - 1e-9));
    const finishMs = lastCrossingMs + lapsRemaining * paceMs;
    return { car, carClass, laps: done, lastCrossingMs, paceMs, projectedLaps: done + lapsRemaining, lapsRemaining, finishMs, finished, stopped };
  });
  const classLeaders = new Map<string | null, CarProjection>();
  for (const car of cars) if (!classLeaders.has(car.carClass)) classLeaders.set(car.carClass, car);
  return {
    nowMs,
    timeRemainingMs: Math.max(0, options.raceDurationMs - nowMs),
    chequeredMs,
    overall: cars[0] ?? null,
    classLeaders: [...classLeaders.values()],
    cars,
  };
}

type CarState = Pick<CarProjection, "car" | "carClass" | "laps" | "lastCrossingMs" | "paceMs"> & { sawChequered: boolean };

function carState(car: CarLaps, nowMs: number, recent: number): CarState | null {
  const done = car.laps.slice(0, lastAtOrBefore(car.elapsed, nowMs) + 1);
  const last = done[done.length - 1];
  if (!last) return null;
  const racing = done.filter(isRacingLap).slice(-recent);
  const paceMs = median((racing.length > 0 ? racing : done.slice(-recent)).map((lap) => lap.lapTimeMs)) ?? last.lapTimeMs;
  return { car: car.car, carClass: car.carClass, laps: last.lap, lastCrossingMs: last.elapsedMs, paceMs, sawChequered: last.flag === "chequered" };
}

/** The leader's first crossing at or after `t` at its pace (or the crossing it already made). */
function firstCrossingFrom(leader: CarState, t: number): number {
  if (leader.lastCrossingMs >= t) return leader.lastCrossingMs;
  return leader.lastCrossingMs + Math.ceil((t - leader.lastCrossingMs) / leader.paceMs) * leader.paceMs;
}
