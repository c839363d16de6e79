import type { LapRecord } from "../records";

/** One car's laps in lap order, with what the derivations look up often. */
export interface CarLaps {
  car: string;
  carClass: string | null;
  laps: LapRecord[];
  /** elapsedMs of each lap, for binary search by race time. */
  elapsed: Float64Array;
}

/** The first crossing of each lap count by any car of a group (the field, or one class). */
export interface LeaderLine {
  /** times[n]: race time at which the group's leader completed lap n (cumulative maximum, so sorted). */
  times: Float64Array;
  /** cars[n]: who did. */
  cars: string[];
}

export interface RaceIndex {
  cars: CarLaps[];
  byCar: Map<string, CarLaps>;
  overall: LeaderLine;
  byClass: Map<string | null, LeaderLine>;
  /** Latest crossing of the race: "now" for a race in progress. */
  lastElapsedMs: number;
}

/** Groups laps by car (lap order) and finds, per lap count, who completed it first overall and in class. */
export function indexRace(laps: readonly LapRecord[]): RaceIndex {
  const grouped = new Map<string, LapRecord[]>();
  for (const lap of laps) {
    const list = grouped.get(lap.car);
    if (list) list.push(lap);
    else grouped.set(lap.car, [lap]);
  }
  const cars: CarLaps[] = [];
  for (const [car, list] of grouped) {
    list.sort((a, b) => a.lap - b.lap);
    const carClass = list.findLast((lap) => lap.carClass !== null)?.carClass ?? null;
    cars.push({ car, carClass, laps: list, elapsed: Float64Array.from(list, (lap) => lap.elapsedMs) });
  }
  cars.sort((a, b) => compareCarNumbers(a.car, b.car));
  const classes = new Map<string | null, CarLaps[]>();
  for (const car of cars) {
    const members = classes.get(car.carClass);
    if (members) members.push(car);
    else classes.set(car.carClass, [car]);
  }
  return {
    cars,
    byCar: new Map(cars.map((car) => [car.car, car])),
    overall: leaderLine(cars),
    byClass: new Map([...classes].map(([carClass, members]) => [carClass, leaderLine(members)])),
    lastElapsedMs: cars.reduce((latest, car) => Math.max(latest, car.elapsed[car.elapsed.length - 1] ?? 0), 0),
  };
}

function leaderLine(cars: CarLaps[]): LeaderLine {
  const maxLap = cars.reduce((max, car) => Math.max(max, car.laps[car.laps.length - 1]?.lap ?? 0), 0);
  const times = new Float64Array(maxLap + 1).fill(Infinity);
  const leaders = new Array<string>(maxLap + 1).fill("");
  times[0] = 0;
  for (const car of cars) {
    for (const lap of car.laps) {
      if (lap.elapsedMs < (times[lap.lap] ?? Infinity)) {
        times[lap.lap] = lap.elapsedMs;
        leaders[lap.lap] = car.car;
      }
    }
  }
  // A lap count nobody recorded (a gap in the file) takes the next one's time; then keep the times sorted.
  for (let n = maxLap - 1; n >= 1; n -= 1) {
    if (times[n] === Infinity) {
      times[n] = times[n + 1] ?? Infinity;
      leaders[n] = leaders[n + 1] ?? "";
    }
  }
  for (let n = 1; n <= maxLap; n += 1) times[n] = Math.max(times[n] ?? 0, times[n - 1] ?? 0);
  return { times, cars: leaders };
}

/** Index of the last value <= t in a sorted array, or -1. */
export function lastAtOrBefore(sorted: ArrayLike<number>, t: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] ?? Infinity) <= t) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** Laps the group's leader had completed at race time t. */
export function leaderLapsAt(line: LeaderLine, t: number): number {
  return Math.max(0, lastAtOrBefore(line.times, t));
}

/** Laps a car had completed at race time t (its lap number then; 0 before its first crossing). */
export function carLapsAt(car: CarLaps, t: number): number {
  const at = lastAtOrBefore(car.elapsed, t);
  return at < 0 ? 0 : (car.laps[at]?.lap ?? 0);
}

/** Race time at which a car completed lap n, or null when the file has no such lap. */
export function crossingOf(car: CarLaps, lap: number): number | null {
  // Laps are usually 1..n without gaps, so the lap sits at index n - 1; otherwise search.
  const guess = car.laps[lap - 1];
  if (guess?.lap === lap) return guess.elapsedMs;
  return car.laps.find((candidate) => candidate.lap === lap)?.elapsedMs ?? null;
}

/** Car numbers in the order people expect: numerically, then as text ("7" < "007" < "8" < "10"). */
export function compareCarNumbers(a: string, b: string): number {
  return Number(a) - Number(b) || a.length - b.length || a.localeCompare(b);
}
