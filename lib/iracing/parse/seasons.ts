import type { z } from "zod";
import { pastSeasonsBodySchema, seasonListBodySchema, seriesSeasonListBodySchema, seriesSeasonsBodySchema } from "../api-schemas";
import { seriesLogoUrl } from "../assets";
import type { CarClassRef, Parsed, PastSeason, PastSeries, Rejected, Season, SeasonSchedule, SeasonSummary } from "../records";
import { carClassRefSchema, pastRaceWeekSchema, pastSeasonItemSchema, seasonItemSchema, seasonListEntrySchema } from "../schemas/seasons";
import { parseDay, parseInstant } from "../time";
import { collect, envelope, orNull, textOrNull } from "./collect";
import { parseRaceWeeks, trackRef } from "./schedule";
import { licences } from "./series";

function tags(list: readonly Record<string, unknown>[] | null | undefined, key: string): string[] {
  return [...new Set((list ?? []).map((tag) => tag[key]).filter((value): value is string => typeof value === "string" && value.trim() !== ""))];
}

function season(raw: z.output<typeof seasonItemSchema>): Season {
  const start = textOrNull(raw.start_date);
  return {
    seasonId: raw.season_id,
    seriesId: raw.series_id,
    name: raw.season_name,
    shortName: textOrNull(raw.season_short_name),
    year: raw.season_year,
    quarter: raw.season_quarter,
    official: raw.official,
    fixedSetup: raw.fixed_setup,
    licenceGroup: raw.license_group,
    active: orNull(raw.active),
    complete: orNull(raw.complete),
    multiclass: orNull(raw.multiclass),
    driverChanges: orNull(raw.driver_changes),
    hasSuperSessions: orNull(raw.has_supersessions),
    carSwitching: orNull(raw.car_switching),
    carClassIds: [...new Set(raw.car_class_ids ?? [])],
    maxWeeks: orNull(raw.max_weeks),
    drops: orNull(raw.drops),
    incidentLimit: orNull(raw.incident_limit),
    scheduleDescription: textOrNull(raw.schedule_description),
    rookieSeason: textOrNull(raw.rookie_season),
    startsAt: start === null ? null : (parseInstant(start) ?? parseDay(start)),
    carTypes: tags(raw.car_types, "car_type"),
    trackTypes: tags(raw.track_types, "track_type"),
  };
}

/** Rejects a season id seen before in the same body. */
function once(): (seasonId: number) => string | null {
  const seen = new Set<number>();
  return (seasonId) => {
    if (seen.has(seasonId)) return `season ${seasonId} is listed twice`;
    seen.add(seasonId);
    return null;
  };
}

/**
 * `series/seasons`: every season with its race weeks. Older payloads (no race_time_descriptors, `race_setup_id` in
 * the restrictions, the 2022 weather) parse too. A malformed week is rejected without its season.
 */
export function parseSeriesSeasons(body: unknown): Parsed<SeasonSchedule> {
  const list = envelope(seriesSeasonsBodySchema, body, "series/seasons");
  const rejected: Rejected[] = [];
  const duplicate = once();
  const records = collect(
    list,
    seasonItemSchema,
    (raw): SeasonSchedule | string =>
      duplicate(raw.season_id) ?? { season: season(raw), raceWeeks: parseRaceWeeks(raw.schedules, rejected, `season ${raw.season_id}, schedules: `) },
    rejected,
  );
  return { records, rejected };
}

/** `series/season_list`: seasons without their weeks. */
export function parseSeriesSeasonList(body: unknown): Parsed<Season> {
  const { seasons } = envelope(seriesSeasonListBodySchema, body, "series/season_list");
  const rejected: Rejected[] = [];
  const duplicate = once();
  const records = collect(seasons, seasonItemSchema, (raw): Season | string => duplicate(raw.season_id) ?? season(raw), rejected);
  return { records, rejected };
}

/** `season/list`: the year and quarter asked for, and a summary of each season. */
export function parseSeasonList(body: unknown): Parsed<SeasonSummary> & { year: number; quarter: number } {
  const { season_year: year, season_quarter: quarter, seasons } = envelope(seasonListBodySchema, body, "season/list");
  const rejected: Rejected[] = [];
  const duplicate = once();
  const records = collect(
    seasons,
    seasonListEntrySchema,
    (raw): SeasonSummary | string =>
      duplicate(raw.season_id) ?? {
        seasonId: raw.season_id,
        seriesId: raw.series_id,
        name: raw.season_name,
        seriesName: textOrNull(raw.series_name),
        year: raw.season_year,
        quarter: raw.season_quarter,
        official: raw.official,
        fixedSetup: raw.fixed_setup,
        licenceGroup: raw.license_group,
        driverChanges: orNull(raw.driver_changes),
        rookieSeason: textOrNull(raw.rookie_season),
      },
    rejected,
  );
  return { year, quarter, records, rejected };
}

/** `series/past_seasons?series_id=`: the series and every season it ran, with each week's track. */
export function parsePastSeasons(body: unknown): Parsed<PastSeason> & { series: PastSeries } {
  const { series } = envelope(pastSeasonsBodySchema, body, "series/past_seasons");
  const rejected: Rejected[] = [];
  const duplicate = once();
  const records = collect(
    series.seasons,
    pastSeasonItemSchema,
    (raw): PastSeason | string => {
      const repeated = duplicate(raw.season_id);
      if (repeated) return repeated;
      const at = `season ${raw.season_id}, `;
      const carClasses = collect(
        raw.car_classes,
        carClassRefSchema,
        (carClass): CarClassRef => ({
          carClassId: carClass.car_class_id,
          name: textOrNull(carClass.name),
          shortName: textOrNull(carClass.short_name),
          relativeSpeed: orNull(carClass.relative_speed),
        }),
        rejected,
        `${at}car_classes: `,
      );
      const weeks = new Set<number>();
      const raceWeeks = collect(
        raw.race_weeks,
        pastRaceWeekSchema,
        (week) => {
          if (weeks.has(week.race_week_num)) return `race week ${week.race_week_num} is listed twice`;
          weeks.add(week.race_week_num);
          return { raceWeekNum: week.race_week_num, track: trackRef(week.track) };
        },
        rejected,
        `${at}race_weeks: `,
      ).sort((a, b) => a.raceWeekNum - b.raceWeekNum);
      return {
        seasonId: raw.season_id,
        seriesId: raw.series_id ?? series.series_id,
        name: raw.season_name,
        shortName: textOrNull(raw.season_short_name),
        year: raw.season_year,
        quarter: raw.season_quarter,
        active: orNull(raw.active),
        official: raw.official,
        fixedSetup: orNull(raw.fixed_setup),
        driverChanges: orNull(raw.driver_changes),
        licenceGroup: orNull(raw.license_group),
        hasSuperSessions: orNull(raw.has_supersessions),
        carClasses,
        raceWeeks,
      };
    },
    rejected,
  );
  return {
    series: {
      seriesId: series.series_id,
      name: series.series_name,
      shortName: textOrNull(series.series_short_name),
      category: textOrNull(series.category),
      categoryId: orNull(series.category_id),
      active: orNull(series.active),
      official: orNull(series.official),
      fixedSetup: orNull(series.fixed_setup),
      licenceGroup: orNull(series.license_group),
      logoUrl: seriesLogoUrl(series.logo),
      allowedLicences: licences(series.allowed_licenses),
    },
    records,
    rejected,
  };
}
