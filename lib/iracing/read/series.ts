import "server-only";
import { sql } from "@/lib/db";
import { nextSession } from "../recurrence";
import { EVENT_CAR_IDS, EVENT_PACKAGE_ID, iso, weekTimes, type EventTimesRow, type SeasonSummary } from "./rows";

export interface SeriesFilters {
  category?: string;
  /** Licence group of the current season (1 Rookie ... 5 A). */
  licence?: number;
  setup?: "fixed" | "open";
  official?: boolean;
  q?: string;
}

export interface CatalogueSeries {
  seriesId: number;
  name: string;
  category: string;
  logoUrl: string | null;
  /** The season running now, else the next one; null when Pitwall has none. */
  season: SeasonSummary | null;
  /** The race week running now (or the first one of a season yet to start). */
  week: { raceWeekNum: number; trackName: string; configName: string | null; packageId: number; carIds: number[] } | null;
  /** The next session's start (ISO, UTC), null when the season has none left. */
  nextSessionAt: string | null;
}

interface CatalogueRow {
  series_id: number;
  name: string;
  category: string;
  logo_url: string | null;
  season_id: number | null;
  season_name: string | null;
  year: number | null;
  quarter: number | null;
  official: boolean | null;
  fixed_setup: boolean | null;
  licence_group: number | null;
}

interface WeekRow extends EventTimesRow {
  series_id: number;
  starts_at: string;
  track_name: string;
  config_name: string | null;
  package_id: number;
  car_ids: number[];
}

/** The season of each series that has not ended yet and starts first: the running one, else the next. */
export const CURRENT_SEASONS = `
  select distinct on (s.series_id) s.series_id, s.season_id
  from iracing_seasons s
  join (select season_id, min(starts_at) as first_week, max(ends_at) as season_end from iracing_events group by season_id) span using (season_id)
  where span.season_end > now()
  order by s.series_id, span.first_week`;

/** Active series with their current season, this week's track and cars, and their next session; filtered. */
export async function seriesCatalogue(filters: SeriesFilters = {}, now = new Date()): Promise<CatalogueSeries[]> {
  const q = filters.q?.trim() ? `%${filters.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await sql()<CatalogueRow[]>`
    select r.series_id, r.name, r.category, r.logo_url, s.season_id, s.name as season_name, s.year, s.quarter, s.official,
           s.fixed_setup, s.licence_group
    from iracing_series r
    left join (${sql().unsafe(CURRENT_SEASONS)}) cur on cur.series_id = r.series_id
    left join iracing_seasons s on s.season_id = cur.season_id
    where r.active
      and (${filters.category ?? null}::text is null or r.category = ${filters.category ?? null})
      and (${filters.licence ?? null}::int is null or s.licence_group = ${filters.licence ?? null})
      and (${filters.setup ?? null}::text is null or s.fixed_setup = (${filters.setup ?? null} = 'fixed'))
      and (${filters.official ?? null}::boolean is null or s.official = ${filters.official ?? null})
      and (${q}::text is null or r.name ilike ${q} or r.short_name ilike ${q})
    order by r.name, r.series_id`;
  const seasonIds = rows.flatMap((row) => (row.season_id === null ? [] : [row.season_id]));
  const weeks = await sql()<WeekRow[]>`
    select e.season_id, e.series_id, e.race_week_num, e.starts_at, e.ends_at, e.week_end_time, e.race_time_descriptors,
           e.track_name, e.config_name, ${sql().unsafe(EVENT_PACKAGE_ID)} as package_id, ${sql().unsafe(EVENT_CAR_IDS)} as car_ids
    from iracing_events e join iracing_seasons s on s.season_id = e.season_id
    where e.season_id = any(${seasonIds}::int[]) and e.ends_at > ${now.toISOString()}::timestamptz
    order by e.season_id, e.race_week_num`;
  const bySeason = new Map<number, WeekRow[]>();
  for (const week of weeks) bySeason.set(week.season_id, [...(bySeason.get(week.season_id) ?? []), week]);
  return rows.map((row) => {
    const left = row.season_id === null ? [] : (bySeason.get(row.season_id) ?? []);
    const week = left[0];
    const next = nextSession(left.slice(0, 2).map(weekTimes), now);
    return {
      seriesId: row.series_id,
      name: row.name,
      category: row.category,
      logoUrl: row.logo_url,
      season:
        row.season_id === null
          ? null
          : {
              seasonId: row.season_id,
              name: row.season_name ?? "",
              year: row.year ?? 0,
              quarter: row.quarter ?? 0,
              official: row.official ?? false,
              fixedSetup: row.fixed_setup ?? false,
              licenceGroup: row.licence_group,
            },
      week: week ? { raceWeekNum: week.race_week_num, trackName: week.track_name, configName: week.config_name, packageId: week.package_id, carIds: week.car_ids } : null,
      nextSessionAt: next ? next.startsAt.toISOString() : null,
    };
  });
}

export interface SeriesDetail {
  seriesId: number;
  name: string;
  shortName: string;
  category: string;
  logoUrl: string | null;
  about: string | null;
  forumUrl: string | null;
  active: boolean;
  minLicenceGroup: number | null;
  seasons: (SeasonSummary & {
    weeks: number;
    startsAt: string | null;
    endsAt: string | null;
  })[];
}

/** One series with every season Pitwall has of it, newest first. */
export async function seriesDetail(seriesId: number): Promise<SeriesDetail | null> {
  const [series] = await sql()<
    { series_id: number; name: string; short_name: string; category: string; logo_url: string | null; about: string | null; forum_url: string | null; active: boolean; min_licence_group: number | null }[]
  >`select series_id, name, short_name, category, logo_url, about, forum_url, active, min_licence_group from iracing_series where series_id = ${seriesId}`;
  if (!series) return null;
  const seasons = await sql()<
    { season_id: number; name: string; year: number; quarter: number; official: boolean; fixed_setup: boolean; licence_group: number | null; weeks: number; starts_at: string | null; ends_at: string | null }[]
  >`
    select s.season_id, s.name, s.year, s.quarter, s.official, s.fixed_setup, s.licence_group, count(e.id)::int as weeks,
           min(e.starts_at) as starts_at, max(e.ends_at) as ends_at
    from iracing_seasons s left join iracing_events e on e.season_id = s.season_id
    where s.series_id = ${seriesId}
    group by s.season_id order by s.year desc, s.quarter desc, s.season_id desc`;
  return {
    seriesId: series.series_id,
    name: series.name,
    shortName: series.short_name,
    category: series.category,
    logoUrl: series.logo_url,
    about: series.about,
    forumUrl: series.forum_url,
    active: series.active,
    minLicenceGroup: series.min_licence_group,
    seasons: seasons.map((season) => ({
      seasonId: season.season_id,
      name: season.name,
      year: season.year,
      quarter: season.quarter,
      official: season.official,
      fixedSetup: season.fixed_setup,
      licenceGroup: season.licence_group,
      weeks: season.weeks,
      startsAt: iso(season.starts_at),
      endsAt: iso(season.ends_at),
    })),
  };
}
