import { formatCountdown, formatRaceTime } from "./clock-text";
import type { RaceFile, RaceRow } from "./race-file";

/** A car's laps in lap order. */
interface CarRows {
  car: string;
  rows: RaceRow[];
}

/** Where a car stands at a race time. */
export interface CarState {
  car: string;
  rows: RaceRow[];
  /** Index in rows of the last lap completed. */
  last: number;
}

const cache = new WeakMap<RaceFile, CarRows[]>();

function carsOf(file: RaceFile): CarRows[] {
  const cached = cache.get(file);
  if (cached) return cached;
  const byCar = new Map<string, RaceRow[]>();
  for (const row of file.rows) {
    if (row.car === "" || row.lap < 1) continue;
    const rows = byCar.get(row.car) ?? [];
    rows.push(row);
    byCar.set(row.car, rows);
  }
  const cars = [...byCar].map(([car, rows]) => ({ car, rows: rows.sort((a, b) => a.lap - b.lap) }));
  cache.set(file, cars);
  return cars;
}

/** Cars that completed a lap by t, in race order: most laps, then first to complete that lap. */
export function orderAt(file: RaceFile, t: number): CarState[] {
  const states: CarState[] = [];
  for (const { car, rows } of carsOf(file)) {
    const last = lastIndexBy(rows, t);
    if (last >= 0) states.push({ car, rows, last });
  }
  return states.sort((a, b) => lastRow(b).lap - lastRow(a).lap || lastRow(a).elapsedMs - lastRow(b).elapsedMs);
}

/** Index of the last row completed by t (rows in lap order), or -1. */
function lastIndexBy(rows: RaceRow[], t: number): number {
  let low = 0;
  let high = rows.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((rows[mid]?.elapsedMs ?? Infinity) <= t) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

export function lastRow(state: CarState): RaceRow {
  const row = state.rows[state.last];
  if (!row) throw new Error(`car ${state.car} has no lap yet`);
  return row;
}

/** IMSA-style gap of `behind` to `ahead` when `behind` last crossed the line: "n Lap(s)" or seconds. */
function gapText(ahead: CarState, behind: CarState): string {
  const mine = lastRow(behind);
  const aheadLaps = ahead.rows[lastIndexBy(ahead.rows, mine.elapsedMs)]?.lap ?? 0;
  if (aheadLaps > mine.lap) return aheadLaps - mine.lap === 1 ? "1 Lap" : `${aheadLaps - mine.lap} Laps`;
  const theirs = ahead.rows.find((row) => row.lap === mine.lap);
  const ms = Math.max(0, mine.elapsedMs - (theirs?.elapsedMs ?? mine.elapsedMs));
  return ms >= 60_000 ? formatRaceTime(ms) : (ms / 1000).toFixed(3);
}

function inPit(state: CarState, t: number): boolean {
  const last = lastRow(state);
  const next = state.rows[state.last + 1];
  return last.inLap && (next === undefined || t < last.elapsedMs + (next.pitTimeMs ?? 0));
}

function pitStops(state: CarState): number {
  return state.rows.slice(0, state.last + 1).filter((row, i, rows) => row.inLap || (i > 0 && row.pitTimeMs !== null && !rows[i - 1]?.inLap)).length;
}

/** Flag code of the live feed: 1 green, 2 caution, 3 red, 4 chequered (from the last crossing's FLAG_AT_FL). */
function flagCodeAt(file: RaceFile, t: number): string {
  let latest: RaceRow | undefined;
  for (const row of file.rows) if (row.elapsedMs <= t && (!latest || row.elapsedMs > latest.elapsedMs)) latest = row;
  if (!latest) return "0";
  if (latest.flag === "FF" || t >= file.endMs) return "4";
  if (latest.flag === "RF") return "3";
  if (["FCY", "SF", "SC", "YF", "VSC"].includes(latest.flag)) return "2";
  return "1";
}

export interface LiveSession {
  name: string;
  event: string;
  track: string;
}

/** RaceResults_JSONP's object at race time t: header and one row per car, plus the safety cars' junk rows. */
export function raceResultsAt(file: RaceFile, t: number, session: LiveSession): Record<string, unknown> {
  const order = orderAt(file, t);
  if (order.length === 0) return { B: [] };
  const leaderByClass = new Map<string, CarState>();
  const aheadInClass = new Map<string, CarState>();
  const classCount = new Map<string, number>();
  const leader = order[0];
  const cars = order.map((state, i) => {
    const ahead = order[i - 1];
    const last = lastRow(state);
    const classPosition = (classCount.get(last.carClass) ?? 0) + 1;
    classCount.set(last.carClass, classPosition);
    const classLeader = leaderByClass.get(last.carClass);
    const classAhead = aheadInClass.get(last.carClass);
    if (!classLeader) leaderByClass.set(last.carClass, state);
    aheadInClass.set(last.carClass, state);
    const done = state.rows.slice(0, state.last + 1);
    const best = done.reduce((fastest, row) => ((row.lapTimeMs ?? Infinity) < (fastest.lapTimeMs ?? Infinity) ? row : fastest), last);
    return {
      A: i + 1,
      PIC: classPosition,
      N: state.car,
      C: last.carClass,
      F: last.driver,
      T: last.team,
      V: last.manufacturer,
      L: last.lap,
      D: leader && i > 0 ? gapText(leader, state) : "--.---",
      G: ahead ? gapText(ahead, state) : "--.---",
      DIC: classLeader ? gapText(classLeader, state) : "--.---",
      GIC: classAhead ? gapText(classAhead, state) : "--.---",
      LL: last.lapTimeMs === null ? "" : formatRaceTime(last.lapTimeMs),
      BL: best.lapTimeMs === null ? "" : formatRaceTime(best.lapTimeMs),
      IN: best.lap,
      P: inPit(state, t) ? 1 : 0,
      PS: pitStops(state),
    };
  });
  // The real feed lists the safety cars after the field, with no class: consumers must skip them.
  const safetyCars = ["SC1", "SC2"].map((number, i) => ({ A: cars.length + i + 1, PIC: "", N: number, C: "", F: "", T: "", V: "", L: 0, D: "", G: "", LL: "", BL: "", P: 0 }));
  return { S: session.name, E: session.event, T: session.track, DT: latestCrossing(order)?.timeOfDay.slice(0, 8) ?? "", B: [...cars, ...safetyCars] };
}

/** RaceData_JSONP's object: time of day, time to go (or "Session Complete"), flag code. */
export function raceDataAt(file: RaceFile, t: number, scheduledMs: number): Record<string, string> {
  const finished = t >= file.endMs;
  const toGo = formatCountdown(Math.max(0, scheduledMs - t));
  return {
    A: latestCrossing(orderAt(file, t))?.timeOfDay.slice(0, 8) ?? "",
    B: finished ? "Session Complete" : `Time to go: ${toGo}`,
    C: flagCodeAt(file, t),
    T: finished ? "" : toGo,
  };
}

function latestCrossing(order: CarState[]): RaceRow | undefined {
  return order.map(lastRow).reduce<RaceRow | undefined>((latest, row) => (!latest || row.elapsedMs > latest.elapsedMs ? row : latest), undefined);
}
