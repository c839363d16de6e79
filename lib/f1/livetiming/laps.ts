import type { Lap, Triple } from "@/lib/f1/records";
import { clockMs, integerOf, numberOf } from "./fields";
import type { FeedObject, FeedValue } from "./merge";

/** What one driver's timing line has told so far about laps: the count, and the laps being put together. */
export interface LapProgress {
  /** The timing's NumberOfLaps as last seen. */
  count: number | null;
  /** The lap the driver is on. */
  current: number;
  laps: Map<number, LapDraft>;
}

interface LapDraft {
  startedAt: number | null;
  lapMs: number | null;
  sectorMs: Triple<number | null>;
  i1: number | null;
  i2: number | null;
  trap: number | null;
  pitOut: boolean;
}

export const newLapProgress = (): LapProgress => ({ count: null, current: 1, laps: new Map() });

const asObject = (value: FeedValue | undefined): FeedObject | null =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? value : null;

/** The entries a delta touched in an array field, sent either whole (a list) or by index (`{"2": {...}}`). */
function touched(value: FeedValue | undefined): [number, FeedObject][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => (asObject(item) ? [[index, asObject(item) as FeedObject] as [number, FeedObject]] : []));
  const object = asObject(value);
  if (!object) return [];
  return Object.entries(object).flatMap(([key, item]) => (Number.isInteger(Number(key)) && asObject(item) ? [[Number(key), asObject(item) as FeedObject] as [number, FeedObject]] : []));
}

const valueOf = (field: FeedValue | undefined): FeedValue | undefined => asObject(field)?.Value;

function draft(progress: LapProgress, lapNumber: number): LapDraft {
  let lap = progress.laps.get(lapNumber);
  if (!lap) {
    lap = { startedAt: null, lapMs: null, sectorMs: [null, null, null], i1: null, i2: null, trap: null, pitOut: false };
    progress.laps.set(lapNumber, lap);
  }
  return lap;
}

/**
 * Moves a driver's laps on with one TimingData delta and returns the laps it changed. NumberOfLaps counts laps done
 * in a race; in practice and qualifying it also counts the lap being driven (it becomes 1 at the first pit exit), so
 * the lap a LastLapTime belongs to differs. A time sent without a new count is an in-lap ending in the pit lane (or
 * the race's latest lap again). The last sector arrives with the new count and belongs to the lap just done. A race
 * lap completed once the race is over (`finished`) is the car's last: no lap after it is opened.
 */
export function advanceLaps(progress: LapProgress, delta: FeedObject, line: FeedObject, at: number, race: boolean, finished = false): number[] {
  const changed = new Set<number>();
  const count = integerOf(line.NumberOfLaps);
  const before = progress.count;
  const counted = delta.NumberOfLaps !== undefined && count !== null && count !== before;
  let completed = progress.current;
  if (counted) {
    progress.count = count;
    completed = race ? count : count - 1;
    const next = race ? count + 1 : count;
    // A first count seen mid-lap (joining a session late) says which lap runs, not when it began.
    const joinedLate = before === null && !(race ? count <= 1 : count === 1);
    if ((next !== progress.current || before === null) && !(race && finished)) {
      progress.current = next;
      const started = draft(progress, next);
      started.startedAt = joinedLate ? null : at;
      started.pitOut = line.PitOut === true;
      changed.add(next);
    }
  }
  // In a race the count moves as the car crosses the line in the pit lane; PitOut comes later, at the pit exit.
  if (delta.PitOut === true) {
    const lap = draft(progress, progress.current);
    if (!lap.pitOut) {
      lap.pitOut = true;
      changed.add(progress.current);
    }
  }
  const lastSector = 2;
  for (const [index, sector] of touched(delta.Sectors)) {
    const ms = clockMs(sector.Value);
    if (ms === null || index > lastSector) continue;
    const lapNumber = counted && index === lastSector ? completed : progress.current;
    if (lapNumber < 1) continue;
    draft(progress, lapNumber).sectorMs[index] = ms;
    changed.add(lapNumber);
  }
  const speeds = asObject(delta.Speeds);
  if (speeds) {
    const lap = draft(progress, progress.current);
    lap.i1 = numberOf(valueOf(speeds.I1)) ?? lap.i1;
    lap.i2 = numberOf(valueOf(speeds.I2)) ?? lap.i2;
    lap.trap = numberOf(valueOf(speeds.ST)) ?? lap.trap;
  }
  const lapMs = clockMs(valueOf(asObject(delta.LastLapTime) ?? undefined));
  if (lapMs !== null && count !== null) {
    const lapNumber = counted && !race ? count - 1 : count;
    if (lapNumber >= 1) {
      draft(progress, lapNumber).lapMs = lapMs;
      changed.add(lapNumber);
    }
  }
  return [...changed].sort((a, b) => a - b);
}

export function lapRecord(progress: LapProgress, sessionKey: number, driverNumber: number, lapNumber: number): Lap {
  const lap = draft(progress, lapNumber);
  return {
    kind: "lap",
    sessionKey,
    driverNumber,
    lapNumber,
    startedAt: lap.startedAt === null ? null : new Date(lap.startedAt),
    lapMs: lap.lapMs,
    sectorMs: [...lap.sectorMs],
    // The feed's mini-sector codes are not read yet.
    miniSectors: [[], [], []],
    intermediate1Kph: lap.i1,
    intermediate2Kph: lap.i2,
    speedTrapKph: lap.trap,
    pitOutLap: lap.pitOut,
  };
}

export { asObject, touched };
