import { sendEvents } from "@/lib/jobs/events";
import { mapBounded } from "@/lib/http";
import { sql } from "@/lib/db";
import { storeCarClasses, storeCars, storeSeries, storeTracks } from "./ingest/catalogue";
import { storeRaceGuide } from "./ingest/race-guide";
import { reportRejected } from "./ingest/rejections";
import { storeSeasonSchedules, withWeeks, type SeasonWeeks, type SeasonWrites } from "./ingest/seasons";
import { addCounts, noWrites, type WriteCounts } from "./ingest/upsert";
import { parseCarAssets, parseCarClasses, parseCars } from "./parse/catalogue";
import { parseRaceGuide } from "./parse/race-guide";
import { parseSeasonSchedule } from "./parse/schedule";
import { parsePastSeasons, parseSeriesSeasons } from "./parse/seasons";
import { parseSeriesAssets, parseSeriesList } from "./parse/series";
import { parseTrackAssets, parseTrackConfigs } from "./parse/tracks";
import type { PastSeason, Season } from "./records";
import { iracingSource, type IracingSource } from "./source";

// What each sync does, in two halves: fetch (through the response cache) and parse, then store. The syncs
// (syncs.ts) only string these into durable steps.

export const CATALOGUE_EVENT = "iracing/catalogue.requested";

export interface FetchOptions {
  refresh?: boolean;
  source?: IracingSource;
}

const sourceOf = (options: FetchOptions) => options.source ?? iracingSource();

/** Series catalogue and assets; series gone from a non-empty list are marked inactive. */
export async function syncSeries(options: FetchOptions = {}) {
  const source = sourceOf(options);
  const [list, assets] = await Promise.all([source.cached("series/get", {}, options), source.cached("series/assets", {}, options)]);
  const series = parseSeriesList(list);
  const seriesAssets = parseSeriesAssets(assets);
  const rejected = reportRejected("series/get", series.rejected) + reportRejected("series/assets", seriesAssets.rejected);
  const writes = await storeSeries(series.records, seriesAssets.records);
  return { fetched: series.records.length, rejected, ...writes };
}

/** Car classes, cars and track configurations with their assets (images, track map layers). */
export async function syncCatalogue(options: FetchOptions = {}) {
  const source = sourceOf(options);
  const [classBody, carBody, carAssetBody, trackBody, trackAssetBody] = await Promise.all(
    ["carclass/get", "car/get", "car/assets", "track/get", "track/assets"].map((endpoint) => source.cached(endpoint, {}, options)),
  );
  const classes = parseCarClasses(classBody);
  const cars = parseCars(carBody);
  const carAssets = parseCarAssets(carAssetBody);
  const tracks = parseTrackConfigs(trackBody);
  const trackAssets = parseTrackAssets(trackAssetBody);
  const rejected =
    reportRejected("carclass/get", classes.rejected) +
    reportRejected("car/get", cars.rejected) +
    reportRejected("car/assets", carAssets.rejected) +
    reportRejected("track/get", tracks.rejected) +
    reportRejected("track/assets", trackAssets.rejected);
  const writes = noWrites();
  addCounts(writes, await storeCarClasses(classes.records));
  addCounts(writes, await storeCars(cars.records, carAssets.records));
  addCounts(writes, await storeTracks(tracks.records, trackAssets.records));
  return { fetched: classes.records.length + cars.records.length + tracks.records.length, rejected, ...writes };
}

/** Seasons write-up for a sync run: counts only (step results stay small). */
function summary(writes: SeasonWrites, fetched: number, rejected: number) {
  return {
    fetched,
    rejected,
    seasons: writes.seasons,
    schedulesWritten: writes.schedulesWritten.length,
    schedulesUnchanged: writes.schedulesUnchanged,
    events: writes.events,
    eventDetails: writes.eventDetails,
    removed: writes.removed,
    unknownTracks: writes.unknownTracks.length,
  };
}

/** A schedule that names a track configuration Pitwall does not know queues the catalogue sync. */
async function queueCatalogueFor(writes: SeasonWrites): Promise<void> {
  if (writes.unknownTracks.length) await sendEvents([{ name: CATALOGUE_EVENT, data: { reason: `unknown tracks ${writes.unknownTracks.slice(0, 10).join(", ")}` } }]);
}

/** The running and next seasons of every series (one series/seasons call for all), or those of one year and quarter. */
export async function syncSeasons(options: FetchOptions & { year?: number; quarter?: number } = {}) {
  const query = options.year && options.quarter ? { include_series: false, season_year: options.year, season_quarter: options.quarter } : { include_series: false };
  const body = await sourceOf(options).cached("series/seasons", query, options);
  const parsed = parseSeriesSeasons(body);
  const rejected = reportRejected("series/seasons", parsed.rejected);
  const writes = await storeSeasonSchedules(parsed.records.map(withWeeks));
  await queueCatalogueFor(writes);
  return summary(writes, parsed.records.length, rejected);
}

/** A past season as a Season record: series/past_seasons leaves some fields out (they stay null). */
export function pastSeasonRecord(past: PastSeason): Season {
  return {
    seasonId: past.seasonId,
    seriesId: past.seriesId,
    name: past.name,
    shortName: past.shortName,
    year: past.year,
    quarter: past.quarter,
    official: past.official,
    fixedSetup: past.fixedSetup ?? false,
    licenceGroup: past.licenceGroup ?? 1,
    active: past.active,
    complete: null,
    multiclass: past.carClasses.length > 1,
    driverChanges: past.driverChanges,
    hasSuperSessions: past.hasSuperSessions,
    carSwitching: null,
    carClassIds: past.carClasses.map((carClass) => carClass.carClassId),
    maxWeeks: null,
    drops: null,
    incidentLimit: null,
    scheduleDescription: null,
    rookieSeason: null,
    startsAt: null,
    carTypes: [],
    trackTypes: [],
  };
}

async function storedSeriesOf(seasonId: number): Promise<number | null> {
  const [row] = await sql()<{ series_id: number }[]>`select series_id from iracing_seasons where season_id = ${seasonId}`;
  return row?.series_id ?? null;
}

/** One season's schedule (series/season_schedule); a season Pitwall does not know yet is described from its series' past seasons. */
export async function syncSeason(seasonId: number, options: FetchOptions = {}) {
  const source = sourceOf(options);
  const schedule = parseSeasonSchedule(await source.cached("series/season_schedule", { season_id: seasonId }, options));
  const rejected = reportRejected(`series/season_schedule ${seasonId}`, schedule.rejected);
  const storedSeries = await storedSeriesOf(seasonId);
  const seriesId = storedSeries ?? schedule.raceWeeks.find((week) => week.seriesId !== null)?.seriesId ?? null;
  if (seriesId === null) return summary(await storeSeasonSchedules([]), 0, rejected);
  let season: Season | null = null;
  if (storedSeries === null) {
    const past = parsePastSeasons(await source.cached("series/past_seasons", { series_id: seriesId }, options));
    const found = past.records.find((record) => record.seasonId === seasonId);
    season = found ? pastSeasonRecord(found) : null;
  }
  const weeks: SeasonWeeks = { seasonId, seriesId, season, raceWeeks: schedule.raceWeeks };
  const writes = await storeSeasonSchedules(season || storedSeries !== null ? [weeks] : []);
  await queueCatalogueFor(writes);
  return summary(writes, 1, rejected);
}

/** Past seasons of one series: each season's row from series/past_seasons, then its schedule, `concurrency` at a time. */
export async function syncPastSeasons(seriesId: number, options: FetchOptions & { concurrency?: number; seasonIds?: number[] } = {}) {
  const source = sourceOf(options);
  const past = parsePastSeasons(await source.cached("series/past_seasons", { series_id: seriesId }, options));
  const wanted = new Set(options.seasonIds ?? past.records.filter((record) => record.active !== true).map((record) => record.seasonId));
  const seasons = past.records.filter((record) => wanted.has(record.seasonId));
  const totals = { seasons: 0, schedulesWritten: 0, schedulesUnchanged: 0, events: noWrites(), rejected: 0 };
  const results = await mapBounded(seasons, options.concurrency ?? 2, async (record) => {
    const schedule = parseSeasonSchedule(await source.cached("series/season_schedule", { season_id: record.seasonId }, options));
    const writes = await storeSeasonSchedules([{ seasonId: record.seasonId, seriesId, season: pastSeasonRecord(record), raceWeeks: schedule.raceWeeks }]);
    await queueCatalogueFor(writes);
    return { writes, rejected: reportRejected(`series/season_schedule ${record.seasonId}`, schedule.rejected) };
  });
  for (const { writes, rejected } of results) {
    totals.seasons += 1;
    totals.schedulesWritten += writes.schedulesWritten.length;
    totals.schedulesUnchanged += writes.schedulesUnchanged;
    addCounts(totals.events, writes.events);
    totals.rejected += rejected;
  }
  return totals;
}

/** The race guide from now: entry counts of the sessions of the next few hours. */
export async function syncRaceGuide(options: FetchOptions = {}): Promise<WriteCounts & { fetched: number; rejected: number; forgotten: number }> {
  // Rounded to the minute so that calls within one minute share a cache entry.
  const from = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
  const guide = parseRaceGuide(await sourceOf(options).cached("season/race_guide", { from, include_end_after_from: true }, options));
  const rejected = reportRejected("season/race_guide", guide.rejected);
  const writes = await storeRaceGuide(guide.sessions);
  return { fetched: guide.sessions.length, rejected, ...writes };
}

/** Series ids Pitwall knows, for the all-past-seasons fan-out. */
export async function knownSeriesIds(): Promise<number[]> {
  const rows = await sql()<{ series_id: number }[]>`select series_id from iracing_series order by series_id`;
  return rows.map((row) => row.series_id);
}
