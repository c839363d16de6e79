import "server-only";
import { sql } from "@/lib/db";
import type { Lap, PitStop, RaceControlMessage, Stint, Weather } from "@/lib/f1/records";
import type { SectionFigure } from "@/lib/domains";
import type { SessionSummary } from "./feed";
import type { F1Source } from "./sources";
import { sessionSummary } from "./poller";
import { replayOf } from "./replays";
import type { RaceSnapshot } from "./state/snapshot";
import { locationsAt, reviveRecord } from "./store";
import { deriveOutline } from "./track";

// F1 read models: sessions, the state of a session at a moment, the outline, and a session's records by kind.

export async function f1Figures(): Promise<SectionFigure[]> {
  const [row] = await sql()<{ sessions: number; laps: number }[]>`
    select (select count(*)::int from f1_sessions) as sessions, (select count(*)::int from f1_records where kind = 'lap') as laps`;
  return [
    { label: "Sessions", value: row?.sessions ?? 0 },
    { label: "Laps", value: row?.laps ?? 0 },
  ];
}

export interface SessionListing extends SessionSummary {
  /** The sources that list the session ("openf1", "livetiming"). */
  sources: F1Source[];
  /** The source of the stored records, null before any. */
  recordsSource: F1Source | null;
  records: number;
  laps: number | null;
}

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

export async function listSessions(limit = 50): Promise<SessionListing[]> {
  return sql()<SessionListing[]>`
    select s.session_key as "sessionKey", s.meeting_key as "meetingKey", s.name, s.type,
      to_char(s.starts_at at time zone 'UTC', ${sql().unsafe(ISO)}) as "startsAt",
      to_char(s.ends_at at time zone 'UTC', ${sql().unsafe(ISO)}) as "endsAt",
      s.location, s.country_name as "countryName", s.circuit_short_name as "circuitShortName",
      s.sources, s.records_source as "recordsSource",
      (select count(*)::int from f1_records r where r.session_key = s.session_key) as records,
      (select max((r.record->>'lapNumber')::int) from f1_records r where r.session_key = s.session_key and r.kind = 'lap') as laps
    from f1_sessions s order by s.starts_at desc limit ${limit}`;
}

export { sessionSummary };

/** Whether any timing is stored for the session (an archived session listed from its season's index has none until replayed). */
export async function hasTiming(sessionKey: number): Promise<boolean> {
  const [row] = await sql()<{ stored: boolean }[]>`
    select exists (select 1 from f1_records where session_key = ${sessionKey} and kind in ('lap', 'position')) as stored`;
  return row?.stored ?? false;
}

export interface StateAt {
  session: SessionSummary;
  startsAt: string;
  endsAt: string;
  laps: { lap: number; at: string }[];
  state: RaceSnapshot;
}

/** The state of a stored session at a moment (or at the start of a lap), with the cars where they were then. */
export async function stateAt(sessionKey: number, moment: { at?: string; lap?: number }): Promise<StateAt | null> {
  const session = await sessionSummary(sessionKey);
  if (!session) return null;
  const replay = await replayOf(sessionKey);
  const lapStart = moment.lap === undefined ? undefined : replay.lapStarts.find((start) => start.lap === moment.lap)?.at;
  const at = lapStart ?? (moment.at ? Date.parse(moment.at) : replay.endsAt);
  const state = replay.stateAt(Math.max(at, replay.startsAt));
  const where = await locationsAt(sessionKey, at);
  for (const driver of state.drivers) driver.location = where.get(driver.driverNumber) ?? driver.location;
  const iso = (ms: number) => new Date(ms).toISOString();
  return { session, startsAt: iso(replay.startsAt), endsAt: iso(replay.endsAt), laps: replay.lapStarts.map((start) => ({ lap: start.lap, at: iso(start.at) })), state };
}

/** The session's outline, derived once from stored location samples and kept. */
export async function trackOutline(sessionKey: number): Promise<[number, number][] | null> {
  const [session] = await sql()<{ outline: [number, number][] | null }[]>`select outline from f1_sessions where session_key = ${sessionKey}`;
  if (!session) return null;
  if (session.outline && session.outline.length > 0) return session.outline;
  const samples = await sql()<{ driverNumber: number; x: number; y: number }[]>`
    select driver_number as "driverNumber", (record->>'x')::float8 as x, (record->>'y')::float8 as y
    from f1_records where session_key = ${sessionKey} and kind = 'location'
      and driver_number = (select driver_number from f1_records where session_key = ${sessionKey} and kind = 'location' group by driver_number order by count(*) desc limit 1)
    order by at limit 20000`;
  const outline = deriveOutline(samples);
  if (outline.length >= 20) await sql()`update f1_sessions set outline = ${JSON.stringify(outline)}::jsonb where session_key = ${sessionKey}`;
  return outline;
}

async function records<T>(sessionKey: number, kind: string, driver: number | undefined): Promise<T[]> {
  const rows = driver === undefined
    ? await sql()<{ record: Record<string, unknown> }[]>`select record from f1_records where session_key = ${sessionKey} and kind = ${kind} order by at nulls first, id`
    : await sql()<{ record: Record<string, unknown> }[]>`
        select record from f1_records where session_key = ${sessionKey} and kind = ${kind} and driver_number = ${driver} order by at nulls first, id`;
  return rows.map((row) => reviveRecord(row.record) as T);
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export async function sessionLaps(sessionKey: number, driver?: number) {
  const laps = await records<Lap>(sessionKey, "lap", driver);
  return laps
    .sort((a, b) => a.driverNumber - b.driverNumber || a.lapNumber - b.lapNumber)
    .map((lap) => ({ driverNumber: lap.driverNumber, lapNumber: lap.lapNumber, startedAt: iso(lap.startedAt), lapMs: lap.lapMs, sectorMs: lap.sectorMs, pitOutLap: lap.pitOutLap }));
}

export async function sessionStints(sessionKey: number, driver?: number) {
  const stints = await records<Stint>(sessionKey, "stint", driver);
  return stints
    .sort((a, b) => a.driverNumber - b.driverNumber || a.stintNumber - b.stintNumber)
    .map(({ driverNumber, stintNumber, compound, lapStart, lapEnd, tyreAgeAtStart }) => ({ driverNumber, stintNumber, compound, lapStart, lapEnd, tyreAgeAtStart }));
}

export async function sessionPits(sessionKey: number, driver?: number) {
  const pits = await records<PitStop>(sessionKey, "pit", driver);
  return pits.map(({ driverNumber, at, lapNumber, laneMs, stationaryMs }) => ({ driverNumber, at: at.toISOString(), lapNumber, laneMs, stationaryMs }));
}

export async function sessionRaceControl(sessionKey: number, driver?: number) {
  const messages = await records<RaceControlMessage>(sessionKey, "race-control", driver);
  return messages.map(({ at, category, flag, scope, sector, driverNumber, lapNumber, message }) => ({
    at: at.toISOString(),
    category,
    flag,
    scope,
    sector,
    driverNumber,
    lapNumber,
    message,
  }));
}

export async function sessionWeather(sessionKey: number) {
  const readings = await records<Weather>(sessionKey, "weather", undefined);
  return readings.map(({ kind: _kind, sessionKey: _session, at, ...reading }) => ({ at: at.toISOString(), ...reading }));
}
