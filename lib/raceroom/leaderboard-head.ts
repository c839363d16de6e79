import type { TransactionSql } from "postgres";
import { isoTime } from "@/lib/sql";
import { LIVE_GENERATION } from "./live";
import type { LeaderboardRef, Difficulty } from "./queries";

export interface LeaderboardHead extends LeaderboardRef {
  generationId: number;
  total: number;
  fetchedAt: string | null;
  flag: string | null;
}

export interface LeaderboardFilters {
  difficulty: Difficulty | null;
  carId: number | null;
}

/**
 * A live leaderboard's names and state, the WHERE fragment for its filtered entries (alias `e`), how many entries match and
 * the record lap. Null when the layout or class is unknown or nothing is live. Shared by the page and keyset readers.
 */
export async function readLeaderboardHead(tx: TransactionSql, layoutId: number, classId: number, { difficulty, carId }: LeaderboardFilters) {
  const [head] = await tx<LeaderboardHead[]>`
    select l.id as "layoutId", l.name as "layoutName", t.id as "trackId", t.name as "trackName", c.id as "classId", c.name as "className",
           s.generation_id as "generationId", s.entry_count as total, ${tx.unsafe(isoTime("s.fetched_at"))} as "fetchedAt", s.flag
    from raceroom_layouts l
    join raceroom_tracks t on t.id = l.track_id
    join raceroom_classes c on c.id = ${classId}
    join raceroom_leaderboards s on s.generation_id = ${tx.unsafe(LIVE_GENERATION)}
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
  return { head, filter, filteredTotal: counts?.filtered ?? 0, record: counts?.record ?? null };
}

/** The columns of a LeaderboardEntryRow for entry alias `e`, with gap and % measured against the record lap. */
export function entryColumns(tx: TransactionSql, record: number | null) {
  return tx`
    e.position, e.driver_id::float8 as "driverId", e.driver_name as "driverName", e.country_code as "countryCode",
    e.country_name as "countryName", e.car_id as "carId", e.car_name as "carName", e.lap_time_ms as "lapTimeMs",
    e.lap_time_ms - ${record ?? 0}::int as "gapMs", round(${record ?? 0}::int * 100.0 / e.lap_time_ms, 3)::float8 as "percentOfRecord",
    e.difficulty, e.rank, e.team, ${tx.unsafe(isoTime("e.achieved_at"))} as "achievedAt"`;
}
