import type { Lap, PitStop, RaceRecord, Triple } from "@/lib/f1/records";

/** A record and the moment it became known, in epoch milliseconds. */
export interface TimedRecord {
  at: number;
  record: RaceRecord;
}

const sum = (values: readonly (number | null)[]): number | null =>
  values.reduce<number | null>((total, value) => (total === null || value === null ? null : total + value), 0);

/** When a lap started and ended, and when each of its sectors was done, as far as the laps tell. */
function lapMoments(lap: Lap, nextStart: number | null): { start: number | null; end: number | null; sectorEnds: Triple<number | null> } {
  const sectors = lap.sectorMs;
  const timed = sum(sectors);
  let start = lap.startedAt?.getTime() ?? null;
  const end = start !== null && lap.lapMs !== null ? start + lap.lapMs : (nextStart ?? (start !== null && timed !== null ? start + timed : null));
  const total = lap.lapMs ?? timed;
  if (start === null && end !== null && total !== null) start = end - total;
  const sectorEnds = sectors.map((ms, index) => {
    if (ms === null) return null;
    const before = sum(sectors.slice(0, index + 1));
    const after = sum(sectors.slice(index + 1));
    if (start !== null && before !== null) return start + before;
    return end !== null && after !== null ? end - after : null;
  }) as Triple<number | null>;
  return { start, end, sectorEnds };
}

/** The lap as known once `sectorsDone` sectors are done: later sectors, the lap time and the speed trap still empty. */
function lapSoFar(lap: Lap, sectorsDone: number): Lap {
  const keep = <T>(values: Triple<T>, empty: T): Triple<T> => values.map((value, index) => (index < sectorsDone ? value : empty)) as Triple<T>;
  return {
    ...lap,
    lapMs: null,
    sectorMs: keep(lap.sectorMs, null),
    miniSectors: keep(lap.miniSectors, []),
    intermediate1Kph: sectorsDone >= 1 ? lap.intermediate1Kph : null,
    intermediate2Kph: sectorsDone >= 2 ? lap.intermediate2Kph : null,
    speedTrapKph: null,
  };
}

/**
 * The records of one session in the order they became known, for replays and time travel. A lap is known bit by
 * bit: started, then each sector, then done (the timing gives a lap's start and durations; the first lap of a race
 * has no start, so its moments are counted back from the next lap's start). A pit visit takes effect at pit entry
 * (OpenF1 dates it at pit exit), a new stint at the pit exit before it. Drivers, the grid and the first stints come
 * first; the session result last.
 */
export function sessionTimeline(records: readonly RaceRecord[]): TimedRecord[] {
  const laps = new Map<number, Lap[]>();
  const pits = new Map<string, PitStop>();
  let origin = Number.POSITIVE_INFINITY;
  let finish = Number.NEGATIVE_INFINITY;
  const seen = (at: number) => {
    origin = Math.min(origin, at);
    finish = Math.max(finish, at);
  };
  for (const record of records) {
    if (record.kind === "lap") {
      const driverLaps = laps.get(record.driverNumber);
      if (driverLaps) driverLaps.push(record);
      else laps.set(record.driverNumber, [record]);
    }
    if (record.kind === "pit") pits.set(`${record.driverNumber}/${record.lapNumber}`, record);
    if ("at" in record) seen(record.at.getTime());
  }

  const lapEvents: TimedRecord[] = [];
  const lapStarts = new Map<string, number>();
  const undated: Lap[] = [];
  for (const driverLaps of laps.values()) {
    driverLaps.sort((a, b) => a.lapNumber - b.lapNumber);
    driverLaps.forEach((lap, index) => {
      const next = driverLaps[index + 1];
      const nextStart = next && next.lapNumber === lap.lapNumber + 1 ? (next.startedAt?.getTime() ?? null) : null;
      const { start, end, sectorEnds } = lapMoments(lap, nextStart);
      if (start !== null) {
        lapStarts.set(`${lap.driverNumber}/${lap.lapNumber}`, start);
        lapEvents.push({ at: start, record: lapSoFar(lap, 0) });
      }
      sectorEnds.forEach((moment, sector) => {
        if (moment !== null && !(sector === 2 && end !== null)) lapEvents.push({ at: moment, record: lapSoFar(lap, sector + 1) });
      });
      const known = [end, ...sectorEnds, start].find((moment) => moment !== null);
      if (known === undefined || known === null) undated.push(lap);
      else lapEvents.push({ at: end ?? known, record: lap });
    });
  }
  for (const event of lapEvents) seen(event.at);
  if (origin > finish) origin = finish = 0;

  const leading: TimedRecord[] = [];
  const timed: TimedRecord[] = [...lapEvents];
  const trailing: TimedRecord[] = undated.map((lap) => ({ at: finish, record: lap }));
  for (const record of records) {
    switch (record.kind) {
      case "lap":
        break;
      case "session":
      case "driver":
      case "grid":
        leading.push({ at: origin, record });
        break;
      case "stint": {
        const pit = pits.get(`${record.driverNumber}/${record.lapStart - 1}`);
        const start = pit?.at.getTime() ?? lapStarts.get(`${record.driverNumber}/${record.lapStart}`);
        if (record.stintNumber === 1 || start === undefined) leading.push({ at: origin, record });
        else timed.push({ at: start, record });
        break;
      }
      case "pit":
        timed.push({ at: record.at.getTime() - (record.laneMs ?? 0), record });
        break;
      case "result":
        trailing.push({ at: finish, record });
        break;
      default:
        timed.push({ at: record.at.getTime(), record });
    }
  }
  timed.sort((a, b) => a.at - b.at);
  return [...leading, ...timed, ...trailing];
}
