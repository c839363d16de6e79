import { sql } from "@/lib/db";
import { lapSweep, type LapSweep, type LapTable } from "../models";
import { lapKey, type LapRecord } from "../records";
import { loadLaps } from "./laps";

// A race's laps, kept in memory between reads: every poll of a live race reads them in each of its steps (store, fits
// due, each fit, analyse), and a 24 h race holds 15-25k laps. A read asks Postgres only how many laps there are and
// when the latest was stored; when that moved, it loads the laps stored since and checks the count, and loads them
// all when anything does not add up (laps removed, a replay storing the race again, a race made again under the same
// id). The lap table walks on through the added laps (lapSweep) rather than walking the whole race again.

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
  /** When the latest of these laps was stored, as Postgres writes it (microseconds, which a Date would lose). */
  storedUpTo: string | null;
  laps: LapRecord[];
  keys: Set<string>;
  lastMs: number;
  /** The walk through these laps, once the table was asked for; handed on to the next entry as laps arrive. */
  sweep: LapSweep | null;
  table: LapTable | null;
}

const kept = new Map<number, Entry>();

const byCrossing = (a: LapRecord, b: LapRecord) => a.elapsedMs - b.elapsedMs || (a.car < b.car ? -1 : a.car > b.car ? 1 : 0);

function entryOf(createdAtMs: number, storedUpTo: string | null, laps: LapRecord[]): Entry {
  return { createdAtMs, storedUpTo, laps, keys: new Set(laps.map((lap) => lapKey(lap.car, lap.lap))), lastMs: laps.at(-1)?.elapsedMs ?? 0, sweep: null, table: null };
}

/** The laps stored since `entry`, or null when they do not add up to `count` (then everything is read again). */
async function extended(raceId: number, entry: Entry, count: number, storedUpTo: string | null): Promise<Entry | null> {
  if (entry.storedUpTo === null) return null;
  const added = await loadLaps(raceId, undefined, entry.storedUpTo);
  if (entry.laps.length + added.length !== count || added.some((lap) => entry.keys.has(lapKey(lap.car, lap.lap)))) return null;
  const laps = [...entry.laps, ...added];
  // Laps stated late land before the latest kept: order them in.
  if (added.some((lap) => lap.elapsedMs < entry.lastMs)) laps.sort(byCrossing);
  const next = entryOf(entry.createdAtMs, storedUpTo, laps);
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
  const [state] = await sql()<{ count: number; storedUpTo: string | null; createdAtMs: number | null }[]>`
    select count(*)::int as count, max(ingested_at)::text as "storedUpTo",
      (select (extract(epoch from created_at) * 1000)::float8 from endurance_races where id = ${raceId}) as "createdAtMs"
    from endurance_laps where race_id = ${raceId}`;
  const count = state?.count ?? 0;
  const storedUpTo = state?.storedUpTo ?? null;
  const createdAtMs = state?.createdAtMs ?? 0;
  let entry = kept.get(raceId);
  if (entry?.createdAtMs !== createdAtMs) entry = undefined;
  else if (entry.storedUpTo !== storedUpTo || entry.laps.length !== count) entry = (await extended(raceId, entry, count, storedUpTo)) ?? undefined;
  // Read afresh: what is read then is at least as new as the state asked above, which a later read compares with.
  entry ??= entryOf(createdAtMs, storedUpTo, await loadLaps(raceId));
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
