/**
 * The typed records every endurance source yields and every derivation reads. Car numbers are strings
 * ("007" and "7" are different cars); drivers have no id upstream, so the name is the key.
 */

/** Track state, normalised from the upstream codes (GF, FCY, SF, FF, RF, ... or the live feed's 1-4). */
export type Flag = "green" | "yellow" | "fcy" | "safety-car" | "red" | "chequered";

/** One lap of one car, as the timing file states it. Times are milliseconds; race times run from the start. */
export interface LapRecord {
  car: string;
  lap: number;
  /** Seat index in the car's line-up (1..n): a change is a driver change. */
  driverNumber: number | null;
  driver: string | null;
  lapTimeMs: number;
  /** S1, S2, S3; null where the file leaves a sector blank. */
  sectorsMs: [number | null, number | null, number | null];
  kph: number | null;
  topSpeedKph: number | null;
  /** Race time when the car crossed the line at the end of this lap. */
  elapsedMs: number;
  /** Local time of day of that crossing (0 to 24 h; the file's clock wraps at midnight). */
  timeOfDayMs: number | null;
  /** 0 none, 1 personal best, 2 car best, 3 overall best: as the file says (unreliable for bests). */
  improvement: number | null;
  /** The lap ended in the pit lane (`CROSSING_FINISH_LINE_IN_PIT` = B). */
  inLap: boolean;
  /** The lap started in the pit lane (it carries the pit time; lap 1 too when the car started from the pit lane). */
  outLap: boolean;
  /** Time in the pit lane, stop included; set on the out-lap. */
  pitTimeMs: number | null;
  /** Flag at the finish line; null in files without FLAG_AT_FL or with an unknown code. */
  flag: Flag | null;
  /** The code as written (GF, FCY, SF, ...), kept when it is not one we know. */
  flagCode: string | null;
  carClass: string | null;
  /** Sub-class (H, P/A, ...). */
  group: string | null;
  team: string | null;
  manufacturer: string | null;
}

/** A pass through the pit lane as the timing file states it: the out-lap carries the time. */
export interface PitRecord {
  car: string;
  /** The lap that ended in the pit lane; null for a start from the pit lane. */
  inLap: number | null;
  outLap: number;
  pitLaneMs: number;
  /** Race time when the car crossed the line in the pit lane (start of the out-lap). */
  atMs: number;
}

/** A period under one flag. From lap flags, a flags-analysis file or the live feed (then still open). */
export interface FlagPeriod {
  flag: Flag;
  startMs: number | null;
  /** Null while the period is still running. */
  endMs: number | null;
  /** Leader's lap count when the period started, where known. */
  startLap: number | null;
}

/** A gap: whole laps behind plus time on the same lap (null when the feed only says "n Laps"). */
export interface Gap {
  laps: number;
  ms: number | null;
}

/** One car in a position snapshot (live feed, or derived from laps at a race time). */
export interface StandingRecord {
  car: string;
  position: number;
  classPosition: number | null;
  carClass: string | null;
  driver: string | null;
  team: string | null;
  vehicle: string | null;
  laps: number | null;
  /** Null for the leader. */
  gapToLeader: Gap | null;
  /** To the car one place ahead; null for the leader. */
  interval: Gap | null;
  classGapToLeader: Gap | null;
  classInterval: Gap | null;
  lastLapMs: number | null;
  bestLapMs: number | null;
  bestLapNumber: number | null;
  inPit: boolean;
  pitStops: number | null;
}

export interface ClassifiedDriver {
  name: string;
  license: string | null;
}

/** One car of a results classification. */
export interface ClassificationRecord {
  position: number;
  classPosition: number;
  car: string;
  carClass: string | null;
  team: string | null;
  vehicle: string | null;
  manufacturer: string | null;
  laps: number | null;
  totalTimeMs: number | null;
  bestLapMs: number | null;
  /** "Classified", "Retired", "DNF", ... as written. */
  status: string | null;
  finished: boolean;
  drivers: ClassifiedDriver[];
}

/** Session-wide state from the live feed. */
export interface SessionState {
  name: string | null;
  event: string | null;
  track: string | null;
  flag: Flag | null;
  elapsedMs: number | null;
  remainingMs: number | null;
  /** Chequered flag shown or "Session Complete": the live session is over. */
  complete: boolean;
}

/** A row or entry left out, with the reason; `line` is 1-based in the file (entry index for JSON). */
export interface RejectedRow {
  line: number;
  reason: string;
}

/** The identity of a lap across reads: car number as written plus lap number. */
export function lapKey(car: string, lap: number): string {
  return `${car}#${lap}`;
}
