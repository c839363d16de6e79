// What a race's history looked like at a moment: each driver's gap to the leader lap by lap (the race trace) and their
// tyre stints so far. Pure functions over the laps and stints endpoints' rows, so the live page, time travel and
// tests compute the same thing.

export interface TraceLap {
  driverNumber: number;
  lapNumber: number;
  startedAt: string | null;
  lapMs: number | null;
}

export interface TraceStint {
  driverNumber: number;
  stintNumber: number;
  compound: string | null;
  lapStart: number;
  lapEnd: number | null;
  tyreAgeAtStart: number | null;
}

/** One lap completed by one driver: when they crossed the line to end it. */
export interface Crossing {
  driverNumber: number;
  lapNumber: number;
  atMs: number;
}

/**
 * When each lap ended: its start plus its time, or else the start of the driver's next lap (OpenF1 leaves the time of
 * some laps out, e.g. under a red flag). Laps whose end cannot be known are left out. Sorted by time.
 */
export function lapCrossings(laps: readonly TraceLap[]): Crossing[] {
  const starts = new Map(laps.filter((lap) => lap.startedAt !== null).map((lap) => [`${lap.driverNumber}:${lap.lapNumber}`, Date.parse(lap.startedAt!)]));
  const crossings: Crossing[] = [];
  for (const lap of laps) {
    const started = lap.startedAt === null ? null : Date.parse(lap.startedAt);
    const atMs = started !== null && lap.lapMs !== null ? started + lap.lapMs : starts.get(`${lap.driverNumber}:${lap.lapNumber + 1}`);
    if (atMs !== undefined && Number.isFinite(atMs)) crossings.push({ driverNumber: lap.driverNumber, lapNumber: lap.lapNumber, atMs });
  }
  return crossings.sort((a, b) => a.atMs - b.atMs);
}

/** The time of the newest crossing at or before `atMs` (0 when none): the trace only changes when this does. */
export function lastCrossingBy(crossings: readonly Crossing[], atMs: number): number {
  let low = 0;
  let high = crossings.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (crossings[mid]!.atMs <= atMs) low = mid + 1;
    else high = mid;
  }
  return low === 0 ? 0 : crossings[low - 1]!.atMs;
}

export interface RaceTrace {
  /** Lap numbers, ascending. */
  laps: number[];
  /** Per driver (in `drivers` order), seconds behind the first driver to complete each lap; null where not known. */
  gaps: (number | null)[][];
}

/**
 * Gaps to the leader at the end of every lap completed by `atMs`: a driver's crossing of lap n minus the first
 * crossing of lap n by anyone. A lapped driver ends lap n long after the leader did, so the gap grows past a lap time,
 * as on a broadcast race trace.
 */
export function raceTrace(crossings: readonly Crossing[], drivers: readonly number[], atMs: number): RaceTrace {
  const first = new Map<number, number>();
  const byDriver = new Map<number, Map<number, number>>();
  for (const crossing of crossings) {
    if (crossing.atMs > atMs) break;
    if (!first.has(crossing.lapNumber)) first.set(crossing.lapNumber, crossing.atMs);
    const own = byDriver.get(crossing.driverNumber) ?? new Map<number, number>();
    own.set(crossing.lapNumber, crossing.atMs);
    byDriver.set(crossing.driverNumber, own);
  }
  const laps = [...first.keys()].sort((a, b) => a - b);
  const gaps = drivers.map((driver) =>
    laps.map((lap) => {
      const own = byDriver.get(driver)?.get(lap);
      return own === undefined ? null : (own - first.get(lap)!) / 1000;
    }),
  );
  return { laps, gaps };
}

export interface StintBar {
  stintNumber: number;
  compound: string | null;
  fromLap: number;
  toLap: number;
  /** Laps the tyres had done before this stint (0: new). */
  ageAtStart: number | null;
}

/** A driver's stints as far as their lap `lapNow` (the current one is cut there; later ones are left out). */
export function stintsSoFar(stints: readonly TraceStint[], driverNumber: number, lapNow: number | null): StintBar[] {
  if (lapNow === null) return [];
  return stints
    .filter((stint) => stint.driverNumber === driverNumber && stint.lapStart <= lapNow)
    .sort((a, b) => a.lapStart - b.lapStart)
    .map((stint) => ({
      stintNumber: stint.stintNumber,
      compound: stint.compound,
      fromLap: stint.lapStart,
      toLap: Math.min(stint.lapEnd ?? lapNow, lapNow),
      ageAtStart: stint.tyreAgeAtStart,
    }));
}
