import { z } from "zod";
import { flagFromCode } from "../flags";
import type { Flag, FlagPeriod, SessionState, StandingRecord } from "../records";
import { parseDuration, parseGap } from "../timing";
import { countOf, textOf, yes } from "./fields";
import { emptyBatch, type EnduranceSource, type SourceBatch } from "./source";
import { decodeBody, fingerprint, parseJsonOrJsonp, SourceFormatError } from "./text";

/** Fingerprints of the last payload read of each kind: an unchanged payload yields nothing new. */
export interface LiveCursor {
  results: string | null;
  raceData: string | null;
}

export type ImsaLiveSource = EnduranceSource<LiveCursor>;

// RaceResults_JSONP (callback jsonpRaceResults): header S session, E event, T track, DT day time (the legacy
// feed also F flag, TT elapsed, TR remaining) and cars in B. RaceData_JSONP (jsonpRaceData): A day time,
// B time to go or "Session Complete", C flag code, T time to go. SessionInfo_JSONP (jsonpSessionInfo): T title,
// S session, F flag, TT elapsed, TR remaining.
const payloadSchema = z.looseObject({});
const field = z.union([z.string(), z.number(), z.boolean(), z.null()]).optional();
const carSchema = z.looseObject({
  A: field,
  N: field,
  C: field,
  PIC: field,
  F: field,
  T: field,
  V: field,
  L: field,
  D: field,
  G: field,
  DIC: field,
  GIC: field,
  LL: field,
  BL: field,
  IN: field,
  P: field,
  PS: field,
});

type Payload = Record<string, unknown>;

/**
 * The IMSA live scoring feed, polled between analysis-file updates. Either payload may be read (the callback
 * or the shape tells which). Between sessions the feed serves an empty shell: it yields no standings, so the
 * last good ones stay; a chequered flag or "Session Complete" marks the session complete. Rows without a class
 * (safety cars, transponder placeholders) are not cars.
 */
export const imsaLiveSource: ImsaLiveSource = {
  kind: "imsa-live",
  read(body, { since } = {}) {
    const text = decodeBody(body);
    const { callback, value } = parseJsonOrJsonp(text);
    const parsed = payloadSchema.safeParse(value);
    if (!parsed.success) throw new SourceFormatError("the live scoring payload is not an object");
    const payload = parsed.data;
    const kind = payloadKind(callback, payload);
    const previous = since ?? { results: null, raceData: null };
    const print = fingerprint(text);
    const cursor: LiveCursor = kind === "results" ? { ...previous, results: print } : { ...previous, raceData: print };
    if ((kind === "results" ? previous.results : previous.raceData) === print) return emptyBatch(cursor);
    return kind === "results" ? readResults(payload, cursor) : readRaceData(payload, kind, cursor);
  },
};

type PayloadKind = "results" | "raceData" | "sessionInfo";

function payloadKind(callback: string | null, payload: Payload): PayloadKind {
  const name = callback?.toLowerCase() ?? "";
  if (name.includes("raceresults")) return "results";
  if (name.includes("racedata")) return "raceData";
  if (name.includes("sessioninfo")) return "sessionInfo";
  if (Array.isArray(payload.B)) return "results";
  return "C" in payload ? "raceData" : "sessionInfo";
}

function readResults(payload: Payload, cursor: LiveCursor): SourceBatch<LiveCursor> {
  const batch = emptyBatch(cursor);
  const cars = Array.isArray(payload.B) ? payload.B : [];
  cars.forEach((raw, index) => {
    const standing = readCar(raw);
    if (typeof standing === "string") batch.rejected.push({ line: index + 1, reason: standing });
    else if (standing) batch.standings.push(standing);
  });
  batch.standings.sort((a, b) => a.position - b.position);
  const complete = sessionComplete(payload);
  if (batch.standings.length === 0) {
    if (complete) batch.session = { name: null, event: null, track: null, flag: null, elapsedMs: null, remainingMs: null, complete };
    return batch;
  }
  const flag = liveFlag(payload.F);
  batch.session = {
    name: textOf(payload.S),
    event: textOf(payload.E),
    track: textOf(payload.T),
    flag,
    elapsedMs: timeOf(payload.TT),
    remainingMs: timeOf(payload.TR),
    complete: complete || flag === "chequered",
  };
  batch.flags = currentFlag(batch.session);
  return batch;
}

/** A car, null for a row that is not a car, or the reason the row is malformed. */
function readCar(raw: unknown): StandingRecord | null | string {
  const parsed = carSchema.safeParse(raw);
  if (!parsed.success) return parsed.error.issues.map((issue) => `${issue.path.join(".") || "(entry)"}: ${issue.message}`).join("; ");
  const car = parsed.data;
  const carClass = textOf(car.C);
  if (carClass === null) return null;
  const number = textOf(car.N);
  if (number === null) return "no car number (N)";
  const position = countOf(car.A);
  if (position === null || position < 1) return `car ${number}: no position (A = ${JSON.stringify(car.A)})`;
  return {
    car: number,
    position,
    classPosition: countOf(car.PIC),
    carClass,
    driver: textOf(car.F),
    team: textOf(car.T),
    vehicle: textOf(car.V),
    laps: countOf(car.L),
    gapToLeader: gapOf(car.D),
    interval: gapOf(car.G),
    classGapToLeader: gapOf(car.DIC),
    classInterval: gapOf(car.GIC),
    lastLapMs: timeOf(car.LL),
    bestLapMs: timeOf(car.BL),
    bestLapNumber: countOf(car.IN),
    inPit: yes(car.P),
    pitStops: countOf(car.PS),
  };
}

function readRaceData(payload: Payload, kind: "raceData" | "sessionInfo", cursor: LiveCursor): SourceBatch<LiveCursor> {
  const batch = emptyBatch(cursor);
  const complete = sessionComplete(payload);
  const flag = liveFlag(kind === "raceData" ? payload.C : payload.F);
  const remainingMs = kind === "raceData" ? (timeOf(payload.T) ?? timeOf(payload.B)) : timeOf(payload.TR);
  const session: SessionState = {
    name: textOf(kind === "raceData" ? (payload.Session ?? payload.S) : payload.S),
    event: kind === "sessionInfo" ? textOf(payload.T) : null,
    track: null,
    flag: complete && flag === null ? "chequered" : flag,
    elapsedMs: timeOf(payload.TT),
    remainingMs,
    complete: complete || flag === "chequered",
  };
  // An empty shell (no flag, no clock, not complete) says nothing about the session.
  if (!session.complete && session.flag === null && session.remainingMs === null && session.elapsedMs === null) return batch;
  batch.session = session;
  batch.flags = currentFlag(session);
  return batch;
}

function sessionComplete(payload: Payload): boolean {
  return [payload.B, payload.S, payload.Session].some((field) => /session complete/i.test(textOf(field) ?? ""));
}

// Numeric flag states: 1 green, 2 yellow (IMSA's full-course caution), 3 red, 4 chequered; 0 is no flag yet.
const NUMERIC_FLAGS: Record<string, Flag> = { "1": "green", "2": "fcy", "3": "red", "4": "chequered" };

function liveFlag(value: unknown): Flag | null {
  const text = textOf(value);
  if (text === null) return null;
  return NUMERIC_FLAGS[text] ?? flagFromCode(text);
}

function currentFlag(session: SessionState): FlagPeriod[] {
  return session.flag === null ? [] : [{ flag: session.flag, startMs: session.elapsedMs, endMs: null, startLap: null }];
}

/** "1:06.109", "05:12:33", "Time to go: 05:12:33", or plain seconds as a number. */
function timeOf(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : null;
  const text = textOf(value)?.replace(/^time to go:\s*/i, "");
  return text ? parseDuration(text) : null;
}

function gapOf(value: unknown) {
  const text = textOf(value);
  return text === null ? null : parseGap(text);
}

