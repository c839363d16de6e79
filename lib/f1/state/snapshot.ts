import type { Compound, Gap, Triple } from "@/lib/f1/records";

/**
 * The compact race state at one moment: what the timing tower, the track map, the race-control feed and the flag
 * show. Plain JSON (instants as ISO text), the same whatever source the records came from.
 */

export type TrackStatus =
  | "green"
  | "yellow"
  | "safety-car"
  /** "SAFETY CAR IN THIS LAP" */
  | "safety-car-ending"
  | "virtual-safety-car"
  | "virtual-safety-car-ending"
  | "red"
  | "chequered";

export type DriverStatus = "running" | "in-pit" | "retired" | "finished";

export interface LapTime {
  lapNumber: number;
  ms: number;
  /** Equal to the driver's best lap of the session. */
  personalBest: boolean;
  /** The fastest lap of the session. */
  overallBest: boolean;
  /** Struck off by race control (track limits); it counts for no best. */
  deleted: boolean;
}

export interface SectorTime {
  ms: number;
  personalBest: boolean;
  overallBest: boolean;
}

export interface TyreState {
  compound: Compound | null;
  /** Laps on this set, the current lap not counted; null when the source did not say how old the set was. */
  ageLaps: number | null;
  stintNumber: number;
}

export interface DriverSnapshot {
  driverNumber: number;
  /** "VER"; the car number when the source has not named the driver yet. */
  acronym: string;
  name: string | null;
  teamName: string | null;
  /** "#RRGGBB" */
  teamColour: string | null;
  position: number;
  gridPosition: number | null;
  gapToLeader: Gap | null;
  interval: Gap | null;
  /** The lap the driver is on. */
  lap: number | null;
  lastLap: LapTime | null;
  bestLap: LapTime | null;
  /** The sectors of the latest lap with a sector time (the previous lap's stay until the new lap's first sector). */
  sectors: Triple<SectorTime | null>;
  sectorsLap: number | null;
  tyre: TyreState | null;
  /** Tyre stops; a pass through the pit lane without new tyres does not count. */
  pitStops: number;
  /** Pit entry to pit exit, of the latest visit to the pit lane. */
  lastPitLaneMs: number | null;
  status: DriverStatus;
  /** The latest location sample, in the track's units. */
  location: { x: number; y: number } | null;
}

export interface RaceControlEntry {
  at: string;
  category: string;
  flag: string | null;
  scope: string | null;
  sector: number | null;
  driverNumber: number | null;
  lapNumber: number | null;
  message: string;
}

export interface WeatherState {
  at: string;
  airTemperatureC: number | null;
  trackTemperatureC: number | null;
  humidityPct: number | null;
  pressureMbar: number | null;
  rainfall: boolean;
  windSpeedMps: number | null;
  windDirectionDeg: number | null;
}

export interface RaceSnapshot {
  sessionKey: number | null;
  /** The moment this state describes. */
  at: string;
  /** The leader's lap. */
  lap: number | null;
  trackStatus: TrackStatus;
  /** In running order, P1 first. */
  drivers: DriverSnapshot[];
  /** Newest first. */
  raceControl: RaceControlEntry[];
  weather: WeatherState | null;
  fastestLap: { driverNumber: number; lapNumber: number; ms: number } | null;
}
