import { z } from "zod";
import { carTypeTags, flag, id, items, text, trackTypeTags } from "./common";
import { trackRefSchema } from "./schedule";

const quarter = z.int().min(1).max(4);

/**
 * A season as `series/seasons` (with `schedules[]`) and `series/season_list` (without) describe it. Older payloads
 * lack `race_time_descriptors` inside the schedules, newer ones add `car_switching`, `has_supersessions`, ...
 */
export const seasonItemSchema = z.looseObject({
  season_id: id,
  series_id: id,
  season_name: z.string().trim().min(1),
  season_short_name: text,
  season_year: z.int(),
  season_quarter: quarter,
  official: z.boolean(),
  fixed_setup: z.boolean(),
  license_group: z.int(),
  active: flag,
  complete: flag,
  multiclass: flag,
  driver_changes: flag,
  has_supersessions: flag,
  car_switching: flag,
  car_class_ids: z.array(id).nullish(),
  max_weeks: z.number().nullish(),
  race_week: z.number().nullish(),
  drops: z.number().nullish(),
  incident_limit: z.number().nullish(),
  min_team_drivers: z.number().nullish(),
  max_team_drivers: z.number().nullish(),
  schedule_description: text,
  rookie_season: text,
  start_date: text,
  car_types: carTypeTags,
  track_types: trackTypeTags,
  schedules: items.nullish(),
});

/** `series/season_list?season_year=&season_quarter=`: `{seasons[]}`. */
export const seriesSeasonListBodySchema = z.looseObject({ seasons: items });

/** One element of `season/list`: a short summary of a season. */
export const seasonListEntrySchema = z.looseObject({
  season_id: id,
  series_id: id,
  season_name: z.string().trim().min(1),
  series_name: text,
  season_year: z.int(),
  season_quarter: quarter,
  official: z.boolean(),
  fixed_setup: z.boolean(),
  license_group: z.int(),
  driver_changes: flag,
  rookie_season: text,
});

/** `season/list?season_year=&season_quarter=`. */
export const seasonListBodySchema = z.looseObject({ season_year: z.int(), season_quarter: quarter, seasons: items });

/** A car class as a past season lists it. */
export const carClassRefSchema = z.looseObject({
  car_class_id: id,
  name: text,
  short_name: text,
  relative_speed: z.number().nullish(),
});

/** A race week as a past season lists it: only the track. */
export const pastRaceWeekSchema = z.looseObject({ season_id: id.nullish(), race_week_num: z.int().nonnegative(), track: trackRefSchema });

/** One element of `series/past_seasons` `series.seasons[]`. */
export const pastSeasonItemSchema = z.looseObject({
  season_id: id,
  series_id: id.nullish(),
  season_name: z.string().trim().min(1),
  season_short_name: text,
  season_year: z.int(),
  season_quarter: quarter,
  active: flag,
  official: z.boolean(),
  fixed_setup: flag,
  driver_changes: flag,
  license_group: z.int().nullish(),
  has_supersessions: flag,
  car_switching: flag,
  car_classes: items.nullish(),
  race_weeks: items.nullish(),
});
