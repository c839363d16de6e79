import type { Compound, Gap, Triple } from "@/lib/f1/records";
import type { RaceControlEntry, WeatherState } from "./snapshot";
import type { TrackState } from "./track-status";

/**
 * What the race-state builder keeps between records. Plain JSON (instants in epoch milliseconds), so a copy can be
 * kept as a keyframe, stored, and restored.
 */

export interface LapEntry {
  ms: number | null;
  sectors: Triple<number | null>;
  deleted: boolean;
}

export interface StintEntry {
  stintNumber: number;
  compound: Compound | null;
  lapStart: number;
  lapEnd: number | null;
  tyreAgeAtStart: number | null;
}

export interface PitEntry {
  lapNumber: number;
  entryAt: number;
  exitAt: number;
  laneMs: number | null;
  /** A safety car or virtual safety car was out when the car came in. */
  neutralised: boolean;
}

export interface DriverEntry {
  driverNumber: number;
  acronym: string | null;
  name: string | null;
  teamName: string | null;
  teamColour: string | null;
  /** The latest place the timing reported, and when. */
  reported: { position: number; at: number } | null;
  grid: number | null;
  gapToLeader: Gap | null;
  interval: Gap | null;
  intervalAt: number | null;
  lap: number | null;
  lapStartedAt: number | null;
  pitOutLap: boolean;
  laps: Record<number, LapEntry>;
  lastLap: number | null;
  bestLap: number | null;
  bestSectors: Triple<number | null>;
  sectorsLap: number | null;
  stints: StintEntry[];
  pits: PitEntry[];
  lastActivityAt: number | null;
  lastLapDoneAt: number | null;
  /** Set by the session result. */
  classifiedOut: boolean;
  finished: boolean;
  location: { x: number; y: number; at: number } | null;
}

export interface BuilderState {
  sessionKey: number | null;
  /** "Race", "Qualifying", ... once the session record is seen. */
  sessionType: string | null;
  /** The moment of the latest record applied. */
  at: number | null;
  drivers: Record<number, DriverEntry>;
  track: TrackState;
  /** Newest first. */
  raceControl: RaceControlEntry[];
  weather: WeatherState | null;
  bestSectors: Triple<number | null>;
  fastestLap: { driverNumber: number; lapNumber: number; ms: number } | null;
  leaderLap: number | null;
  chequeredAt: number | null;
}
