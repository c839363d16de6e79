import "server-only";
import { sql as rawSql } from "@/db";
import { isoTime } from "./iso";
import type { BoardEntryRow, BoardRef, Difficulty } from "./queries";

// Read models for the JSON API that the pages do not need: a board read by keyset (position) rather than by page number.

export interface BoardSlice extends BoardRef {
  generationId: number;
  total: number;
  filteredTotal: number;
  recordLapTimeMs: number | null;
  fetchedAt: string | null;
  flag: string | null;
  /** Up to `limit + 1` entries after `afterPosition` (the extra one only says that another page follows). */
  entries: BoardEntryRow[];
}

export interface BoardSliceOptions {
  limit: number;
  /** Continue after this position; the first page when absent. */
  afterPosition?: number;
  difficulty?: Difficulty;
  carId?: number;
}

/**
 * Entries of a live board after a position, in one snapshot with the board's totals. Null when the layout or class
 * is unknown or nothing is live. Seeking by position keeps deep pages as cheap as the first.
 */
export async function boardSlice(layoutId: number, classId: number, options: BoardSliceOptions): Promise<BoardSlice | null> {
  const difficulty = options.difficulty ?? null;
  const carId = options.carId ?? null;
  const after = options.afterPosition ?? 0;
  return rawSql().begin("isolation level repeatable read read only", async (tx) => {
    const [head] = await tx<(Omit<BoardSlice, "entries" | "filteredTotal" | "recordLapTimeMs">)[]>`
      select l.id as "layoutId", l.name as "layoutName", t.id as "trackId", t.name as "trackName", c.id as "classId", c.name as "className",
             s.generation_id as "generationId", s.entry_count as total, ${tx.unsafe(isoTime("s.fetched_at"))} as "fetchedAt", s.flag
      from raceroom_layouts l
      join raceroom_tracks t on t.id = l.track_id
      join raceroom_classes c on c.id = ${classId}
      join raceroom_combinations s on s.generation_id = (select generation_id from raceroom_live where id = 1)
        and s.layout_id = l.id and s.class_id = c.id
      where l.id = ${layoutId}`;
    if (!head) return null;
    const filter = tx`
      e.generation_id = ${head.generationId} and e.layout_id = ${layoutId} and e.class_id = ${classId}
      and (${difficulty}::text is null or e.difficulty = ${difficulty}::text)
      and (${carId}::int is null or e.car_id = ${carId}::int)`;
    const [counts] = await tx<{ filtered: number; record: number | null }[]>`
      select count(*)::int as filtered,
             (select lap_time_ms from raceroom_entries r
              where r.generation_id = ${head.generationId} and r.layout_id = ${layoutId} and r.class_id = ${classId} and r.position = 1) as record
      from raceroom_entries e where ${filter}`;
    const record = counts?.record ?? null;
    const entries = await tx<BoardEntryRow[]>`
      select e.position, e.driver_id::float8 as "driverId", e.driver_name as "driverName", e.country_code as "countryCode",
             e.country_name as "countryName", e.car_id as "carId", e.car_name as "carName", e.lap_time_ms as "lapTimeMs",
             e.lap_time_ms - ${record ?? 0}::int as "gapMs", round(${record ?? 0}::int * 100.0 / e.lap_time_ms, 3)::float8 as "percentOfRecord",
             e.difficulty, e.rank, e.team, ${tx.unsafe(isoTime("e.achieved_at"))} as "achievedAt"
      from raceroom_entries e where ${filter} and e.position > ${after}
      order by e.position
      limit ${options.limit + 1}`;
    return { ...head, filteredTotal: counts?.filtered ?? 0, recordLapTimeMs: record, entries };
  });
}
