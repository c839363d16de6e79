import type { RaceTimeDescriptor } from "../records";
import type { RaceWeekTimes } from "../recurrence";

// Rows as postgres.js hands them over on Pitwall's pool: timestamps as text, numeric ids as numbers.

export interface EventTimesRow {
  season_id: number;
  race_week_num: number;
  ends_at: string;
  week_end_time: string | null;
  race_time_descriptors: RaceTimeDescriptor[];
}

/** The part of a stored event that session times are computed from. */
export function weekTimes(row: EventTimesRow): RaceWeekTimes {
  return {
    seasonId: row.season_id,
    raceWeekNum: row.race_week_num,
    endsAt: new Date(row.ends_at),
    weekEndTime: row.week_end_time === null ? null : new Date(row.week_end_time),
    raceTimeDescriptors: row.race_time_descriptors,
  };
}

export const iso = (text: string | null): string | null => (text === null ? null : new Date(text).toISOString());

/**
 * SQL for the cars an event is raced with: the week's own cars in a rotating series, else those of its car classes
 * (the week's, else the season's). Needs `e` (iracing_events) and `s` (iracing_seasons) in scope.
 */
export const EVENT_CAR_IDS = `coalesce(
  (select array_agg(w.car_id order by w.car_id) from iracing_week_cars w where w.event_id = e.id),
  (select array_agg(distinct c order by c) from iracing_car_classes cc, unnest(cc.car_ids) c
    where cc.car_class_id = any(case when cardinality(e.car_class_ids) > 0 then e.car_class_ids else s.car_class_ids end)),
  '{}'::int[])`;

/** SQL for the track an event is raced on (what one buys), from its configuration; the configuration itself when unknown. */
export const EVENT_PACKAGE_ID = "coalesce((select t.package_id from iracing_tracks t where t.track_id = e.track_id), e.track_id)";

/** What every view of a season names it by. */
export interface SeasonSummary {
  seasonId: number;
  name: string;
  year: number;
  quarter: number;
  official: boolean;
  fixedSetup: boolean;
  licenceGroup: number | null;
}
