import "server-only";
import { sql } from "@/lib/db";
import type { RaceTimeDescriptor, Weather } from "../records";
import { sessionsBetween, weekSessions } from "../recurrence";
import { EVENT_CAR_IDS, EVENT_PACKAGE_ID, iso, weekTimes, type EventTimesRow, type SeasonSummary } from "./rows";

export interface WeekCar {
  carId: number;
  name: string;
  /** Balance of performance this week, when the car has any. */
  powerAdjustPct: number | null;
  weightPenaltyKg: number | null;
  maxPctFuelFill: number | null;
  fixedSetup: boolean;
}

export interface ScheduleWeek {
  raceWeekNum: number;
  startsAt: string;
  endsAt: string;
  /** No session starts after it (when iRacing says). */
  weekEndTime: string | null;
  trackId: number;
  packageId: number;
  trackName: string;
  configName: string | null;
  raceLapLimit: number | null;
  raceTimeLimitMinutes: number | null;
  rainChancePct: number | null;
  weather: Weather | null;
  raceTimeDescriptors: RaceTimeDescriptor[];
  cars: WeekCar[];
}

export interface UpcomingSession {
  seasonId: number;
  raceWeekNum: number;
  startsAt: string;
  superSession: boolean;
  /** Drivers registered, when the race guide lists the session. */
  entryCount: number | null;
}

export interface SeasonSchedule extends SeasonSummary {
  seriesId: number;
  seriesName: string;
  category: string | null;
  weeks: ScheduleWeek[];
  /** The week running at `now`, null before the first and after the last. */
  currentWeekNum: number | null;
  nextSessions: UpcomingSession[];
}

interface EventRow extends EventTimesRow {
  id: number;
  starts_at: string;
  track_id: number;
  package_id: number;
  track_name: string;
  config_name: string | null;
  race_lap_limit: number | null;
  race_time_limit_minutes: number | null;
  rain_chance_pct: number | null;
  weather: Weather | null;
  car_ids: number[];
}

const NEXT_SESSIONS = 12;
/** How far ahead the next sessions are looked for: an endurance round runs every 8 hours, a special event once a week. */
const NEXT_WINDOW_MS = 15 * 86_400_000;

/** A season's race weeks with cars and their balance of performance, weather, and the next sessions from `now`. */
export async function seasonSchedule(seasonId: number, now = new Date()): Promise<SeasonSchedule | null> {
  const [season] = await sql()<
    { season_id: number; series_id: number; series_name: string | null; category: string | null; name: string; year: number; quarter: number; official: boolean; fixed_setup: boolean; licence_group: number | null }[]
  >`
    select s.season_id, s.series_id, r.name as series_name, r.category, s.name, s.year, s.quarter, s.official, s.fixed_setup, s.licence_group
    from iracing_seasons s left join iracing_series r on r.series_id = s.series_id where s.season_id = ${seasonId}`;
  if (!season) return null;
  const events = await sql()<EventRow[]>`
    select e.id, e.season_id, e.race_week_num, e.starts_at, e.ends_at, e.week_end_time, e.race_time_descriptors, e.track_id,
           ${sql().unsafe(EVENT_PACKAGE_ID)} as package_id, e.track_name, e.config_name, e.race_lap_limit, e.race_time_limit_minutes,
           e.rain_chance_pct, e.weather, ${sql().unsafe(EVENT_CAR_IDS)} as car_ids
    from iracing_events e join iracing_seasons s on s.season_id = e.season_id
    where e.season_id = ${seasonId} order by e.race_week_num`;
  const cars = await sql()<{ event_id: number; car_id: number; name: string | null; power_adjust_pct: number | null; weight_penalty_kg: number | null; max_pct_fuel_fill: number | null; race_setup_id: number | null }[]>`
    select e.id as event_id, c.car_id, car.name, r.power_adjust_pct, r.weight_penalty_kg, r.max_pct_fuel_fill, r.race_setup_id
    from iracing_events e join iracing_seasons s on s.season_id = e.season_id
    cross join lateral unnest(${sql().unsafe(EVENT_CAR_IDS)}) as c(car_id)
    left join iracing_cars car on car.car_id = c.car_id
    left join iracing_event_cars r on r.event_id = e.id and r.car_id = c.car_id
    where e.season_id = ${seasonId}
    order by e.id, car.name nulls last, c.car_id`;
  const carsOf = new Map<number, WeekCar[]>();
  for (const car of cars) {
    carsOf.set(car.event_id, [
      ...(carsOf.get(car.event_id) ?? []),
      {
        carId: car.car_id,
        name: car.name ?? `Car ${car.car_id}`,
        powerAdjustPct: car.power_adjust_pct,
        weightPenaltyKg: car.weight_penalty_kg,
        maxPctFuelFill: car.max_pct_fuel_fill,
        fixedSetup: car.race_setup_id !== null,
      },
    ]);
  }
  const weeks = events.map((event) => ({
    raceWeekNum: event.race_week_num,
    startsAt: iso(event.starts_at)!,
    endsAt: iso(event.ends_at)!,
    weekEndTime: iso(event.week_end_time),
    trackId: event.track_id,
    packageId: event.package_id,
    trackName: event.track_name,
    configName: event.config_name,
    raceLapLimit: event.race_lap_limit,
    raceTimeLimitMinutes: event.race_time_limit_minutes,
    rainChancePct: event.rain_chance_pct,
    weather: event.weather,
    raceTimeDescriptors: event.race_time_descriptors,
    cars: carsOf.get(event.id) ?? [],
  }));
  const current = events.find((event) => new Date(event.starts_at) <= now && now < new Date(event.ends_at));
  const upcoming = sessionsBetween(events.map(weekTimes), now, new Date(now.getTime() + NEXT_WINDOW_MS)).slice(0, NEXT_SESSIONS);
  const entries = await entryCounts(seasonId, upcoming.map((session) => session.startsAt));
  return {
    seasonId: season.season_id,
    seriesId: season.series_id,
    seriesName: season.series_name ?? season.name,
    category: season.category,
    name: season.name,
    year: season.year,
    quarter: season.quarter,
    official: season.official,
    fixedSetup: season.fixed_setup,
    licenceGroup: season.licence_group,
    weeks,
    currentWeekNum: current?.race_week_num ?? null,
    nextSessions: upcoming.map((session) => ({
      seasonId: session.seasonId,
      raceWeekNum: session.raceWeekNum,
      startsAt: session.startsAt.toISOString(),
      superSession: session.superSession,
      entryCount: entries.get(session.startsAt.getTime()) ?? null,
    })),
  };
}

async function entryCounts(seasonId: number, starts: readonly Date[]): Promise<Map<number, number>> {
  if (starts.length === 0) return new Map();
  const rows = await sql()<{ starts_at: string; entry_count: number }[]>`
    select starts_at, entry_count from iracing_race_guide where season_id = ${seasonId} 
      and starts_at in (select jsonb_array_elements_text(${JSON.stringify(starts.map((start) => start.toISOString()))}::jsonb)::timestamptz)`;
  return new Map(rows.map((row) => [new Date(row.starts_at).getTime(), row.entry_count]));
}

/** Every session start (UTC) of each week of a season, for the API and the calendar feeds. */
export function weekStarts(week: Pick<ScheduleWeek, "raceWeekNum" | "endsAt" | "startsAt" | "weekEndTime" | "raceTimeDescriptors">, seasonId: number): Date[] {
  const times = {
    seasonId,
    raceWeekNum: week.raceWeekNum,
    endsAt: new Date(week.endsAt),
    weekEndTime: week.weekEndTime === null ? null : new Date(week.weekEndTime),
    raceTimeDescriptors: week.raceTimeDescriptors,
  };
  // Explicit session times may fall outside the week's span; a wide window keeps them.
  return weekSessions(times, new Date(Date.parse(week.startsAt) - 7 * 86_400_000), new Date(Date.parse(week.endsAt) + 7 * 86_400_000)).map((session) => session.startsAt);
}
