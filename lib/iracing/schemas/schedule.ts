import { z } from "zod";
import { amount, day, flag, id, instant, items, text, timeOfDay, whole } from "./common";

/** The track of a race week: `track_id` names the configuration (track/get has one row per configuration). */
export const trackRefSchema = z.looseObject({
  track_id: id,
  track_name: z.string().trim().min(1),
  config_name: text,
  category: text,
  category_id: z.int().nullish(),
});

/** One schedule entry (race week) of `series/seasons` and `series/season_schedule`. */
export const scheduleEntrySchema = z.looseObject({
  season_id: id,
  race_week_num: whole,
  series_id: id.nullish(),
  series_name: text,
  season_name: text,
  schedule_name: text,
  start_date: day,
  week_end_time: instant.nullish(),
  track: trackRefSchema,
  category: text,
  category_id: z.int().nullish(),
  race_lap_limit: z.number().nonnegative().nullish(),
  race_time_limit: z.number().nonnegative().nullish(),
  practice_length: z.number().nullish(),
  qualify_length: z.number().nullish(),
  qualify_laps: z.number().nullish(),
  warmup_length: z.number().nullish(),
  qual_attached: flag,
  start_type: text,
  restart_type: text,
  start_zone: flag,
  short_parade_lap: flag,
  full_course_cautions: flag,
  special_event_type: z.union([z.number(), z.string()]).nullish(),
  race_time_descriptors: items.nullish(),
  car_restrictions: items.nullish(),
  race_week_cars: items.nullish(),
  race_week_car_class_ids: z.array(id).nullish(),
  weather: z.unknown().optional(),
});

/** `series/season_schedule?season_id=`: `{success, season_id, schedules[]}`. */
export const seasonScheduleBodySchema = z.looseObject({ success: flag, season_id: id, schedules: items.nullish() });

/**
 * When sessions start. Repeating: from `first_session_time` every `repeat_minutes` on each `day_offset` day counted
 * from `start_date` (optionally no later in the day than `end_offset_minutes`). Not repeating: explicit `session_times`.
 */
export const raceTimeDescriptorSchema = z
  .looseObject({
    repeating: z.boolean(),
    super_session: flag,
    session_minutes: z.number().nonnegative().nullish(),
    start_date: day.nullish(),
    first_session_time: timeOfDay.nullish(),
    repeat_minutes: whole.nullish(),
    day_offset: z.array(whole).nullish(),
    end_offset_minutes: whole.nullish(),
    session_times: z.array(instant).nullish(),
  })
  .superRefine((descriptor, ctx) => {
    if (descriptor.repeating) {
      if (!descriptor.start_date) ctx.addIssue({ code: "custom", path: ["start_date"], message: "a repeating descriptor needs start_date" });
      if (!descriptor.first_session_time) ctx.addIssue({ code: "custom", path: ["first_session_time"], message: "a repeating descriptor needs first_session_time" });
    } else if (!descriptor.session_times?.length) {
      ctx.addIssue({ code: "custom", path: ["session_times"], message: "a non-repeating descriptor needs session_times" });
    }
  });

/** Balance of performance for one car in one race week. */
export const carRestrictionSchema = z.looseObject({
  car_id: id,
  power_adjust_pct: amount,
  weight_penalty_kg: amount,
  max_pct_fuel_fill: amount,
  max_dry_tire_sets: z.number().nullish(),
  race_setup_id: z.int().nullish(),
  qual_setup_id: z.int().nullish(),
});

/** A car of a rotating series' week. */
export const raceWeekCarSchema = z.looseObject({ car_id: id, car_name: text, car_name_abbreviated: text });

const numberish = z.number().nullish();

/** Weather of a race week: the newer forecast shape and the 2022 shape (`type`, `weather_var_*`). */
export const weatherSchema = z.looseObject({
  version: numberish,
  type: numberish,
  temp_units: numberish,
  temp_value: numberish,
  rel_humidity: numberish,
  fog: numberish,
  allow_fog: flag,
  skies: numberish,
  wind_dir: numberish,
  wind_units: numberish,
  wind_value: numberish,
  weather_var_initial: numberish,
  weather_var_ongoing: numberish,
  precip_option: numberish,
  time_of_day: numberish,
  track_water: numberish,
  simulated_start_time: text,
  simulated_start_utc_time: text,
  simulated_time_multiplier: numberish,
  simulated_time_offsets: z.array(z.number()).nullish(),
  forecast_options: z
    .looseObject({
      forecast_type: numberish,
      precipitation: numberish,
      skies: numberish,
      temperature: numberish,
      weather_seed: numberish,
      wind_dir: numberish,
      wind_speed: numberish,
      stop_precip: numberish,
      allow_fog: flag,
    })
    .nullish(),
  weather_summary: z
    .looseObject({
      precip_chance: numberish,
      max_precip_rate: numberish,
      max_precip_rate_desc: text,
      temp_high: numberish,
      temp_low: numberish,
      temp_units: numberish,
      skies_high: numberish,
      skies_low: numberish,
      wind_high: numberish,
      wind_low: numberish,
      wind_dir: numberish,
      wind_units: numberish,
    })
    .nullish(),
  weather_url: text,
});
