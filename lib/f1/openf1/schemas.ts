import { z } from "zod";
import type {
  CarTelemetry,
  Driver,
  GridSlot,
  Interval,
  Lap,
  LocationSample,
  Meeting,
  PitStop,
  Position,
  RaceControlMessage,
  Session,
  SessionResult,
  Stint,
  Triple,
  Weather,
} from "@/lib/f1/records";
import {
  bool,
  compound,
  gap,
  instant,
  integer,
  miniSectors,
  optionalInstant,
  optionalInteger,
  optionalNumber,
  optionalSeconds,
  parseGap,
  teamColour,
  text,
  toMs,
} from "./fields";

/**
 * One row of each OpenF1 endpoint (https://openf1.org, field names as the API sends them), turned into the
 * source-neutral records of lib/f1/records.ts. Unknown fields are ignored; keys and dates are required.
 */

const sessionKey = integer;
const driverNumber = integer.positive();

export const meetingRow = z
  .object({
    meeting_key: integer,
    meeting_name: z.string().min(1),
    meeting_official_name: text,
    year: integer,
    date_start: instant,
    date_end: optionalInstant,
    gmt_offset: text,
    location: text,
    country_code: text,
    country_name: text,
    circuit_key: optionalInteger,
    circuit_short_name: text,
    circuit_type: text,
    is_cancelled: bool,
  })
  .transform(
    (row): Meeting => ({
      kind: "meeting",
      meetingKey: row.meeting_key,
      name: row.meeting_name,
      officialName: row.meeting_official_name,
      year: row.year,
      startsAt: row.date_start,
      endsAt: row.date_end,
      gmtOffset: row.gmt_offset,
      location: row.location,
      countryCode: row.country_code,
      countryName: row.country_name,
      circuitKey: row.circuit_key,
      circuitShortName: row.circuit_short_name,
      circuitType: row.circuit_type,
      cancelled: row.is_cancelled,
    }),
  );

export const sessionRow = z
  .object({
    session_key: sessionKey,
    meeting_key: integer,
    session_name: z.string().min(1),
    session_type: text,
    date_start: instant,
    date_end: optionalInstant,
    year: optionalInteger,
    gmt_offset: text,
    location: text,
    country_code: text,
    country_name: text,
    circuit_key: optionalInteger,
    circuit_short_name: text,
    is_cancelled: bool,
  })
  .transform(
    (row): Session => ({
      kind: "session",
      sessionKey: row.session_key,
      meetingKey: row.meeting_key,
      name: row.session_name,
      type: row.session_type ?? row.session_name,
      startsAt: row.date_start,
      endsAt: row.date_end,
      year: row.year,
      gmtOffset: row.gmt_offset,
      location: row.location,
      countryCode: row.country_code,
      countryName: row.country_name,
      circuitKey: row.circuit_key,
      circuitShortName: row.circuit_short_name,
      cancelled: row.is_cancelled,
    }),
  );

export const driverRow = z
  .object({
    session_key: sessionKey,
    driver_number: driverNumber,
    name_acronym: text,
    broadcast_name: text,
    full_name: text,
    first_name: text,
    last_name: text,
    team_name: text,
    team_colour: teamColour,
    headshot_url: text,
  })
  .transform(
    (row): Driver => ({
      kind: "driver",
      sessionKey: row.session_key,
      driverNumber: row.driver_number,
      acronym: row.name_acronym,
      broadcastName: row.broadcast_name,
      fullName: row.full_name,
      firstName: row.first_name,
      lastName: row.last_name,
      teamName: row.team_name,
      teamColour: row.team_colour,
      headshotUrl: row.headshot_url,
    }),
  );

const speed = optionalNumber.transform((value) => (value === null ? null : Math.round(value)));

export const lapRow = z
  .object({
    session_key: sessionKey,
    driver_number: driverNumber,
    lap_number: integer.positive(),
    date_start: optionalInstant,
    lap_duration: optionalSeconds,
    duration_sector_1: optionalSeconds,
    duration_sector_2: optionalSeconds,
    duration_sector_3: optionalSeconds,
    segments_sector_1: miniSectors,
    segments_sector_2: miniSectors,
    segments_sector_3: miniSectors,
    i1_speed: speed,
    i2_speed: speed,
    st_speed: speed,
    is_pit_out_lap: bool,
  })
  .transform(
    (row): Lap => ({
      kind: "lap",
      sessionKey: row.session_key,
      driverNumber: row.driver_number,
      lapNumber: row.lap_number,
      startedAt: row.date_start,
      lapMs: row.lap_duration,
      sectorMs: [row.duration_sector_1, row.duration_sector_2, row.duration_sector_3],
      miniSectors: [row.segments_sector_1, row.segments_sector_2, row.segments_sector_3],
      intermediate1Kph: row.i1_speed,
      intermediate2Kph: row.i2_speed,
      speedTrapKph: row.st_speed,
      pitOutLap: row.is_pit_out_lap,
    }),
  );

export const intervalRow = z
  .object({ session_key: sessionKey, driver_number: driverNumber, date: instant, gap_to_leader: gap, interval: gap })
  .transform(
    (row): Interval => ({
      kind: "interval",
      sessionKey: row.session_key,
      driverNumber: row.driver_number,
      at: row.date,
      gapToLeader: row.gap_to_leader,
      interval: row.interval,
    }),
  );

export const positionRow = z
  .object({ session_key: sessionKey, driver_number: driverNumber, date: instant, position: integer.positive() })
  .transform(
    (row): Position => ({ kind: "position", sessionKey: row.session_key, driverNumber: row.driver_number, at: row.date, position: row.position }),
  );

export const pitRow = z
  .object({
    session_key: sessionKey,
    driver_number: driverNumber,
    date: instant,
    lap_number: integer.positive(),
    lane_duration: optionalSeconds,
    // Deprecated name of lane_duration, the only one in older data.
    pit_duration: optionalSeconds,
    stop_duration: optionalSeconds,
  })
  .transform(
    (row): PitStop => ({
      kind: "pit",
      sessionKey: row.session_key,
      driverNumber: row.driver_number,
      at: row.date,
      lapNumber: row.lap_number,
      laneMs: row.lane_duration ?? row.pit_duration,
      stationaryMs: row.stop_duration,
    }),
  );

export const stintRow = z
  .object({
    session_key: sessionKey,
    driver_number: driverNumber,
    stint_number: integer.positive(),
    compound,
    lap_start: integer.positive(),
    lap_end: optionalInteger,
    tyre_age_at_start: optionalInteger,
  })
  .transform(
    (row): Stint => ({
      kind: "stint",
      sessionKey: row.session_key,
      driverNumber: row.driver_number,
      stintNumber: row.stint_number,
      compound: row.compound,
      lapStart: row.lap_start,
      lapEnd: row.lap_end,
      tyreAgeAtStart: row.tyre_age_at_start,
    }),
  );

export const raceControlRow = z
  .object({
    session_key: sessionKey,
    date: instant,
    category: z.string().min(1),
    flag: text,
    scope: text,
    sector: optionalInteger,
    driver_number: optionalInteger,
    lap_number: optionalInteger,
    message: z.string().min(1),
    qualifying_phase: optionalInteger,
  })
  .transform(
    (row): RaceControlMessage => ({
      kind: "race-control",
      sessionKey: row.session_key,
      at: row.date,
      category: row.category,
      flag: row.flag,
      scope: row.scope,
      sector: row.sector,
      driverNumber: row.driver_number,
      lapNumber: row.lap_number,
      message: row.message.trim(),
      qualifyingPhase: row.qualifying_phase,
    }),
  );

export const weatherRow = z
  .object({
    session_key: sessionKey,
    date: instant,
    air_temperature: optionalNumber,
    track_temperature: optionalNumber,
    humidity: optionalNumber,
    pressure: optionalNumber,
    // 0/1 in the API; a boolean in some copies.
    rainfall: z.union([z.number(), z.boolean()]).nullish(),
    wind_speed: optionalNumber,
    wind_direction: optionalNumber,
  })
  .transform(
    (row): Weather => ({
      kind: "weather",
      sessionKey: row.session_key,
      at: row.date,
      airTemperatureC: row.air_temperature,
      trackTemperatureC: row.track_temperature,
      humidityPct: row.humidity,
      pressureMbar: row.pressure,
      rainfall: Boolean(row.rainfall),
      windSpeedMps: row.wind_speed,
      windDirectionDeg: row.wind_direction,
    }),
  );

export const locationRow = z
  .object({ session_key: sessionKey, driver_number: driverNumber, date: instant, x: z.number(), y: z.number(), z: z.number() })
  .transform(
    (row): LocationSample => ({
      kind: "location",
      sessionKey: row.session_key,
      driverNumber: row.driver_number,
      at: row.date,
      x: row.x,
      y: row.y,
      z: row.z,
    }),
  );

/** OpenF1 fills gaps in the location stream with x = y = z = 0: not a place on the track. */
export const isPlaceholderLocation = (sample: LocationSample) => sample.x === 0 && sample.y === 0 && sample.z === 0;

export const carDataRow = z
  .object({
    session_key: sessionKey,
    driver_number: driverNumber,
    date: instant,
    speed: z.number(),
    rpm: z.number(),
    n_gear: integer,
    throttle: z.number(),
    brake: z.number(),
    drs: optionalInteger,
  })
  .transform(
    (row): CarTelemetry => ({
      kind: "car-data",
      sessionKey: row.session_key,
      driverNumber: row.driver_number,
      at: row.date,
      speedKph: row.speed,
      rpm: row.rpm,
      gear: row.n_gear,
      throttlePct: row.throttle,
      braking: row.brake > 0,
      drs: row.drs,
    }),
  );

export const startingGridRow = z
  .object({ session_key: sessionKey, driver_number: driverNumber, position: integer.positive(), lap_duration: optionalSeconds })
  .transform(
    (row): GridSlot => ({
      kind: "grid",
      sessionKey: row.session_key,
      driverNumber: row.driver_number,
      position: row.position,
      qualifyingLapMs: row.lap_duration,
    }),
  );

// In qualifying, duration and gap_to_leader are [Q1, Q2, Q3]; elsewhere one value.
const qualifyingTriple = <T>(values: unknown[], read: (value: unknown) => T | undefined): Triple<T> | undefined => {
  if (values.length !== 3) return undefined;
  const read3 = values.map(read);
  return read3.every((value) => value !== undefined) ? (read3 as Triple<T>) : undefined;
};
const seconds = (value: unknown) => (value === null ? null : typeof value === "number" && value >= 0 ? toMs(value) : undefined);

export const sessionResultRow = z
  .object({
    session_key: sessionKey,
    driver_number: driverNumber,
    position: optionalInteger,
    number_of_laps: optionalInteger,
    dnf: bool,
    dns: bool,
    dsq: bool,
    duration: z.union([z.number(), z.array(z.number().nullable())]).nullish(),
    gap_to_leader: z.unknown(),
    points: optionalNumber,
  })
  .transform((row, ctx): SessionResult => {
    const result: SessionResult = {
      kind: "result",
      sessionKey: row.session_key,
      driverNumber: row.driver_number,
      position: row.position,
      laps: row.number_of_laps,
      didNotFinish: row.dnf,
      didNotStart: row.dns,
      disqualified: row.dsq,
      durationMs: null,
      gapToLeader: null,
      qualifyingMs: null,
      qualifyingGaps: null,
      points: row.points,
    };
    if (Array.isArray(row.duration)) {
      result.qualifyingMs = qualifyingTriple(row.duration, seconds) ?? null;
      if (!result.qualifyingMs) ctx.addIssue({ code: "custom", path: ["duration"], message: "qualifying durations must be three" });
    } else if (typeof row.duration === "number") result.durationMs = toMs(row.duration);
    if (Array.isArray(row.gap_to_leader)) {
      result.qualifyingGaps = qualifyingTriple(row.gap_to_leader, parseGap) ?? null;
      if (!result.qualifyingGaps) ctx.addIssue({ code: "custom", path: ["gap_to_leader"], message: "qualifying gaps must be three" });
    } else {
      const single = parseGap(row.gap_to_leader);
      if (single === undefined) ctx.addIssue({ code: "custom", path: ["gap_to_leader"], message: `not a gap: ${JSON.stringify(row.gap_to_leader)}` });
      result.gapToLeader = single ?? null;
    }
    return result;
  });

/** `POST /token`: expires_in comes as a string of seconds ("3600"). */
export const tokenResponse = z
  .object({
    access_token: z.string().min(1),
    token_type: z.string().min(1),
    expires_in: z.union([z.string().regex(/^\d+$/, "must be whole seconds"), z.number().int().nonnegative()]),
  })
  .transform((body) => ({ accessToken: body.access_token, tokenType: body.token_type, lifetimeMs: Number(body.expires_in) * 1000 }));

export type OpenF1Token = z.output<typeof tokenResponse>;
