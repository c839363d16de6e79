import type { RaceControlMessage } from "@/lib/f1/records";
import type { TrackStatus } from "./snapshot";

/** A safety-car or virtual-safety-car period; pit visits inside one are judged differently. */
export interface Neutralisation {
  from: number;
  /** Null while it lasts. */
  to: number | null;
  virtual: boolean;
}

export interface TrackState {
  status: TrackStatus;
  /** Mini-sectors under yellow; a sector's CLEAR removes it. */
  yellowSectors: number[];
  trackYellow: boolean;
  neutralisations: Neutralisation[];
  /** When the virtual safety car was announced as ending. */
  endingSince: number | null;
  redSince: number | null;
}

export const initialTrack = (): TrackState => ({
  status: "green",
  yellowSectors: [],
  trackYellow: false,
  neutralisations: [],
  endingSince: null,
  redSince: null,
});

// The virtual safety car ends this long after "VSC ENDING" when no green flag is received.
const VSC_ENDING_MS = 20_000;

const VSC_DEPLOYED = /\b(VIRTUAL SAFETY CAR|VSC) DEPLOYED\b/;
const VSC_ENDING = /\b(VIRTUAL SAFETY CAR|VSC) ENDING\b/;
const SC_DEPLOYED = /\bSAFETY CAR DEPLOYED\b/;
const SC_IN_THIS_LAP = /\bSAFETY CAR IN THIS LAP\b/;
const RED_FLAG = /^RED FLAG\b/;

function open(track: TrackState, at: number, virtual: boolean): void {
  const current = track.neutralisations.at(-1);
  if (current && current.to === null && current.virtual === virtual) return;
  close(track, at);
  track.neutralisations.push({ from: at, to: null, virtual });
}

function close(track: TrackState, at: number): void {
  const current = track.neutralisations.at(-1);
  if (current && current.to === null) current.to = at;
  track.endingSince = null;
}

function resume(track: TrackState, at: number): void {
  close(track, at);
  track.yellowSectors = [];
  track.trackYellow = false;
  track.redSince = null;
  track.status = "green";
}

/** Moves the track state on with one race-control message. */
export function applyRaceControl(track: TrackState, message: RaceControlMessage, at: number): void {
  settle(track, at);
  if (track.status === "chequered") return;
  const text = message.message.toUpperCase();
  const flag = message.flag?.toUpperCase() ?? null;
  const trackWide = message.scope === null || message.scope.toUpperCase() === "TRACK";
  if (VSC_DEPLOYED.test(text)) {
    open(track, at, true);
    track.status = "virtual-safety-car";
  } else if (VSC_ENDING.test(text)) {
    track.status = "virtual-safety-car-ending";
    track.endingSince = at;
  } else if (SC_IN_THIS_LAP.test(text)) {
    track.status = "safety-car-ending";
  } else if (SC_DEPLOYED.test(text)) {
    open(track, at, false);
    track.status = "safety-car";
  } else if (flag === "RED" || RED_FLAG.test(text)) {
    close(track, at);
    track.status = "red";
    track.redSince = at;
  } else if (flag === "CHEQUERED") {
    close(track, at);
    track.status = "chequered";
  } else if ((flag === "GREEN" || flag === "CLEAR") && trackWide) {
    resume(track, at);
  } else if (flag === "YELLOW" || flag === "DOUBLE YELLOW") {
    if (trackWide) track.trackYellow = true;
    else if (message.sector !== null && !track.yellowSectors.includes(message.sector)) track.yellowSectors.push(message.sector);
  } else if (flag === "CLEAR" && message.sector !== null) {
    track.yellowSectors = track.yellowSectors.filter((sector) => sector !== message.sector);
  }
  if (track.status === "green" || track.status === "yellow") track.status = track.trackYellow || track.yellowSectors.length > 0 ? "yellow" : "green";
}

/** The safety car pulls in as the leader starts a new lap. */
export function leaderStartedLap(track: TrackState, at: number): void {
  if (track.status === "safety-car-ending") resume(track, at);
}

/** Applies what time alone decides: the end of a virtual safety car announced as ending. */
export function settle(track: TrackState, at: number): void {
  if (track.status === "virtual-safety-car-ending" && track.endingSince !== null && at >= track.endingSince + VSC_ENDING_MS) {
    resume(track, track.endingSince + VSC_ENDING_MS);
  }
}

/** The status at a moment after the last message, without changing the state. */
export function statusAt(track: TrackState, at: number): TrackStatus {
  const ended = track.status === "virtual-safety-car-ending" && track.endingSince !== null && at >= track.endingSince + VSC_ENDING_MS;
  return ended ? "green" : track.status;
}

/** Whether a safety car or a virtual safety car was out at that moment. */
export function neutralisedAt(track: TrackState, at: number): boolean {
  return track.neutralisations.some((period) => period.from <= at && (period.to === null || at < period.to));
}
