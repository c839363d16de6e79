import { sql } from "@/lib/db";
import { lapSweep, type LapSweep, type LapTable } from "../models";
import { lapKey, type LapRecord } from "../records";
import { loadLaps } from "./laps";

// A race's laps, kept in memory between reads: every poll of a live race reads them in each of its steps (store, fits
// due, each fit, analyse), and a 24 h race holds 15-25k laps. A read asks Postgres only how many laps there are; when
// there are more, it loads those from a little before the latest kept (a file may state a lap late) and checks the
// count, and loads them all when anything does not add up. The lap table walks on through the added laps (lapSweep)
// rather than walking the whole race again.

/** A file states laps in crossing order, give or take: laps stored later than this behind the latest are read in full. */
const LATE_MARGIN_MS = 10 * 60_000;
/** Races kept: the live ones (rarely more than two at once) and a replay. */
const KEPT_RACES = 4;

export interface KeptLaps {
  /** In crossing order. */
  laps: readonly LapRecord[];
  keys: ReadonlySet<string>;
  /** The lap table (lib/endurance/models), made on first use. */
  table(): LapTable;
}

interface Entry {
  /** The race row's creation: a race made again under the same id (tests, a re-import) starts afresh. */
  createdAtMs: number;
  laps: LapRecord[];
  keys: Set<string>;
  lastMs: number;
  /** The walk through these laps, once the table was asked for; handed on to the next entry as laps arrive. */
  sweep: LapSweep | null;
  table: LapTable | null;
}

const kept = new Map<number, Entry>();

const byCrossing = (a: LapRecord, b: LapRecord) => a.elapsedMs - b.elapsedMs || (a.car < b.car ? -1 : a.car > b.car ? 1 : 0);

function entryOf(createdAtMs: number, laps: LapRecord[]): Entry {
  return { createdAtMs, laps, keys: new Set(laps.map((lap) => lapKey(lap.car, lap.lap))), lastMs: laps.at(-1)?.elapsedMs ?? 0, sweep: null, table: null };
}

/** The laps added since `entry`, or null when they do not add up to `count` (then everything is read again). */
async function extended(raceId: number, entry: Entry, count: number): Promise<Entry | null> {
  const recent = await loadLaps(raceId, undefined, entry.lastMs - LATE_MARGIN_MS);
  const added = recent.filter((lap) => !entry.keys.has(lapKey(lap.car, lap.lap)));
  if (entry.laps.length + added.length !== count) return null;
  const laps = [...entry.laps, ...added];
  // Laps stated late land before the latest kept: order them in.
  if (added.some((lap) => lap.elapsedMs < entry.lastMs)) laps.sort(byCrossing);
  const next = entryOf(entry.createdAtMs, laps);
  if (entry.sweep?.add(added)) next.sweep = entry.sweep;
  entry.sweep = null;
  return next;
}

const tableOf = (entry: Entry) => (entry.table ??= (entry.sweep ??= walked(entry.laps)).table());

function walked(laps: readonly LapRecord[]): LapSweep {
  const sweep = lapSweep();
  sweep.add(laps);
  return sweep;
}

/** A race's stored laps, read from Postgres only as far as they changed since the last read in this process. */
export async function keptLaps(raceId: number): Promise<KeptLaps> {
  const [state] = await sql()<{ count: number; createdAtMs: number | null }[]>`
    select (select count(*)::int from endurance_laps where race_id = ${raceId}) as count,
      (select (extract(epoch from created_at) * 1000)::float8 from endurance_races where id = ${raceId}) as "createdAtMs"`;
  const count = state?.count ?? 0;
  const createdAtMs = state?.createdAtMs ?? 0;
  let entry = kept.get(raceId);
  if (entry && (entry.createdAtMs !== createdAtMs || entry.laps.length > count)) entry = undefined;
  if (!entry || entry.laps.length < count) {
    entry = (entry && (await extended(raceId, entry, count))) ?? entryOf(createdAtMs, await loadLaps(raceId));
  }
  kept.delete(raceId);
  kept.set(raceId, entry);
  while (kept.size > KEPT_RACES) kept.delete(kept.keys().next().value!);
  const current = entry;
  return { laps: current.laps, keys: current.keys, table: () => tableOf(current) };
}

/** Forgets every race's laps: the next read of each is a full one (the reference bench/endurance.ts measures against). */
export function forgetKeptLaps(): void {
  kept.clear();
}
