import type { FlagPeriod, LapRecord } from "../records";
import { indexRace, leaderLapsAt, type RaceIndex } from "./race-index";

/**
 * Flag periods from the flag each car saw at the line, in race-time order: a period starts at the first
 * crossing under a new flag and ends at the first crossing under the next one. The chequered period stays
 * open. Files without FLAG_AT_FL give no periods.
 */
export function flagPeriods(laps: readonly LapRecord[], index: RaceIndex = indexRace(laps)): FlagPeriod[] {
  const crossings = laps.filter((lap) => lap.flag !== null).sort((a, b) => a.elapsedMs - b.elapsedMs);
  const periods: FlagPeriod[] = [];
  for (const lap of crossings) {
    const open = periods[periods.length - 1];
    if (open?.flag === lap.flag || lap.flag === null) continue;
    if (open) open.endMs = lap.elapsedMs;
    // The lap that opens a period began under the previous flag (or at the start, for the first one).
    const startMs = open ? lap.elapsedMs : 0;
    periods.push({ flag: lap.flag, startMs, endMs: null, startLap: leaderLapsAt(index.overall, startMs) });
  }
  return periods;
}
