import { DAY, MINUTE, quarterAt, quarterOf } from "./calendar";
import { carAssets, carClassRows, carRows, trackAssets, trackRows } from "./catalogue-bodies";
import { pastSeasonObject, seasonListEntry, seasonObject, scheduleEntry } from "./season-bodies";
import type { SimSeason } from "./seasons";
import { seriesAssets, seriesRows } from "./series";
import type { IracingWorld } from "./world";

/** What a `/data/...` endpoint answers: data behind a signed link, data returned directly, rows in chunks, or an error. */
export type DataAnswer =
  | { kind: "linked"; body: unknown; cacheable: boolean }
  | { kind: "direct"; body: object }
  | { kind: "chunked"; head: Record<string, unknown>; rows: object[] }
  | { kind: "error"; status: number; body: { error: string; message: string } };

const badRequest = (message: string): DataAnswer => ({ kind: "error", status: 400, body: { error: "Bad Request", message } });
const notFound = (message: string): DataAnswer => ({ kind: "error", status: 404, body: { error: "Not Found", message } });

/** An integer parameter: undefined when absent, null when malformed. */
function integer(query: URLSearchParams, name: string): number | undefined | null {
  const value = query.get(name);
  if (value === null) return undefined;
  return /^-?\d+$/.test(value) ? Number(value) : null;
}

function flag(query: URLSearchParams, name: string): boolean | null {
  const value = query.get(name);
  if (value === null || value === "" || value === "false" || value === "0") return false;
  return value === "true" || value === "1" ? true : null;
}

const CATEGORIES = [
  { label: "Oval", value: 1 },
  { label: "Road", value: 2 },
  { label: "Dirt Oval", value: 3 },
  { label: "Dirt Road", value: 4 },
  { label: "Sports Car", value: 5 },
  { label: "Formula Car", value: 6 },
];
const DIVISIONS = [...Array.from({ length: 10 }, (_, i) => ({ label: `Division ${i + 1}`, value: i })), { label: "Rookie", value: 10 }];

/** A year and quarter given together, or neither; `undefined` means "not asked". */
function yearQuarter(query: URLSearchParams, required: boolean): { year: number; quarter: number } | undefined | DataAnswer {
  const year = integer(query, "season_year");
  const quarter = integer(query, "season_quarter");
  if (year === null || quarter === null || (quarter !== undefined && (quarter < 1 || quarter > 4))) return badRequest("season_year and season_quarter must be integers (quarter 1-4)");
  if (year === undefined || quarter === undefined) return required ? badRequest("season_year and season_quarter are required") : undefined;
  return { year, quarter };
}

const isAnswer = (value: unknown): value is DataAnswer => typeof value === "object" && value !== null && "kind" in value;

/** Answers one data endpoint (the path below `/data/`) from the world at `nowMs`. */
export function answer(world: IracingWorld, endpoint: string, query: URLSearchParams, nowMs: number, mapBase: string): DataAnswer {
  const { seed, catalogue } = world;
  const seasonsBody = (seasons: SimSeason[], withSchedules: boolean) => seasons.map((season) => seasonObject(seed, season, nowMs, catalogue, withSchedules));
  if (flag(query, "include_series") === null) return badRequest("include_series must be true or false");
  switch (endpoint) {
    case "series/get":
      return { kind: "linked", body: seriesRows(world.series), cacheable: true };
    case "series/assets":
      return { kind: "linked", body: seriesAssets(world.series), cacheable: true };
    case "series/seasons": {
      // Past seasons need both season_year and season_quarter; without both the active seasons are returned.
      const asked = yearQuarter(query, false);
      if (isAnswer(asked)) return asked;
      const seasons = asked ? world.seasonsOf(quarterOf(asked.year, asked.quarter).index) : world.activeSeasons(nowMs);
      return { kind: "linked", body: seasonsBody(seasons, true), cacheable: true };
    }
    case "series/season_list": {
      const asked = yearQuarter(query, false);
      if (isAnswer(asked)) return asked;
      const slot = asked ? quarterOf(asked.year, asked.quarter) : quarterAt(nowMs);
      return { kind: "linked", body: { seasons: seasonsBody(world.seasonsOf(slot.index), false) }, cacheable: true };
    }
    case "series/season_schedule": {
      const seasonId = integer(query, "season_id");
      if (seasonId === undefined || seasonId === null) return badRequest("season_id is required");
      const season = world.season(seasonId);
      if (!season) return notFound(`no season ${seasonId}`);
      return { kind: "linked", body: { success: true, season_id: seasonId, schedules: season.weeks.map((week) => scheduleEntry(seed, season, week, catalogue)) }, cacheable: true };
    }
    case "series/past_seasons": {
      const seriesId = integer(query, "series_id");
      if (seriesId === undefined || seriesId === null) return badRequest("series_id is required");
      const series = world.seriesById(seriesId);
      if (!series) return notFound(`no series ${seriesId}`);
      const row = seriesRows([series])[0] as { allowed_licenses: object[]; category_id: number };
      return {
        kind: "linked",
        cacheable: true,
        body: {
          success: true,
          series: {
            series_id: series.seriesId,
            series_name: series.name,
            series_short_name: series.name,
            category_id: row.category_id,
            category: series.template.category,
            active: true,
            official: series.official,
            fixed_setup: series.fixed,
            search_filters: `${series.template.category},${series.template.tracks}`,
            logo: `seriesid_${series.seriesId}.png`,
            license_group: series.licence,
            license_group_types: [{ license_group_type: series.licence }],
            allowed_licenses: row.allowed_licenses.map((licence) => ({ ...licence, parent_id: series.seriesId })),
            seasons: world.pastSeasonsOf(seriesId, nowMs).map((season) => pastSeasonObject(season, nowMs, catalogue)),
          },
          series_id: seriesId,
        },
      };
    }
    case "season/list": {
      const asked = yearQuarter(query, true);
      if (!asked || isAnswer(asked)) return asked ?? badRequest("season_year and season_quarter are required");
      const seasons = world.seasonsOf(quarterOf(asked.year, asked.quarter).index);
      return { kind: "linked", body: { season_quarter: asked.quarter, seasons: seasons.map(seasonListEntry), season_year: asked.year }, cacheable: true };
    }
    case "season/race_guide": {
      const from = query.get("from");
      const asked = from === null ? nowMs : Date.parse(from);
      if (!Number.isFinite(asked)) return badRequest("from must be an ISO-8601 date-time");
      const include = flag(query, "include_end_after_from");
      if (include === null) return badRequest("include_end_after_from must be true or false");
      // Times in the past are rewritten to the current time.
      const start = Math.floor(Math.max(asked, nowMs) / MINUTE) * MINUTE;
      const blockBegin = start - MINUTE;
      return {
        kind: "linked",
        cacheable: false,
        body: {
          subscribed: false,
          sessions: world.raceGuide(start, include),
          block_begin_time: new Date(blockBegin).toISOString().replace(".000Z", "Z"),
          block_end_time: new Date(blockBegin + 3 * 60 * MINUTE).toISOString().replace(".000Z", "Z"),
          success: true,
        },
      };
    }
    case "carclass/get":
      return { kind: "linked", body: carClassRows(catalogue), cacheable: true };
    case "car/get":
      return { kind: "linked", body: carRows(catalogue), cacheable: true };
    case "car/assets":
      return { kind: "linked", body: carAssets(catalogue), cacheable: true };
    case "track/get":
      return { kind: "linked", body: trackRows(catalogue), cacheable: true };
    case "track/assets":
      return { kind: "linked", body: trackAssets(catalogue, mapBase), cacheable: true };
    case "constants/categories":
      return { kind: "direct", body: CATEGORIES };
    case "constants/divisions":
      return { kind: "direct", body: DIVISIONS };
    case "stats/season_driver_standings": {
      const seasonId = integer(query, "season_id");
      const carClassId = integer(query, "car_class_id");
      if (!seasonId || !carClassId) return badRequest("season_id and car_class_id are required");
      const season = world.season(seasonId);
      if (!season || !season.series.classIds.includes(carClassId)) return notFound(`no standings for season ${seasonId} and car class ${carClassId}`);
      return {
        kind: "chunked",
        rows: world.standings(season, carClassId),
        head: {
          success: true,
          season_id: seasonId,
          season_name: `${season.series.name} - ${season.quarter.year} Season ${season.quarter.quarter}`,
          season_short_name: `${season.quarter.year} Season ${season.quarter.quarter}`,
          series_id: season.series.seriesId,
          series_name: season.series.name,
          car_class_id: carClassId,
          race_week_num: -1,
          division: -1,
          club_id: -1,
          customer_rank: 0,
          last_updated: new Date(Math.floor(nowMs / DAY) * DAY).toISOString(),
        },
      };
    }
    default:
      return notFound(`no data endpoint ${endpoint}`);
  }
}
