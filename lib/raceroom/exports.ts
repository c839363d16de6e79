import "server-only";
import { sql as rawSql } from "@/lib/db";
import { ENTRY_WITH_LEADERBOARD } from "./entry-joins";
import { isoTime } from "@/lib/sql";
import { LIVE_GENERATION, liveGenerationId } from "./live";
import { formatRaceroomLapTime } from "./laptime";

// The three files the original cache generator wrote, same shapes, so that existing front ends keep working.

/** Go's zero time, which the original wrote for times it did not have. */
const ZERO_TIME = "0001-01-01T00:00:00Z";

export interface StatusExport {
  fetch_in_progress: boolean;
  last_scrape_start: string;
  last_scrape_end: string;
  track_count: number;
  total_drivers: number;
  total_entries: number;
  last_index_update: string;
  index_build_time_ms: number;
}

/** status.json: the live generation and whether a full refresh is under way. */
export async function statusExport(): Promise<StatusExport> {
  const sql = rawSql();
  const [row] = await sql<
    { running: boolean; started: string | null; promotedAt: string | null; leaderboards: number | null; drivers: number | null; entries: number | null; promotionMs: number | null }[]
  >`
    select exists (select 1 from raceroom_generations where status = 'pending') as running,
           ${sql.unsafe(isoTime("coalesce((select max(started_at) from raceroom_generations where status = 'pending'), g.started_at)"))} as started,
           ${sql.unsafe(isoTime("g.promoted_at"))} as "promotedAt", g.leaderboards_with_entries as leaderboards, g.driver_count as drivers,
           g.entry_count as entries, g.promotion_ms as "promotionMs"
    from (select 1) one
    left join raceroom_generations g on g.id = ${sql.unsafe(LIVE_GENERATION)}`;
  return {
    fetch_in_progress: row?.running ?? false,
    last_scrape_start: row?.started ?? ZERO_TIME,
    last_scrape_end: row?.promotedAt ?? ZERO_TIME,
    track_count: row?.leaderboards ?? 0,
    total_drivers: row?.drivers ?? 0,
    total_entries: row?.entries ?? 0,
    last_index_update: row?.promotedAt ?? ZERO_TIME,
    index_build_time_ms: row?.promotionMs ?? 0,
  };
}

export interface TopCombinationsExport {
  count: number;
  results: { track: string; track_id: string; class_id: string; class_name: string; entry_count: number }[];
}

/** top_combinations.json: the 1,000 leaderboards with the most entries. */
export async function topCombinationsExport(): Promise<TopCombinationsExport> {
  const results = await rawSql()<TopCombinationsExport["results"]>`
    select t.name || ' - ' || l.name as track, s.layout_id::text as track_id, s.class_id::text as class_id, c.name as class_name,
           s.entry_count as entry_count
    from raceroom_leaderboards s
    join raceroom_layouts l on l.id = s.layout_id
    join raceroom_tracks t on t.id = l.track_id
    join raceroom_classes c on c.id = s.class_id
    where s.generation_id = ${rawSql().unsafe(LIVE_GENERATION)} and s.entry_count > 0
    order by s.entry_count desc, s.layout_id, s.class_id
    limit 1000`;
  return { count: results.length, results };
}

export interface DriverIndexEntry {
  name: string;
  position: number;
  laptime: string;
  time_diff: number;
  country: string;
  car: string;
  car_class: string;
  team: string;
  rank: string;
  difficulty: string;
  track: string;
  track_id: string;
  class_id: string;
  found: boolean;
  total_entries: number;
}

interface IndexRow {
  key: string;
  name: string;
  position: number;
  lapTimeMs: number;
  gapMs: number;
  country: string | null;
  car: string;
  carClass: string;
  team: string | null;
  rank: string | null;
  difficulty: string | null;
  track: string;
  trackId: number;
  classId: number;
  total: number;
}

function indexEntry(row: IndexRow): DriverIndexEntry {
  return {
    name: row.name,
    position: row.position,
    laptime: formatRaceroomLapTime(row.lapTimeMs),
    time_diff: row.gapMs / 1000,
    country: row.country ?? "",
    car: row.car,
    car_class: row.carClass,
    team: row.team ?? "",
    rank: row.rank ?? "",
    difficulty: row.difficulty ?? "",
    track: row.track,
    track_id: String(row.trackId),
    class_id: String(row.classId),
    found: true,
    total_entries: row.total,
  };
}

/** The generation driver_index.json describes now (cache the file under this id), or null before the first refresh. */
export async function driverIndexGeneration(): Promise<number | null> {
  return liveGenerationId(rawSql());
}

/**
 * driver_index.json for one generation as a stream of JSON text: lower-cased name -> every entry of the drivers
 * with that name. Rows are read with a cursor, so memory stays flat whatever the size. If the generation is
 * replaced while streaming, the stream still completes from its own snapshot.
 */
export async function* driverIndexJson(generationId: number): AsyncGenerator<string> {
  const sql = rawSql();
  const rows = sql<IndexRow[]>`
    select lower(e.driver_name) as key, e.driver_name as name, e.position, e.lap_time_ms as "lapTimeMs",
           e.lap_time_ms - r.lap_time_ms as "gapMs", e.country_name as country, e.car_name as car, c.name as "carClass",
           e.team, e.rank, e.difficulty, t.name || ' - ' || l.name as track, e.layout_id as "trackId", e.class_id as "classId",
           s.entry_count as total
    from ${sql.unsafe(ENTRY_WITH_LEADERBOARD)}
    where e.generation_id = ${generationId}
    order by lower(e.driver_name), e.driver_id, e.position, e.layout_id, e.class_id`.cursor(2000);
  let open: string | null = null;
  let chunk = "{";
  for await (const batch of rows) {
    for (const row of batch) {
      if (row.key !== open) {
        chunk += `${open === null ? "" : "],"}${JSON.stringify(row.key)}:[`;
        open = row.key;
      } else {
        chunk += ",";
      }
      chunk += JSON.stringify(indexEntry(row));
    }
    yield chunk;
    chunk = "";
  }
  yield `${chunk}${open === null ? "" : "]"}}`;
}
