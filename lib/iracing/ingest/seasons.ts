import { sql, type Sql } from "@/lib/db";
import type { RaceWeek, Season, SeasonSchedule } from "../records";
import { scheduleHash } from "../schedule-hash";
import { addCounts, deleteOthers, noWrites, upsert, type TableSpec, type WriteCounts } from "./upsert";

// Seasons and their schedules. A season's weeks are rewritten only when the fingerprint of its schedule differs from
// the stored one; then events (season x week), their car restrictions, classes and week cars are upserted and rows
// the new schedule no longer names are removed, all in one transaction. A season listed without weeks keeps its own.

const SEASONS: TableSpec = {
  table: "iracing_seasons",
  key: ["season_id"],
  touch: "updated_at",
  columns: {
    season_id: "int",
    series_id: "int",
    name: "text",
    short_name: "text",
    year: "smallint",
    quarter: "smallint",
    official: "boolean",
    fixed_setup: "boolean",
    licence_group: "smallint",
    active: "boolean",
    complete: "boolean",
    multiclass: "boolean",
    car_class_ids: "int[]",
    max_weeks: "smallint",
    starts_at: "timestamptz",
    schedule_description: "text",
  },
};

const EVENTS: TableSpec = {
  table: "iracing_events",
  key: ["season_id", "race_week_num"],
  touch: "updated_at",
  columns: {
    season_id: "int",
    race_week_num: "smallint",
    series_id: "int",
    starts_at: "timestamptz",
    ends_at: "timestamptz",
    week_end_time: "timestamptz",
    track_id: "int",
    track_name: "text",
    config_name: "text",
    category: "text",
    race_lap_limit: "int",
    race_time_limit_minutes: "int",
    practice_minutes: "int",
    qualify_minutes: "int",
    start_type: "text",
    race_time_descriptors: "jsonb",
    weather: "jsonb",
    rain_chance_pct: "real",
    car_class_ids: "int[]",
  },
};

const EVENT_CARS: TableSpec = {
  table: "iracing_event_cars",
  key: ["event_id", "car_id"],
  columns: {
    event_id: "int",
    car_id: "int",
    power_adjust_pct: "real",
    weight_penalty_kg: "real",
    max_pct_fuel_fill: "real",
    max_dry_tire_sets: "int",
    race_setup_id: "int",
    qualifying_setup_id: "int",
  },
};

const EVENT_CLASSES: TableSpec = { table: "iracing_event_classes", key: ["event_id", "car_class_id"], columns: { event_id: "int", car_class_id: "int" } };
const WEEK_CARS: TableSpec = { table: "iracing_week_cars", key: ["event_id", "car_id"], columns: { event_id: "int", car_id: "int", car_name: "text" } };

/** A season's weeks to store, with the season itself when known (null: only its weeks, the season row exists). */
export interface SeasonWeeks {
  seasonId: number;
  seriesId: number;
  season: Season | null;
  raceWeeks: RaceWeek[];
}

export const withWeeks = ({ season, raceWeeks }: SeasonSchedule): SeasonWeeks => ({ seasonId: season.seasonId, seriesId: season.seriesId, season, raceWeeks });

export interface SeasonWrites {
  seasons: WriteCounts;
  /** Seasons whose schedule was (re)written, and those skipped because its fingerprint had not changed. */
  schedulesWritten: number[];
  schedulesUnchanged: number;
  events: WriteCounts;
  /** Restrictions, classes and week cars together. */
  eventDetails: WriteCounts;
  removed: number;
  /** Track configurations the schedules name that iracing_tracks does not know yet (the tracks sync fills them in). */
  unknownTracks: number[];
}

export function seasonRow(season: Season): Record<string, unknown> {
  return {
    season_id: season.seasonId,
    series_id: season.seriesId,
    name: season.name,
    short_name: season.shortName,
    year: season.year,
    quarter: season.quarter,
    official: season.official,
    fixed_setup: season.fixedSetup,
    licence_group: season.licenceGroup,
    active: season.active,
    complete: season.complete,
    multiclass: season.multiclass,
    car_class_ids: [...season.carClassIds].sort((a, b) => a - b),
    max_weeks: season.maxWeeks,
    starts_at: season.startsAt?.toISOString() ?? null,
    schedule_description: season.scheduleDescription,
  };
}

function eventRow(week: RaceWeek, seriesId: number): Record<string, unknown> {
  return {
    season_id: week.seasonId,
    race_week_num: week.raceWeekNum,
    series_id: week.seriesId ?? seriesId,
    starts_at: week.startsAt.toISOString(),
    ends_at: week.endsAt.toISOString(),
    week_end_time: week.weekEndTime?.toISOString() ?? null,
    track_id: week.track.trackId,
    track_name: week.track.trackName,
    config_name: week.track.configName,
    category: week.category,
    race_lap_limit: week.raceLapLimit,
    race_time_limit_minutes: week.raceTimeLimitMinutes,
    practice_minutes: week.practiceMinutes,
    qualify_minutes: week.qualifyMinutes,
    start_type: week.startType,
    race_time_descriptors: week.raceTimeDescriptors,
    weather: week.weather,
    rain_chance_pct: week.weather?.rainChancePct ?? null,
    car_class_ids: [...week.carClassIds].sort((a, b) => a - b),
  };
}

async function writeSchedules(tx: Sql, schedules: readonly SeasonWeeks[], writes: SeasonWrites): Promise<void> {
  const seasonIds = schedules.map(({ seasonId }) => seasonId);
  addCounts(writes.events, await upsert(tx, EVENTS, schedules.flatMap(({ seriesId, raceWeeks }) => raceWeeks.map((week) => eventRow(week, seriesId)))));
  const weekKeys = schedules.flatMap(({ raceWeeks }) => raceWeeks.map((week) => [week.seasonId, week.raceWeekNum]));
  // Weeks the new schedule no longer has go, with their details.
  const dropped = await tx.unsafe<{ id: number }[]>(
    `select id from iracing_events where season_id = any($1::int[])
       and (season_id, race_week_num) not in (select (k->>0)::int, (k->>1)::int from jsonb_array_elements($2::jsonb) as k)`,
    [seasonIds, JSON.stringify(weekKeys)],
  );
  const droppedIds = dropped.map((row) => row.id);
  for (const table of ["iracing_event_cars", "iracing_event_classes", "iracing_week_cars", "iracing_events"]) {
    const column = table === "iracing_events" ? "id" : "event_id";
    writes.removed += (await tx.unsafe(`delete from ${table} where ${column} = any($1::int[])`, [droppedIds])).count;
  }

  const ids = await tx.unsafe<{ id: number; season_id: number; race_week_num: number }[]>(
    "select id, season_id, race_week_num from iracing_events where season_id = any($1::int[])",
    [seasonIds],
  );
  const eventId = new Map(ids.map((row) => [`${row.season_id}:${row.race_week_num}`, row.id]));
  const weeks = schedules.flatMap(({ raceWeeks }) => raceWeeks.map((week) => ({ week, id: eventId.get(`${week.seasonId}:${week.raceWeekNum}`)! })));
  const eventIds = weeks.map(({ id }) => id);

  const restrictions = weeks.flatMap(({ week, id }) =>
    week.carRestrictions.map((car) => ({
      event_id: id,
      car_id: car.carId,
      power_adjust_pct: car.powerAdjustPct,
      weight_penalty_kg: car.weightPenaltyKg,
      max_pct_fuel_fill: car.maxPctFuelFill,
      max_dry_tire_sets: car.maxDryTireSets,
      race_setup_id: car.raceSetupId,
      qualifying_setup_id: car.qualifyingSetupId,
    })),
  );
  const classes = weeks.flatMap(({ week, id }) => [...new Set(week.carClassIds)].map((carClassId) => ({ event_id: id, car_class_id: carClassId })));
  const cars = weeks.flatMap(({ week, id }) => week.cars.map((car) => ({ event_id: id, car_id: car.carId, car_name: car.carName })));
  const scope = { column: "event_id", values: eventIds };
  for (const [spec, rows] of [
    [EVENT_CARS, restrictions],
    [EVENT_CLASSES, classes],
    [WEEK_CARS, cars],
  ] as const) {
    writes.removed += await deleteOthers(tx, spec.table, scope, spec.key, rows.map((row) => spec.key.map((name) => row[name as keyof typeof row])));
    addCounts(writes.eventDetails, await upsert(tx, spec, rows));
  }
}

/**
 * Stores seasons with their schedules. Seasons are upserted; schedules only where the fingerprint changed (and only
 * seasons that came with weeks: an empty schedule never removes stored weeks).
 */
export async function storeSeasonSchedules(schedules: readonly SeasonWeeks[]): Promise<SeasonWrites> {
  const writes: SeasonWrites = { seasons: noWrites(), schedulesWritten: [], schedulesUnchanged: 0, events: noWrites(), eventDetails: noWrites(), removed: 0, unknownTracks: [] };
  if (schedules.length === 0) return writes;
  const hashes = new Map(schedules.map((schedule) => [schedule.seasonId, schedule.raceWeeks.length ? scheduleHash(schedule.raceWeeks) : null]));
  await sql().begin(async (transaction) => {
    const tx = transaction as unknown as Sql;
    writes.seasons = await upsert(tx, SEASONS, schedules.flatMap(({ season }) => (season ? [seasonRow(season)] : [])));
    const stored = await tx<{ season_id: number; schedule_hash: string | null }[]>`
      select season_id, schedule_hash from iracing_seasons where season_id = any(${[...hashes.keys()]}::int[])`;
    const storedHash = new Map(stored.map((row) => [row.season_id, row.schedule_hash]));
    const changed = schedules.filter(({ seasonId }) => {
      const hash = hashes.get(seasonId);
      return hash !== null && hash !== storedHash.get(seasonId);
    });
    writes.schedulesUnchanged = schedules.filter(({ raceWeeks }) => raceWeeks.length > 0).length - changed.length;
    if (changed.length === 0) return;
    await writeSchedules(tx, changed, writes);
    const changedIds = changed.map(({ seasonId }) => seasonId);
    await tx.unsafe(
      `update iracing_seasons s set schedule_hash = h.hash from jsonb_to_recordset($1::jsonb) as h(season_id int, hash text) where s.season_id = h.season_id`,
      [JSON.stringify(changedIds.map((seasonId) => ({ season_id: seasonId, hash: hashes.get(seasonId) })))],
    );
    writes.schedulesWritten = changedIds;
    const unknown = await tx<{ track_id: number }[]>`
      select distinct e.track_id from iracing_events e
      where e.season_id = any(${changedIds}::int[]) and not exists (select 1 from iracing_tracks t where t.track_id = e.track_id)`;
    writes.unknownTracks = unknown.map((row) => row.track_id).sort((a, b) => a - b);
  });
  return writes;
}

