/**
 * The F1 records every source produces (OpenF1 now, the official live-timing feed later): instants are Dates,
 * durations whole milliseconds, names in racing terms. Nothing here says where a record came from.
 */

/** A time gap, or a number of laps down ("+1 LAP"). */
export type Gap = { kind: "time"; ms: number } | { kind: "laps"; laps: number };

export const COMPOUNDS = ["SOFT", "MEDIUM", "HARD", "INTERMEDIATE", "WET", "UNKNOWN"] as const;
export type Compound = (typeof COMPOUNDS)[number];

/** The colour of one mini-sector as timing screens show it; "none" when the source has no colour. */
export type MiniSector = "yellow" | "green" | "purple" | "pit" | "none";

export interface Meeting {
  kind: "meeting";
  meetingKey: number;
  name: string;
  officialName: string | null;
  year: number;
  startsAt: Date;
  endsAt: Date | null;
  /** Local time minus UTC, "HH:MM:SS" (negative with a leading "-"). */
  gmtOffset: string | null;
  location: string | null;
  countryCode: string | null;
  countryName: string | null;
  circuitKey: number | null;
  circuitShortName: string | null;
  circuitType: string | null;
  cancelled: boolean;
}

export interface Session {
  kind: "session";
  sessionKey: number;
  meetingKey: number;
  /** "Race", "Qualifying", "Practice 1", "Sprint", ... */
  name: string;
  /** "Race", "Qualifying", "Practice", ... */
  type: string;
  startsAt: Date;
  endsAt: Date | null;
  year: number | null;
  gmtOffset: string | null;
  location: string | null;
  countryCode: string | null;
  countryName: string | null;
  circuitKey: number | null;
  circuitShortName: string | null;
  cancelled: boolean;
}

export interface Driver {
  kind: "driver";
  sessionKey: number;
  driverNumber: number;
  /** Early in a session the names can still be missing. */
  acronym: string | null;
  broadcastName: string | null;
  fullName: string | null;
  firstName: string | null;
  lastName: string | null;
  teamName: string | null;
  /** "#RRGGBB" */
  teamColour: string | null;
  headshotUrl: string | null;
}

export type Triple<T> = [T, T, T];

export interface Lap {
  kind: "lap";
  sessionKey: number;
  driverNumber: number;
  lapNumber: number;
  /** Approximate; missing on the first lap of a race. */
  startedAt: Date | null;
  /** Null until the lap is done, and on laps the timing did not time (the first lap of a race). */
  lapMs: number | null;
  sectorMs: Triple<number | null>;
  miniSectors: Triple<MiniSector[]>;
  intermediate1Kph: number | null;
  intermediate2Kph: number | null;
  speedTrapKph: number | null;
  pitOutLap: boolean;
}

export interface Interval {
  kind: "interval";
  sessionKey: number;
  driverNumber: number;
  at: Date;
  /** Null for the leader on some sources, and when the timing has no gap yet. */
  gapToLeader: Gap | null;
  /** To the car ahead. */
  interval: Gap | null;
}

/** A change of place; sources send only changes, not the running order. */
export interface Position {
  kind: "position";
  sessionKey: number;
  driverNumber: number;
  at: Date;
  position: number;
}

export interface PitStop {
  kind: "pit";
  sessionKey: number;
  driverNumber: number;
  /** When the source dated the stop: in OpenF1 race data, the moment the car left the pit lane. */
  at: Date;
  /** The lap the car came in on. */
  lapNumber: number;
  /** Time from pit entry to pit exit. */
  laneMs: number | null;
  /** Time stationary in the box (not every source or season has it). */
  stationaryMs: number | null;
}

export interface Stint {
  kind: "stint";
  sessionKey: number;
  driverNumber: number;
  stintNumber: number;
  compound: Compound | null;
  lapStart: number;
  /** The last lap completed in the stint so far; it grows while the stint runs. */
  lapEnd: number | null;
  /** Laps already on the tyres when the stint began. */
  tyreAgeAtStart: number | null;
}

export interface RaceControlMessage {
  kind: "race-control";
  sessionKey: number;
  at: Date;
  /** "Flag", "SafetyCar", "Drs", "CarEvent", "SessionStatus", "Other", ... */
  category: string;
  /** "GREEN", "YELLOW", "DOUBLE YELLOW", "RED", "CHEQUERED", "BLUE", "BLACK AND WHITE", "CLEAR", ... */
  flag: string | null;
  /** "Track", "Sector", "Driver" */
  scope: string | null;
  sector: number | null;
  driverNumber: number | null;
  lapNumber: number | null;
  message: string;
  qualifyingPhase: number | null;
}

export interface Weather {
  kind: "weather";
  sessionKey: number;
  at: Date;
  airTemperatureC: number | null;
  trackTemperatureC: number | null;
  humidityPct: number | null;
  pressureMbar: number | null;
  rainfall: boolean;
  windSpeedMps: number | null;
  windDirectionDeg: number | null;
}

/** Where a car was, in the track's own units (the origin is arbitrary). */
export interface LocationSample {
  kind: "location";
  sessionKey: number;
  driverNumber: number;
  at: Date;
  x: number;
  y: number;
  z: number;
}

export interface CarTelemetry {
  kind: "car-data";
  sessionKey: number;
  driverNumber: number;
  at: Date;
  speedKph: number;
  rpm: number;
  /** 0 is neutral. */
  gear: number;
  throttlePct: number;
  braking: boolean;
  /** The timing's DRS code (8 eligible, 10/12/14 open, 0/1 off). */
  drs: number | null;
}

export interface GridSlot {
  kind: "grid";
  sessionKey: number;
  driverNumber: number;
  position: number;
  qualifyingLapMs: number | null;
}

export interface SessionResult {
  kind: "result";
  sessionKey: number;
  driverNumber: number;
  position: number | null;
  laps: number | null;
  didNotFinish: boolean;
  didNotStart: boolean;
  disqualified: boolean;
  /** Total race time, or the best lap in practice. */
  durationMs: number | null;
  gapToLeader: Gap | null;
  /** Best laps in Q1, Q2, Q3. */
  qualifyingMs: Triple<number | null> | null;
  qualifyingGaps: Triple<Gap | null> | null;
  points: number | null;
}

/** What the race state is built from. */
export type RaceRecord =
  | Session
  | Driver
  | Lap
  | Interval
  | Position
  | PitStop
  | Stint
  | RaceControlMessage
  | Weather
  | LocationSample
  | GridSlot
  | SessionResult;
