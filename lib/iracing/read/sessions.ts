import "server-only";
import { sql } from "@/lib/db";
import { sessionsBetween } from "../recurrence";
import { EVENT_CAR_IDS, EVENT_PACKAGE_ID, weekTimes, type EventTimesRow } from "./rows";

export interface SessionRow {
  seasonId: number;
  seriesId: number;
  seriesName: string;
  category: string | null;
  licenceGroup: number | null;
  official: boolean;
  fixedSetup: boolean;
  raceWeekNum: number;
  startsAt: string;
  superSession: boolean;
  trackName: string;
  configName: string | null;
  packageId: number;
  carIds: number[];
  entryCount: number | null;
}

interface WindowEvent extends EventTimesRow {
  series_id: number;
  series_name: string;
  category: string | null;
  licence_group: number | null;
  official: boolean;
  fixed_setup: boolean;
  track_name: string;
  config_name: string | null;
  package_id: number;
  car_ids: number[];
}

export interface SessionWindow {
  from: Date;
  to: Date;
  category?: string;
  seriesId?: number;
}

/** Longest window one call may ask for. */
export const MAX_WINDOW_HOURS = 7 * 24;

/**
 * Every session starting in [from, to) across the series (computed from the stored race weeks), by start time, with the
 * race guide's entry counts where it lists the session.
 */
export async function sessionsInWindow({ from, to, category, seriesId }: SessionWindow): Promise<SessionRow[]> {
  // The race weeks and the race guide's counts are independent reads: one round trip, not two.
  const [events, guide] = await Promise.all([
    sql()<WindowEvent[]>`
      select e.season_id, e.race_week_num, e.ends_at, e.week_end_time, e.race_time_descriptors, e.series_id,
             coalesce(r.name, s.name) as series_name, r.category, s.licence_group, s.official, s.fixed_setup,
             e.track_name, e.config_name, ${sql().unsafe(EVENT_PACKAGE_ID)} as package_id, ${sql().unsafe(EVENT_CAR_IDS)} as car_ids
      from iracing_events e
      join iracing_seasons s on s.season_id = e.season_id
      left join iracing_series r on r.series_id = e.series_id
      where e.starts_at < ${to.toISOString()}::timestamptz and e.ends_at > ${from.toISOString()}::timestamptz
        and (r.active is null or r.active)
        and (${category ?? null}::text is null or r.category = ${category ?? null})
        and (${seriesId ?? null}::int is null or e.series_id = ${seriesId ?? null})`,
    sql()<{ season_id: number; starts_at: string; entry_count: number }[]>`
      select season_id, starts_at, entry_count from iracing_race_guide
      where starts_at >= ${from.toISOString()}::timestamptz and starts_at < ${to.toISOString()}::timestamptz`,
  ]);
  const byWeek = new Map(events.map((event) => [`${event.season_id}:${event.race_week_num}`, event]));
  const sessions = sessionsBetween(events.map(weekTimes), from, to);
  const entries = new Map(guide.map((row) => [`${row.season_id}:${Date.parse(row.starts_at)}`, row.entry_count]));
  return sessions.map((session) => {
    const event = byWeek.get(`${session.seasonId}:${session.raceWeekNum}`)!;
    return {
      seasonId: session.seasonId,
      seriesId: event.series_id,
      seriesName: event.series_name,
      category: event.category,
      licenceGroup: event.licence_group,
      official: event.official,
      fixedSetup: event.fixed_setup,
      raceWeekNum: session.raceWeekNum,
      startsAt: session.startsAt.toISOString(),
      superSession: session.superSession,
      trackName: event.track_name,
      configName: event.config_name,
      packageId: event.package_id,
      carIds: event.car_ids,
      entryCount: entries.get(`${session.seasonId}:${session.startsAt.getTime()}`) ?? null,
    };
  });
}
