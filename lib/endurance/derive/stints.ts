import type { LapRecord } from "../records";
import { driverName, isRacingLap, median } from "./lap-facts";
import { indexRace, type RaceIndex } from "./race-index";

/** Laps between two stops: from lap 1 or an out-lap, to an in-lap or the car's last lap. */
export interface Stint {
  car: string;
  carClass: string | null;
  /** 1-based among the car's stints. */
  number: number;
  startLap: number;
  endLap: number;
  laps: number;
  /** Drivers in the order they drove (one, unless the file changes driver away from a stop). */
  drivers: string[];
  /** Race time at the start of the first lap and at the end of the last. */
  startMs: number;
  endMs: number;
  /** Ended with an in-lap (false for the stint still running or the one that took the flag). */
  endedInPit: boolean;
  /** Median of the stint's green laps, in-lap and out-lap left out: its pace. */
  paceMs: number | null;
  bestLapMs: number;
}

/** Laps of one driver in a row, across stops: a double stint is one driver stint. */
export interface DriverStint {
  car: string;
  carClass: string | null;
  driver: string;
  number: number;
  startLap: number;
  endLap: number;
  laps: number;
  startMs: number;
  endMs: number;
}

/** Where a lap sits in its stint (the out-lap is lap 1 of its stint). */
export interface StintLap {
  car: string;
  lap: number;
  stint: number;
  /** Laps done since the last stop, this one included. */
  lapsSinceStop: number;
}

export interface StintAnalysis {
  stints: Stint[];
  driverStints: DriverStint[];
  stintLaps: StintLap[];
}

/** Stints by stop and by driver, and each lap's place in its stint. */
export function stints(laps: readonly LapRecord[], index: RaceIndex = indexRace(laps)): StintAnalysis {
  const out: StintAnalysis = { stints: [], driverStints: [], stintLaps: [] };
  for (const { car, carClass, laps: carLaps } of index.cars) {
    let current: LapRecord[] = [];
    let number = 1;
    const close = (endedInPit: boolean) => {
      if (current.length === 0) return;
      out.stints.push(stintOf(car, carClass, number, current, endedInPit));
      number += 1;
      current = [];
    };
    for (const lap of carLaps) {
      // An out-lap starts a stint even when its in-lap was not marked.
      if (lap.outLap) close(true);
      current.push(lap);
      out.stintLaps.push({ car, lap: lap.lap, stint: number, lapsSinceStop: current.length });
      if (lap.inLap) close(true);
    }
    close(false);
    out.driverStints.push(...driverStintsOf(car, carClass, carLaps));
  }
  return out;
}

function stintOf(car: string, carClass: string | null, number: number, laps: LapRecord[], endedInPit: boolean): Stint {
  const first = laps[0];
  const last = laps[laps.length - 1];
  if (!first || !last) throw new Error("a stint has at least one lap");
  const drivers = [...new Set(laps.map(driverName))];
  const green = laps.filter(isRacingLap).map((lap) => lap.lapTimeMs);
  return {
    car,
    carClass,
    number,
    startLap: first.lap,
    endLap: last.lap,
    laps: laps.length,
    drivers,
    startMs: first.elapsedMs - first.lapTimeMs,
    endMs: last.elapsedMs,
    endedInPit,
    paceMs: median(green),
    bestLapMs: Math.min(...laps.map((lap) => lap.lapTimeMs)),
  };
}

function driverStintsOf(car: string, carClass: string | null, laps: LapRecord[]): DriverStint[] {
  const out: DriverStint[] = [];
  for (const lap of laps) {
    const driver = driverName(lap);
    const open = out[out.length - 1];
    if (open && open.driver === driver) {
      open.endLap = lap.lap;
      open.laps += 1;
      open.endMs = lap.elapsedMs;
    } else {
      out.push({ car, carClass, driver, number: out.length + 1, startLap: lap.lap, endLap: lap.lap, laps: 1, startMs: lap.elapsedMs - lap.lapTimeMs, endMs: lap.elapsedMs });
    }
  }
  return out;
}
