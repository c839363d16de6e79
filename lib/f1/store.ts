import type { Driver, RaceRecord, Session } from "@/lib/f1/records";
import { sql } from "@/lib/db";
import type { F1Source, SessionSources } from "./sources";

/** The records kept in f1_records (sessions and drivers have their own tables). */
export type StoredRecord = Exclude<RaceRecord, Session | Driver>;

const iso = (date: Date) => date.toISOString();

/** What makes a record one: a poll that sends it again (a lap with one more sector) rewrites the same row. */
export function naturalKey(record: StoredRecord): string {
  switch (record.kind) {
    case "lap":
      return `${record.driverNumber}/${record.lapNumber}`;
    case "pit":
      return `${record.driverNumber}/${record.lapNumber}`;
    case "stint":
      return `${record.driverNumber}/${record.stintNumber}`;
    case "grid":
    case "result":
      return String(record.driverNumber);
    case "race-control":
      return `${iso(record.at)}/${record.message}`;
    case "weather":
      return iso(record.at);
    case "interval":
    case "position":
    case "location":
      return `${record.driverNumber}/${iso(record.at)}`;
  }
}

function momentOf(record: StoredRecord): Date | null {
  if (record.kind === "lap") return record.startedAt;
  return "at" in record ? record.at : null;
}

const DATE_FIELDS = new Set(["at", "startedAt", "startsAt", "endsAt"]);

/** A record read back from JSON: its instants become Dates again. */
export function reviveRecord(json: Record<string, unknown>): StoredRecord {
  const record: Record<string, unknown> = { ...json };
  for (const field of DATE_FIELDS) if (typeof record[field] === "string") record[field] = new Date(record[field]);
  return record as unknown as StoredRecord;
}

/** Writes records idempotently (one row per natural key, the newest copy wins); an empty list writes nothing. */
export async function storeRecords(records: readonly StoredRecord[]): Promise<number> {
  if (records.length === 0) return 0;
  // One row per key within the batch too: Postgres refuses to update a row twice in one statement.
  const unique = new Map<string, StoredRecord>();
  for (const record of records) unique.set(`${record.sessionKey}\u0000${record.kind}\u0000${naturalKey(record)}`, record);
  const all = [...unique.values()];
  // A whole archived race goes in as one import: a statement per STORE_BATCH rows keeps each one's parameters small.
  for (let start = 0; start < all.length; start += STORE_BATCH) await storeBatch(all.slice(start, start + STORE_BATCH));
  return all.length;
}

const STORE_BATCH = 5_000;

async function storeBatch(rows: readonly StoredRecord[]): Promise<void> {
  await sql()`
    insert into f1_records (session_key, kind, natural_key, driver_number, at, record)
    select session_key, kind, natural_key, driver_number, at::timestamptz, record::jsonb from unnest(
      ${rows.map((r) => r.sessionKey)}::int[], ${rows.map((r) => r.kind)}::text[], ${rows.map(naturalKey)}::text[],
      ${rows.map((r) => ("driverNumber" in r ? r.driverNumber : null))}::int[], ${rows.map((r) => momentOf(r)?.toISOString() ?? null)}::text[],
      ${rows.map((r) => JSON.stringify(r))}::text[]) as t(session_key, kind, natural_key, driver_number, at, record)
    on conflict (session_key, kind, natural_key) do update set record = excluded.record, at = excluded.at, driver_number = excluded.driver_number`;
}

/** Upserts sessions as `source` lists them, adding it to each session's sources (and its archive folder, if given). */
export async function storeSessions(sessions: readonly Session[], source: F1Source, archivePaths: ReadonlyMap<number, string> = new Map()): Promise<void> {
  for (const s of sessions) {
    await sql()`
      insert into f1_sessions (session_key, meeting_key, name, type, starts_at, ends_at, year, location, country_name, circuit_short_name, sources, archive_path)
      values (${s.sessionKey}, ${s.meetingKey}, ${s.name}, ${s.type}, ${s.startsAt.toISOString()}::timestamptz, ${s.endsAt?.toISOString() ?? null}::timestamptz, ${s.year}, ${s.location}, ${s.countryName}, ${s.circuitShortName},
        array[${source}]::text[], ${archivePaths.get(s.sessionKey) ?? null})
      on conflict (session_key) do update set meeting_key = excluded.meeting_key, name = excluded.name, type = excluded.type,
        starts_at = excluded.starts_at, ends_at = coalesce(excluded.ends_at, f1_sessions.ends_at), year = coalesce(excluded.year, f1_sessions.year),
        location = coalesce(excluded.location, f1_sessions.location), country_name = coalesce(excluded.country_name, f1_sessions.country_name),
        circuit_short_name = coalesce(excluded.circuit_short_name, f1_sessions.circuit_short_name),
        sources = case when ${source} = any(f1_sessions.sources) then f1_sessions.sources else f1_sessions.sources || excluded.sources end,
        archive_path = coalesce(excluded.archive_path, f1_sessions.archive_path), updated_at = now()`;
  }
}

/**
 * Makes `source` the source of the session's stored records: records another source stored are deleted first, so two
 * sources never mix in one replay. Called once what the new source sent is in hand and not empty.
 */
export async function takeRecordsFor(sessionKey: number, source: F1Source): Promise<void> {
  await sql().begin(async (tx) => {
    const [session] = await tx<{ recordsSource: string | null }[]>`
      select records_source as "recordsSource" from f1_sessions where session_key = ${sessionKey} for update`;
    if (session?.recordsSource === source) return;
    if (session?.recordsSource) await tx`delete from f1_records where session_key = ${sessionKey}`;
    await tx`update f1_sessions set records_source = ${source}, outline = null where session_key = ${sessionKey}`;
  });
}

/** Where each car was at a moment: its newest stored location in the 10 s before. */
export async function locationsAt(sessionKey: number, at: number): Promise<Map<number, { x: number; y: number }>> {
  const located = await sql()<{ driverNumber: number; x: number; y: number }[]>`
    select distinct on (driver_number) driver_number as "driverNumber", (record->>'x')::float8 as x, (record->>'y')::float8 as y
    from f1_records where session_key = ${sessionKey} and kind = 'location' and at <= ${new Date(at).toISOString()}::timestamptz and at > ${new Date(at - 10_000).toISOString()}::timestamptz
    order by driver_number, at desc`;
  return new Map(located.map((row) => [row.driverNumber, { x: row.x, y: row.y }]));
}

export async function storeDrivers(drivers: readonly Driver[]): Promise<void> {
  for (const d of drivers) {
    await sql()`
      insert into f1_drivers (session_key, driver_number, acronym, full_name, team_name, team_colour)
      values (${d.sessionKey}, ${d.driverNumber}, ${d.acronym}, ${d.fullName ?? d.broadcastName}, ${d.teamName}, ${d.teamColour})
      on conflict (session_key, driver_number) do update set acronym = coalesce(excluded.acronym, f1_drivers.acronym),
        full_name = coalesce(excluded.full_name, f1_drivers.full_name), team_name = coalesce(excluded.team_name, f1_drivers.team_name),
        team_colour = coalesce(excluded.team_colour, f1_drivers.team_colour)`;
  }
}

/** The stored drivers of a session as records, to seed a race state. */
export async function storedDrivers(sessionKey: number): Promise<Driver[]> {
  const rows = await sql()<{ driverNumber: number; acronym: string | null; fullName: string | null; teamName: string | null; teamColour: string | null }[]>`
    select driver_number as "driverNumber", acronym, full_name as "fullName", team_name as "teamName", team_colour as "teamColour"
    from f1_drivers where session_key = ${sessionKey} order by driver_number`;
  return rows.map((row) => ({
    kind: "driver",
    sessionKey,
    driverNumber: row.driverNumber,
    acronym: row.acronym,
    broadcastName: null,
    fullName: row.fullName,
    firstName: null,
    lastName: null,
    teamName: row.teamName,
    teamColour: row.teamColour,
    headshotUrl: null,
  }));
}

/** Every stored record of a session of the given kinds (all but locations by default). */
export async function storedRecords(sessionKey: number, kinds?: readonly string[]): Promise<StoredRecord[]> {
  const rows = kinds
    ? await sql()<{ record: Record<string, unknown> }[]>`select record from f1_records where session_key = ${sessionKey} and kind = any(${kinds as string[]}) order by id`
    : await sql()<{ record: Record<string, unknown> }[]>`select record from f1_records where session_key = ${sessionKey} and kind <> 'location' order by id`;
  return rows.map((row) => reviveRecord(row.record));
}

/** Which sources list a session, and its archive folder; null for a session not stored. */
export async function sessionSources(sessionKey: number): Promise<SessionSources | null> {
  const [row] = await sql()<SessionSources[]>`select sources, archive_path as "archivePath" from f1_sessions where session_key = ${sessionKey}`;
  return row ?? null;
}
