import type { Flag, Gap, LapRecord } from "../records";
import { carLapsAt, crossingOf, indexRace, leaderLapsAt, type CarLaps, type LeaderLine, type RaceIndex } from "./race-index";

/** Where a car stood when it completed a lap. */
export interface LapPosition {
  car: string;
  lap: number;
  carClass: string | null;
  elapsedMs: number;
  position: number;
  classPosition: number;
  /** To the leader at that moment: laps down, and the time since the leader completed the same lap. */
  gapToLeader: Gap;
  /** To the car one place ahead (null for the leader). */
  interval: Gap | null;
  classGapToLeader: Gap;
  classInterval: Gap | null;
  flag: Flag | null;
}

/**
 * Position overall and in class at every line crossing. A car that completes lap n at time t is behind exactly
 * the cars that completed lap n before t (anyone further ahead passed that line earlier), so positions are the
 * order of crossings of each lap.
 */
export function lapPositions(laps: readonly LapRecord[], index: RaceIndex = indexRace(laps)): LapPosition[] {
  const crossings = new Map<number, { car: CarLaps; lap: LapRecord }[]>();
  for (const car of index.cars) {
    for (const lap of car.laps) {
      const list = crossings.get(lap.lap);
      if (list) list.push({ car, lap });
      else crossings.set(lap.lap, [{ car, lap }]);
    }
  }
  const out: LapPosition[] = [];
  for (const [lapNumber, list] of [...crossings].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a.lap.elapsedMs - b.lap.elapsedMs);
    const classAhead = new Map<string | null, CarLaps>();
    const classCount = new Map<string | null, number>();
    list.forEach(({ car, lap }, i) => {
      const classLine = index.byClass.get(car.carClass) ?? index.overall;
      const ahead = i > 0 ? list[i - 1]?.car : undefined;
      const aheadInClass = classAhead.get(car.carClass);
      const classPosition = (classCount.get(car.carClass) ?? 0) + 1;
      classCount.set(car.carClass, classPosition);
      classAhead.set(car.carClass, car);
      out.push({
        car: car.car,
        lap: lapNumber,
        carClass: car.carClass,
        elapsedMs: lap.elapsedMs,
        position: i + 1,
        classPosition,
        gapToLeader: gapToLeader(index, index.overall, lapNumber, lap.elapsedMs),
        interval: ahead ? gapTo(ahead, lapNumber, lap.elapsedMs) : null,
        classGapToLeader: gapToLeader(index, classLine, lapNumber, lap.elapsedMs),
        classInterval: aheadInClass ? gapTo(aheadInClass, lapNumber, lap.elapsedMs) : null,
        flag: lap.flag,
      });
    });
  }
  return out;
}

/** Gap of a car that completed `lap` at `t` to whoever led the group at t. */
export function gapToLeader(index: RaceIndex, line: LeaderLine, lap: number, t: number): Gap {
  const leaderLaps = leaderLapsAt(line, t);
  const leader = index.byCar.get(line.cars[leaderLaps] ?? "");
  const leaderCrossing = (leader && crossingOf(leader, lap)) ?? line.times[lap] ?? t;
  return { laps: Math.max(0, leaderLaps - lap), ms: Math.max(0, t - leaderCrossing) };
}

/** Gap of a car that completed `lap` at `t` to a car ahead of it. */
export function gapTo(ahead: CarLaps, lap: number, t: number): Gap {
  const crossing = crossingOf(ahead, lap) ?? t;
  return { laps: Math.max(0, carLapsAt(ahead, t) - lap), ms: Math.max(0, t - crossing) };
}
