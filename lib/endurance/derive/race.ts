import type { FlagPeriod, LapRecord } from "../records";
import { bestLaps, type BestLaps } from "./bests";
import { driveTime, type CarDriveTime, type DriveTimeRules } from "./drive-time";
import { flagPeriods } from "./flag-periods";
import { pitStops, type PitAnalysis } from "./pits";
import { lapPositions, type LapPosition } from "./positions";
import { projectFinish, type RaceProjection } from "./projection";
import { indexRace } from "./race-index";
import { stints, type StintAnalysis } from "./stints";

export interface RaceOptions {
  raceDurationMs: number;
  /** Race time to derive at (a replay, a TV delay); laps after it are left out. The latest crossing when absent. */
  nowMs?: number;
  driveTimeRules?: DriveTimeRules;
  classDriveTimeRules?: Readonly<Record<string, DriveTimeRules>>;
}

export interface DerivedRace extends StintAnalysis, PitAnalysis {
  positions: LapPosition[];
  driveTime: CarDriveTime[];
  bests: BestLaps;
  flagPeriods: FlagPeriod[];
  projection: RaceProjection;
}

/** Everything derived from a race's laps over one shared index (Le Mans 2024, 15,593 laps: about a tenth of a second). */
export function deriveRace(allLaps: readonly LapRecord[], options: RaceOptions): DerivedRace {
  const laps = options.nowMs === undefined ? allLaps : allLaps.filter((lap) => lap.elapsedMs <= (options.nowMs ?? Infinity));
  const index = indexRace(laps);
  return {
    positions: lapPositions(laps, index),
    ...pitStops(laps, index),
    ...stints(laps, index),
    driveTime: driveTime(laps, { raceDurationMs: options.raceDurationMs, nowMs: options.nowMs, rules: options.driveTimeRules ?? {}, classRules: options.classDriveTimeRules }, index),
    bests: bestLaps(laps),
    flagPeriods: flagPeriods(laps, index),
    projection: projectFinish(laps, { raceDurationMs: options.raceDurationMs, nowMs: options.nowMs }, index),
  };
}
