import "server-only";
import { sql } from "@/lib/db";
import type { SectionFigure } from "@/lib/domains/manifest";
import { CURRENT_SEASONS } from "./series";

export interface CarClassItem {
  carClassId: number;
  name: string;
  shortName: string | null;
  carIds: number[];
}

export interface CarItem {
  carId: number;
  name: string;
  abbreviation: string | null;
  make: string | null;
  free: boolean;
  price: number | null;
  retired: boolean;
}

export interface TrackItem {
  /** What one buys; its configurations share it. */
  packageId: number;
  name: string;
  location: string | null;
  free: boolean;
  price: number | null;
  retired: boolean;
  configs: { trackId: number; configName: string | null; category: string | null; lengthMiles: number | null; corners: number | null }[];
}

export async function carClasses(): Promise<CarClassItem[]> {
  const rows = await sql()<{ car_class_id: number; name: string; short_name: string | null; car_ids: number[] }[]>`
    select car_class_id, name, short_name, car_ids from iracing_car_classes order by name, car_class_id`;
  return rows.map((row) => ({ carClassId: row.car_class_id, name: row.name, shortName: row.short_name, carIds: row.car_ids }));
}

export async function cars(): Promise<CarItem[]> {
  const rows = await sql()<{ car_id: number; name: string; abbreviation: string | null; make: string | null; free: boolean; price: number | null; retired: boolean }[]>`
    select car_id, name, abbreviation, make, free, price, retired from iracing_cars order by name, car_id`;
  return rows.map((row) => ({ carId: row.car_id, name: row.name, abbreviation: row.abbreviation, make: row.make, free: row.free, price: row.price, retired: row.retired }));
}

interface TrackRow {
  track_id: number;
  package_id: number;
  track_name: string;
  config_name: string | null;
  category: string | null;
  length_miles: number | null;
  corners: number | null;
  free: boolean;
  price: number | null;
  retired: boolean;
  location: string | null;
}

function groupTracks(rows: readonly TrackRow[]): TrackItem[] {
  const tracks = new Map<number, TrackItem>();
  for (const row of rows) {
    const track = tracks.get(row.package_id) ?? { packageId: row.package_id, name: row.track_name, location: row.location, free: row.free, price: row.price, retired: true, configs: [] };
    track.retired &&= row.retired;
    track.configs.push({ trackId: row.track_id, configName: row.config_name, category: row.category, lengthMiles: row.length_miles, corners: row.corners });
    tracks.set(row.package_id, track);
  }
  return [...tracks.values()];
}

export async function tracks(): Promise<TrackItem[]> {
  return groupTracks(
    await sql()<TrackRow[]>`
      select track_id, package_id, track_name, config_name, category, length_miles, corners, free, price, retired, location
      from iracing_tracks order by track_name, package_id, track_id`,
  );
}

export interface TrackDetail extends TrackItem {
  timeZone: string | null;
  /** Each configuration's map layers by name (absolute SVG URLs). */
  maps: Record<number, Record<string, string>>;
  /** Series racing on one of its configurations in their current season. */
  racing: { seasonId: number; seriesId: number; seriesName: string; raceWeekNum: number; trackId: number; startsAt: string; endsAt: string }[];
}

/** A track (by package id, or by any of its configurations' ids) with its maps and the series racing there this season. */
export async function trackDetail(id: number): Promise<TrackDetail | null> {
  const rows = await sql()<(TrackRow & { time_zone: string | null; map_layers: Record<string, string> })[]>`
    select track_id, package_id, track_name, config_name, category, length_miles, corners, free, price, retired, location, time_zone, map_layers
    from iracing_tracks
    where package_id = coalesce((select package_id from iracing_tracks where package_id = ${id} limit 1), (select package_id from iracing_tracks where track_id = ${id}))
    order by track_id`;
  const [track] = groupTracks(rows);
  if (!track) return null;
  const racing = await sql()<{ season_id: number; series_id: number; series_name: string; race_week_num: number; track_id: number; starts_at: string; ends_at: string }[]>`
    select e.season_id, e.series_id, coalesce(r.name, s.name) as series_name, e.race_week_num, e.track_id, e.starts_at, e.ends_at
    from iracing_events e
    join (${sql().unsafe(CURRENT_SEASONS)}) cur on cur.season_id = e.season_id
    join iracing_seasons s on s.season_id = e.season_id
    left join iracing_series r on r.series_id = e.series_id
    where e.track_id = any(${rows.map((row) => row.track_id)}::int[])
    order by e.starts_at, series_name`;
  return {
    ...track,
    timeZone: rows[0]?.time_zone ?? null,
    maps: Object.fromEntries(rows.map((row) => [row.track_id, row.map_layers])),
    racing: racing.map((row) => ({
      seasonId: row.season_id,
      seriesId: row.series_id,
      seriesName: row.series_name,
      raceWeekNum: row.race_week_num,
      trackId: row.track_id,
      startsAt: new Date(row.starts_at).toISOString(),
      endsAt: new Date(row.ends_at).toISOString(),
    })),
  };
}

export async function iracingFigures(): Promise<SectionFigure[]> {
  const [row] = await sql()<{ series: number; seasons: number; weeks: number }[]>`
    select (select count(*) from iracing_series where active)::int as series, (select count(*) from iracing_seasons)::int as seasons,
           (select count(*) from iracing_events)::int as weeks`;
  return [
    { label: "Series", value: row?.series ?? 0 },
    { label: "Seasons", value: row?.seasons ?? 0 },
    { label: "Race weeks", value: row?.weeks ?? 0 },
  ];
}

/** Content included with the subscription (everyone owns it), for the planner's filters. */
export async function freeContent(): Promise<{ cars: number[]; tracks: number[] }> {
  const [row] = await sql()<{ cars: number[]; tracks: number[] }[]>`
    select coalesce((select array_agg(car_id order by car_id) from iracing_cars where free), '{}') as cars,
           coalesce((select array_agg(distinct package_id order by package_id) from iracing_tracks where free), '{}') as tracks`;
  return { cars: row?.cars ?? [], tracks: row?.tracks ?? [] };
}
