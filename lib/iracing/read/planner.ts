import "server-only";
import { sql } from "@/lib/db";
import { CURRENT_SEASONS } from "./series";
import { EVENT_CAR_IDS, EVENT_PACKAGE_ID } from "./rows";

/** A race week still to come in a current season: what the planner counts races with. */
export interface PlannerWeek {
  seasonId: number;
  seriesId: number;
  seriesName: string;
  raceWeekNum: number;
  startsAt: string;
  endsAt: string;
  trackName: string;
  packageId: number;
  carIds: number[];
}

/** The weeks of the current seasons that have not ended, by series and week. */
export async function plannerWeeks(now = new Date()): Promise<PlannerWeek[]> {
  const rows = await sql()<
    { season_id: number; series_id: number; series_name: string; race_week_num: number; starts_at: string; ends_at: string; track_name: string; package_id: number; car_ids: number[] }[]
  >`
    select e.season_id, e.series_id, coalesce(r.name, s.name) as series_name, e.race_week_num, e.starts_at, e.ends_at, e.track_name,
           ${sql().unsafe(EVENT_PACKAGE_ID)} as package_id, ${sql().unsafe(EVENT_CAR_IDS)} as car_ids
    from iracing_events e
    join (${sql().unsafe(CURRENT_SEASONS)}) cur on cur.season_id = e.season_id
    join iracing_seasons s on s.season_id = e.season_id
    left join iracing_series r on r.series_id = e.series_id
    where e.ends_at > ${now.toISOString()}::timestamptz and (r.active is null or r.active)
    order by series_name, e.season_id, e.race_week_num`;
  return rows.map((row) => ({
    seasonId: row.season_id,
    seriesId: row.series_id,
    seriesName: row.series_name,
    raceWeekNum: row.race_week_num,
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    trackName: row.track_name,
    packageId: row.package_id,
    carIds: row.car_ids,
  }));
}
