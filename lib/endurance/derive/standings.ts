import type { LapRecord, StandingRecord } from "../records";
import { gapTo, gapToLeader } from "./positions";
import { indexRace, lastAtOrBefore, type CarLaps, type RaceIndex } from "./race-index";

/**
 * The leaderboard at race time t from the laps alone (for a replay, a TV delay, or "the order at hour 6"):
 * cars by laps completed, then by who completed that lap first. A car is in the pit lane from its in-lap's
 * crossing until its pit time has run.
 */
export function standingsAt(laps: readonly LapRecord[], t: number, index: RaceIndex = indexRace(laps)): StandingRecord[] {
  const running = index.cars.flatMap((car) => {
    const at = lastAtOrBefore(car.elapsed, t);
    const last = car.laps[at];
    return last ? [{ car, last, done: car.laps.slice(0, at + 1), next: car.laps[at + 1] }] : [];
  });
  running.sort((a, b) => b.last.lap - a.last.lap || a.last.elapsedMs - b.last.elapsedMs);
  const classCount = new Map<string | null, number>();
  const classAhead = new Map<string | null, CarLaps>();
  return running.map(({ car, last, done, next }, i) => {
    const classPosition = (classCount.get(car.carClass) ?? 0) + 1;
    classCount.set(car.carClass, classPosition);
    const aheadInClass = classAhead.get(car.carClass);
    classAhead.set(car.carClass, car);
    const ahead = running[i - 1]?.car;
    const best = done.reduce((fastest, lap) => (lap.lapTimeMs < fastest.lapTimeMs ? lap : fastest), last);
    const leader = i === 0;
    return {
      car: car.car,
      position: i + 1,
      classPosition,
      carClass: car.carClass,
      driver: last.driver,
      team: last.team,
      vehicle: last.manufacturer,
      laps: last.lap,
      gapToLeader: leader ? null : gapToLeader(index, index.overall, last.lap, last.elapsedMs),
      interval: ahead ? gapTo(ahead, last.lap, last.elapsedMs) : null,
      classGapToLeader: classPosition === 1 ? null : gapToLeader(index, index.byClass.get(car.carClass) ?? index.overall, last.lap, last.elapsedMs),
      classInterval: aheadInClass ? gapTo(aheadInClass, last.lap, last.elapsedMs) : null,
      lastLapMs: last.lapTimeMs,
      bestLapMs: best.lapTimeMs,
      bestLapNumber: best.lap,
      inPit: last.inLap && (next === undefined || t < last.elapsedMs + (next.pitTimeMs ?? 0)),
      pitStops: done.filter((lap, j) => lap.inLap || (j > 0 && lap.outLap && !done[j - 1]?.inLap)).length,
    };
  });
}
