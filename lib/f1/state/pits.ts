import type { DriverEntry, PitEntry, StintEntry } from "./entries";

/**
 * Which visits to the pit lane were tyre stops. A stop shows up as a new stint starting on the lap after the in-lap.
 * A new stint on the same compound whose tyre age carries on is the same set (the timing opens a stint for a pass
 * through the pit lane): no tyre stop. A visit with no new stint two laps later is no tyre stop either (a drive-through,
 * an aborted stop). Under green a visit counts at once, as almost all are stops; under a safety car or a virtual
 * safety car, where cars also pass through the pit lane without stopping, it counts only once new tyres are seen.
 */

// How long after crossing the line on an out-lap a car can still be in the pit lane.
const OUT_LAP_PIT_MS = 45_000;

function sameSet(before: StintEntry, after: StintEntry): boolean {
  if (before.compound === null || before.compound !== after.compound) return false;
  if (before.tyreAgeAtStart === null || after.tyreAgeAtStart === null) return false;
  return after.tyreAgeAtStart >= before.tyreAgeAtStart + (after.lapStart - before.lapStart) - 1;
}

/** True for new tyres, false for none, null while the stints do not tell yet. */
export function tyreChange(driver: DriverEntry, pit: PitEntry): boolean | null {
  const next = driver.stints.find((stint) => stint.stintNumber > 1 && (stint.lapStart === pit.lapNumber + 1 || stint.lapStart === pit.lapNumber));
  if (next) {
    const before = driver.stints.find((stint) => stint.stintNumber === next.stintNumber - 1);
    return !(before && sameSet(before, next));
  }
  return (driver.lap ?? 0) >= pit.lapNumber + 2 ? false : null;
}

export function tyreStops(driver: DriverEntry): number {
  return driver.pits.filter((pit) => {
    const change = tyreChange(driver, pit);
    return change === true || (change === null && !pit.neutralised);
  }).length;
}

/** In the pit lane: between entry and exit of a known visit, or on an out-lap whose visit the timing has not sent yet. */
export function inPitLane(driver: DriverEntry, at: number): boolean {
  if (driver.pits.some((pit) => pit.entryAt <= at && at < pit.exitAt)) return true;
  const started = driver.lapStartedAt;
  if (!driver.pitOutLap || started === null || at - started > OUT_LAP_PIT_MS) return false;
  return !driver.pits.some((pit) => pit.exitAt >= started - OUT_LAP_PIT_MS);
}
