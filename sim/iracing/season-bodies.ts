import { hash32, hashUnit } from "../random";
import { clockTime, DAY, isoDay, isoInstant } from "./calendar";
import { CATEGORY_IDS, type Catalogue } from "./catalogue";
import type { SimSeason, SimWeek } from "./seasons";
import { weatherOf } from "./weather";

// Seasons in the shapes of series/seasons, series/season_schedule, series/past_seasons and season/list.

const seasonName = (season: SimSeason) => `${season.series.name} - ${season.quarter.year} Season ${season.quarter.quarter}`;
const shortName = (season: SimSeason) => `${season.quarter.year} Season ${season.quarter.quarter}`;

/** The cars racing in a week: the week's car in a rotating series, else every car of the series' classes. */
function weekCars(season: SimSeason, week: SimWeek, catalogue: Catalogue): number[] {
  if (week.rotationCarId !== null) return [week.rotationCarId];
  return season.series.classIds.flatMap((id) => catalogue.classes.find((carClass) => carClass.carClassId === id)?.carIds ?? []);
}

/** Balance of performance: classes of several cars get decimal and negative adjustments, fixed setups a setup id. */
function restrictions(seed: number, season: SimSeason, week: SimWeek, catalogue: Catalogue): object[] {
  const cars = weekCars(season, week, catalogue);
  const balanced = cars.length > 1 && season.series.template.category !== "dirt_oval";
  return cars.map((carId) => {
    const roll = (salt: number) => hashUnit(seed, season.seasonId, week.raceWeekNum, carId, salt);
    const power = balanced ? -0.25 * Math.floor(roll(1) * 9) : 0;
    const restriction: Record<string, number> = {
      car_id: carId,
      max_dry_tire_sets: season.series.template.category === "oval" ? 4 + 2 * Math.floor(roll(2) * 3) : 0,
      max_pct_fuel_fill: balanced ? ([100, 80, 65, 50.5] as const)[Math.floor(roll(3) * 4)] ?? 100 : 100,
      power_adjust_pct: power - 0.25 * week.changes,
      weight_penalty_kg: balanced ? ([0, 0, 5, 10, 2.5, -1.0, 15] as const)[Math.floor(roll(4) * 7)] ?? 0 : 0,
    };
    if (season.series.fixed) {
      restriction.race_setup_id = 200_000 + (hash32(seed, season.seasonId, week.raceWeekNum, carId) % 100_000);
      restriction.qual_setup_id = restriction.race_setup_id + 1;
    }
    return restriction;
  });
}

function descriptors(week: SimWeek): object[] {
  const { times } = week;
  if (!times.repeating) {
    return [{ repeating: false, session_minutes: times.sessionMinutes, session_times: times.times.map(isoInstant), start_date: isoDay(week.startMs), super_session: true }];
  }
  return [
    {
      day_offset: times.dayOffsets.filter((day) => day < week.days),
      ...(times.endOffsetMinutes === null ? {} : { end_offset_minutes: times.endOffsetMinutes }),
      first_session_time: clockTime(times.firstMinute),
      repeat_minutes: times.repeatMinutes,
      repeating: true,
      session_minutes: times.sessionMinutes,
      start_date: isoDay(week.startMs),
      super_session: false,
    },
  ];
}

/** Words for `schedule_description` and `schedule_name`. */
function cadenceWords(season: SimSeason): string {
  const minute = String(season.series.template.minute).padStart(2, "0");
  switch (season.series.template.cadence) {
    case "every2h":
      return `Races every 2 hours at ${minute} past`;
    case "every30":
      return "Races every 30 minutes";
    case "hourly":
    case "week13":
      return `Races every hour at ${minute} past`;
    case "every3h":
      return `Races every 3 hours at ${minute} past`;
    case "weekend":
      return "Races Saturday and Sunday at 18:00 and 21:00 GMT";
    case "evenings":
      return "Races nightly at 19:00, 21:00 and 23:00 GMT";
    case "endurance":
      return "Races every 8 hours, two-week rounds";
    case "special":
      return "Special event: set start times";
  }
}

/** One `schedules[]` entry, in the shape of the real season 5935. */
export function scheduleEntry(seed: number, season: SimSeason, week: SimWeek, catalogue: Catalogue): object {
  const { series } = season;
  const race = series.template.race;
  const car = week.rotationCarId === null ? undefined : catalogue.carById.get(week.rotationCarId);
  const carClass = car ? catalogue.classByKey.get(car.classKey) : undefined;
  // Fixed-car series send race_week_cars as [], null or not at all, as the real payloads do.
  const noCars = [{ race_week_cars: [], race_week_car_class_ids: [] }, { race_week_cars: null, race_week_car_class_ids: null }, {}][season.seasonId % 3];
  return {
    season_id: season.seasonId,
    race_week_num: week.raceWeekNum,
    car_restrictions: restrictions(seed, season, week, catalogue),
    category: series.template.category,
    category_id: CATEGORY_IDS[series.template.category],
    enable_pitlane_collisions: false,
    full_course_cautions: series.template.category === "oval",
    practice_length: 3,
    qual_attached: true,
    qual_time_descriptors: [],
    qualify_laps: 2,
    qualify_length: 8,
    race_lap_limit: race < 0 ? -race : null,
    race_time_descriptors: descriptors(week),
    race_time_limit: race > 0 ? race : null,
    ...(car && carClass
      ? { race_week_car_class_ids: [carClass.carClassId], race_week_cars: [{ car_id: car.carId, car_name: car.name, car_name_abbreviated: car.abbreviation }] }
      : noCars),
    restart_type: "Double-file Back",
    schedule_name: `${series.name.toLowerCase()} - ${cadenceWords(season).toLowerCase()}`,
    season_name: seasonName(season),
    series_id: series.seriesId,
    series_name: series.name,
    short_parade_lap: false,
    special_event_type: series.template.cadence === "special" ? 1 : null,
    start_date: isoDay(week.startMs),
    start_type: series.template.category === "formula_car" ? "Standing" : "Rolling",
    start_zone: false,
    track: {
      category: week.track.category,
      category_id: CATEGORY_IDS[week.track.category],
      ...(week.track.configName === null ? {} : { config_name: week.track.configName }),
      track_id: week.track.trackId,
      track_name: week.track.name,
    },
    track_state: { leave_marbles: true },
    warmup_length: 0,
    weather: weatherOf(seed, season.seasonId, week.raceWeekNum, week.startMs, week.track.category === "road"),
    week_end_time: isoInstant(week.starts[week.starts.length - 1] ?? week.startMs + week.days * DAY - 60_000),
  };
}

/** A season object of `series/seasons` (and, without schedules, of `series/season_list`). */
export function seasonObject(seed: number, season: SimSeason, nowMs: number, catalogue: Catalogue, withSchedules: boolean): object {
  const { series } = season;
  const first = season.weeks[0];
  const last = season.weeks[season.weeks.length - 1];
  const endMs = last ? last.startMs + last.days * DAY : season.quarter.startMs;
  const current = season.weeks.findIndex((week) => nowMs >= week.startMs && nowMs < week.startMs + week.days * DAY);
  const carTypes = [...new Set(series.classIds.flatMap((id) => catalogue.classes.find((c) => c.carClassId === id)?.carIds ?? []).flatMap((carId) => catalogue.carById.get(carId)?.carTypes ?? []))];
  return {
    active: nowMs >= (first?.startMs ?? 0) && nowMs < endMs,
    allowed_season_members: null,
    car_class_ids: series.classIds,
    car_switching: series.rotationCarIds !== null,
    car_types: carTypes.map((carType) => ({ car_type: carType })),
    caution_laps_do_not_count: false,
    complete: nowMs >= endMs,
    cross_license: false,
    driver_change_rule: 0,
    driver_changes: series.template.cadence === "endurance" || series.template.cadence === "special",
    drops: series.template.cadence === "special" ? 0 : 4,
    enable_pitlane_collisions: false,
    fixed_setup: series.fixed,
    green_white_checkered_limit: series.template.category === "oval" ? 3 : 0,
    grid_by_class: series.classIds.length > 1,
    has_supersessions: series.template.cadence === "special",
    ignore_license_for_practice: true,
    incident_limit: series.licence <= 2 ? 17 : 25,
    incident_warn_mode: 1,
    incident_warn_param1: 17,
    incident_warn_param2: 0,
    is_heat_racing: false,
    license_group: series.licence,
    license_group_types: [{ license_group_type: series.licence }],
    lucky_dog: series.template.category === "oval",
    max_team_drivers: series.template.cadence === "endurance" || series.template.cadence === "special" ? 4 : 1,
    max_weeks: season.weeks.length,
    min_team_drivers: 1,
    multiclass: series.classIds.length > 1,
    must_use_diff_tire_types_in_race: false,
    next_race_session: null,
    num_opt_laps: 0,
    official: series.official,
    op_duration: 120,
    open_practice_session_type_id: 170,
    qualifier_must_start_race: false,
    race_week: Math.max(0, current),
    race_week_to_make_divisions: 0,
    reg_user_count: hash32(seed, season.seasonId, 0x4e6) % 400,
    region_competition: true,
    restrict_by_member: false,
    restrict_to_car: false,
    restrict_viewing: false,
    schedule_description: cadenceWords(season),
    ...(withSchedules ? { schedules: season.weeks.map((week) => scheduleEntry(seed, season, week, catalogue)) } : {}),
    season_id: season.seasonId,
    season_name: seasonName(season),
    season_quarter: season.quarter.quarter,
    season_short_name: shortName(season),
    season_year: season.quarter.year,
    send_to_open_practice: true,
    series_id: series.seriesId,
    short_parade_lap: false,
    start_date: `${isoDay(first?.startMs ?? season.quarter.startMs)}T00:00:00Z`,
    start_on_qual_tire: false,
    start_zone: false,
    track_types: [{ track_type: series.template.tracks }],
    unsport_conduct_rule_mode: 3,
  };
}

/** One element of `series/past_seasons` `series.seasons[]`. */
export function pastSeasonObject(season: SimSeason, nowMs: number, catalogue: Catalogue): object {
  const { series } = season;
  const last = season.weeks[season.weeks.length - 1];
  return {
    season_id: season.seasonId,
    series_id: series.seriesId,
    season_name: seasonName(season),
    season_short_name: shortName(season),
    season_year: season.quarter.year,
    season_quarter: season.quarter.quarter,
    active: last !== undefined && nowMs < last.startMs + last.days * DAY,
    official: series.official,
    driver_changes: series.template.cadence === "endurance" || series.template.cadence === "special",
    fixed_setup: series.fixed,
    license_group: series.licence,
    has_supersessions: series.template.cadence === "special",
    car_switching: series.rotationCarIds !== null,
    license_group_types: [{ license_group_type: series.licence }],
    car_classes: series.classIds.map((id) => {
      const carClass = catalogue.classes.find((c) => c.carClassId === id);
      return { car_class_id: id, short_name: carClass?.shortName ?? "", name: carClass?.name ?? "", relative_speed: carClass?.relativeSpeed ?? 0 };
    }),
    race_weeks: season.weeks.map((week) => ({
      season_id: season.seasonId,
      race_week_num: week.raceWeekNum,
      track: { ...(week.track.configName === null ? {} : { config_name: week.track.configName }), track_id: week.track.trackId, track_name: week.track.name },
    })),
  };
}

/** One element of `season/list`. */
export function seasonListEntry(season: SimSeason): object {
  const { series } = season;
  return {
    season_id: season.seasonId,
    series_id: series.seriesId,
    season_name: seasonName(season),
    series_name: series.name,
    official: series.official,
    season_year: season.quarter.year,
    season_quarter: season.quarter.quarter,
    license_group: series.licence,
    fixed_setup: series.fixed,
    driver_changes: series.template.cadence === "endurance" || series.template.cadence === "special",
  };
}
