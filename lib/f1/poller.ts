import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "@/lib/db";
import { logger } from "@/lib/log";
import type { Driver, LocationSample, RaceRecord, Session } from "@/lib/f1/records";
import { f1Env } from "./env";
import type { Feed, FeedFreshness, LiveFeed, PollerStatus, SessionSummary } from "./feed";
import { importArchivedSession } from "./livetiming/import";
import { archiveNote } from "./livetiming/topics";
import type { OpenF1Endpoint } from "./openf1/parse";
import type { QueryCondition } from "./openf1/query";
import { replayOf } from "./replays";
import { publishSnapshot } from "./snapshots";
import { OpenF1AccountNeeded, openf1Source, type OpenF1Source } from "./source";
import { RaceStateBuilder } from "./state/builder";
import type { BuilderState } from "./state/entries";
import type { RaceSnapshot } from "./state/snapshot";
import { sessionTimeline } from "./state/timeline";
import { SOURCE_LABELS, type F1Source } from "./sources";
import { locationsAt, storeDrivers, storedDrivers, storeRecords, storeSessions, takeRecordsFor, type StoredRecord } from "./store";

const log = logger("f1.poller");

/** A poller that stops renewing loses its session to the next one after this long. */
export const LEASE_MS = 30_000;
/** Laps are sent again as their sectors complete: each poll asks again for laps started this long before the newest. */
const LAP_OVERLAP_MS = 4 * 60_000;
/** Location samples stored per car: one per this much session time (the feed sends ~3.7 a second). */
const LOCATION_EVERY_MS = 1_000;
/** A live session is followed until this long after its end. */
const AFTER_END_MS = 5 * 60_000;
/** A live poller's first location request starts this long before now. */
const LOCATION_JOIN_MS = 10_000;
/** Asked every poll; the others take turns, laps every other poll. */
const EVERY_POLL: OpenF1Endpoint[] = ["intervals", "position", "location"];
const IN_TURN: OpenF1Endpoint[] = ["laps", "race_control", "laps", "pit", "laps", "stints", "laps", "weather"];
/** A replay reads these once, whole, at its start; location comes window by window as the replay plays. */
const REPLAY_IMPORT: OpenF1Endpoint[] = ["drivers", "starting_grid", "laps", "intervals", "position", "pit", "stints", "race_control", "weather"];
const DATE_FIELD: Partial<Record<OpenF1Endpoint, string>> = { laps: "date_start", stints: undefined, drivers: undefined, starting_grid: undefined };

export interface PollerRow {
  sessionKey: number;
  mode: "live" | "replay";
  source: F1Source;
  status: PollerStatus;
  owner: string;
  speed: number;
  replayFrom: Date | null;
  startedAt: Date;
  cursors: Record<string, string>;
  builder: BuilderState | { locations: Record<string, { x: number; y: number }> } | null;
  feeds: Partial<Record<Feed, FeedFreshness>>;
  polls: number;
  requests: number;
  /** Shown with the source on the page: what this source leaves out (an archive without car positions). */
  message: string | null;
}

export interface ClaimRequest {
  sessionKey: number;
  mode: "live" | "replay";
  /** OpenF1 unless said. */
  source?: F1Source;
  owner: string;
  /** The run this one continues: it may take over its lease at once. */
  previousOwner?: string;
  /** An operator's replay replaces whatever polls the session. */
  force?: boolean;
  speed?: number;
  replayFrom?: Date;
}

/**
 * Takes a session's poller for `owner`: it is free (no row, or a lease that ran out), it is this run's own, or this
 * run continues the owner's. One statement, so two instances asking at once cannot both win.
 */
export async function claimPoller(request: ClaimRequest): Promise<boolean> {
  const fresh = request.force === true || request.previousOwner === undefined;
  const rows = await sql()`
    insert into f1_pollers (session_key, mode, source, status, owner, lease_until, speed, replay_from, started_at)
    values (${request.sessionKey}, ${request.mode}, ${request.source ?? "openf1"}, 'running', ${request.owner}, now() + make_interval(secs => ${LEASE_MS / 1000}),
            ${request.speed ?? 1}, ${request.replayFrom?.toISOString() ?? null}::timestamptz, now())
    on conflict (session_key) do update set owner = excluded.owner, lease_until = excluded.lease_until, status = 'running', updated_at = now(),
      mode = case when ${fresh} then excluded.mode else f1_pollers.mode end,
      source = case when ${fresh} then excluded.source else f1_pollers.source end,
      message = case when ${fresh} then null else f1_pollers.message end,
      speed = case when ${fresh} then excluded.speed else f1_pollers.speed end,
      replay_from = case when ${fresh} then excluded.replay_from else f1_pollers.replay_from end,
      started_at = case when ${fresh} then excluded.started_at else f1_pollers.started_at end,
      cursors = case when ${fresh} and (excluded.mode = 'replay' or f1_pollers.mode = 'replay') then '{}'::jsonb else f1_pollers.cursors end,
      builder = case when ${fresh} and (excluded.mode = 'replay' or f1_pollers.mode = 'replay') then null else f1_pollers.builder end
    where ${request.force === true} or f1_pollers.lease_until < now() or f1_pollers.owner = ${request.owner}
      or f1_pollers.owner = ${request.previousOwner ?? ""}
    returning session_key`;
  return rows.length === 1;
}

/** Ends a poller (the operator's stop, or a run that is done): its lease is given back. */
export async function releasePoller(sessionKey: number, owner: string, status: PollerStatus, message: string | null = null): Promise<void> {
  await sql()`update f1_pollers set status = ${status}, message = ${message}, lease_until = now(), updated_at = now()
    where session_key = ${sessionKey} and owner = ${owner}`;
}

/** An operator's stop: whoever owns the session's poller finds it stopped at its next poll. */
export async function stopPoller(sessionKey: number): Promise<boolean> {
  const rows = await sql()`update f1_pollers set status = 'stopped', lease_until = now(), updated_at = now()
    where session_key = ${sessionKey} and status = 'running' returning session_key`;
  return rows.length > 0;
}

/**
 * An operator's replay takes the live page (it shows the newest snapshot of any session): the session's own poller and
 * every other replay stop at their next poll. Live sessions of other keys go on.
 */
export async function stopForReplay(sessionKey: number): Promise<number> {
  const rows = await sql()`update f1_pollers set status = 'stopped', lease_until = now(), updated_at = now()
    where status = 'running' and (session_key = ${sessionKey} or mode = 'replay') returning session_key`;
  return rows.length;
}

export async function renewLease(sessionKey: number, owner: string): Promise<PollerRow | null> {
  const [row] = await sql()<(Omit<PollerRow, "replayFrom" | "startedAt"> & { replayFrom: string | null; startedAt: string })[]>`
    update f1_pollers set lease_until = now() + make_interval(secs => ${LEASE_MS / 1000}), updated_at = now()
    where session_key = ${sessionKey} and owner = ${owner} and status = 'running'
    returning session_key as "sessionKey", mode, source, status, owner, speed, replay_from as "replayFrom", started_at as "startedAt",
      cursors, builder, feeds, polls, requests, message`;
  return row ? { ...row, replayFrom: row.replayFrom === null ? null : new Date(row.replayFrom), startedAt: new Date(row.startedAt) } : null;
}

export async function savePoller(row: PollerRow): Promise<void> {
  await sql()`update f1_pollers set cursors = ${JSON.stringify(row.cursors)}::jsonb, builder = ${row.builder === null ? null : JSON.stringify(row.builder)}::jsonb,
    feeds = ${JSON.stringify(row.feeds)}::jsonb, polls = ${row.polls}, requests = ${row.requests}, replay_from = ${row.replayFrom?.toISOString() ?? null}::timestamptz,
    started_at = ${row.startedAt.toISOString()}::timestamptz, message = ${row.message}, updated_at = now()
    where session_key = ${row.sessionKey} and owner = ${row.owner}`;
}

export async function sessionSummary(sessionKey: number): Promise<SessionSummary | null> {
  const [row] = await sql()<SessionSummary[]>`
    select session_key as "sessionKey", meeting_key as "meetingKey", name, type, to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "startsAt",
      to_char(ends_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "endsAt", location, country_name as "countryName", circuit_short_name as "circuitShortName"
    from f1_sessions where session_key = ${sessionKey}`;
  return row ?? null;
}

const emptyState = (sessionKey: number, at: Date): RaceSnapshot => RaceStateBuilder.start(sessionKey).snapshot(at.getTime());

/** One car's samples thinned to one per LOCATION_EVERY_MS, for storage. */
function thinLocations(samples: readonly LocationSample[]): LocationSample[] {
  const kept: LocationSample[] = [];
  const last = new Map<number, number>();
  for (const sample of [...samples].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const previous = last.get(sample.driverNumber);
    if (previous !== undefined && sample.at.getTime() - previous < LOCATION_EVERY_MS) continue;
    last.set(sample.driverNumber, sample.at.getTime());
    kept.push(sample);
  }
  return kept;
}

function newestDate(records: readonly RaceRecord[]): Date | null {
  let newest: number | null = null;
  for (const record of records) {
    const moment = record.kind === "lap" ? record.startedAt : "at" in record ? record.at : null;
    if (moment && (newest === null || moment.getTime() > newest)) newest = moment.getTime();
  }
  return newest === null ? null : new Date(newest);
}

export interface PollOutcome {
  /** Records received (after dropping placeholders and malformed rows). */
  records: number;
  malformed: number;
  requests: number;
  /** The sequence published, when something changed. */
  sequence: number | null;
  /** The session is over (live) or played to its end (replay). */
  done: boolean;
}

/** Fetches one endpoint of a session from its cursor on, records the cursor and the feed's freshness. */
async function fetchFeed(
  source: OpenF1Source,
  row: PollerRow,
  endpoint: OpenF1Endpoint,
  until: Date | null,
  signal?: AbortSignal,
): Promise<{ records: RaceRecord[]; malformed: number }> {
  const field = endpoint in DATE_FIELD ? DATE_FIELD[endpoint] : "date";
  const conditions: QueryCondition[] = [["session_key", "=", row.sessionKey]];
  // A poller that joins late wants where the cars are, not the whole session's samples.
  const cursor = row.cursors[endpoint] ?? (endpoint === "location" && until === null ? new Date(Date.now() - LOCATION_JOIN_MS).toISOString() : undefined);
  if (field && cursor) {
    const from = endpoint === "laps" ? new Date(Date.parse(cursor) - LAP_OVERLAP_MS) : new Date(cursor);
    conditions.push([field, endpoint === "laps" ? ">=" : ">", from]);
  }
  if (field && until) conditions.push([field, "<=", until]);
  const parsed = await source.fetch(endpoint, conditions, signal);
  const records = parsed.records as RaceRecord[];
  const newest = newestDate(records);
  if (newest && (!cursor || newest.toISOString() > cursor)) row.cursors[endpoint] = newest.toISOString();
  else if (!field && records.length > 0) row.cursors[endpoint] = new Date().toISOString();
  if (records.length > 0 && (FEED_NAMES as readonly string[]).includes(endpoint)) {
    const feed = row.feeds[endpoint as Feed] ?? { newest: null, receivedAt: null };
    row.feeds[endpoint as Feed] = { newest: newest?.toISOString() ?? feed.newest, receivedAt: new Date().toISOString() };
  }
  return { records, malformed: parsed.malformed };
}

const FEED_NAMES: readonly Feed[] = ["intervals", "position", "location", "laps", "race_control", "pit", "stints", "weather"];

async function storeAll(records: readonly RaceRecord[], source: F1Source): Promise<void> {
  await storeSessions(records.filter((record): record is Session => record.kind === "session"), source);
  await storeDrivers(records.filter((record): record is Driver => record.kind === "driver"));
  const locations = thinLocations(records.filter((record): record is LocationSample => record.kind === "location"));
  await storeRecords([
    ...records.filter((record): record is StoredRecord => record.kind !== "session" && record.kind !== "driver" && record.kind !== "location"),
    ...locations,
  ]);
}

/**
 * Stores what the poller's source sent. The first records a run stores make its source the session's (the other
 * source's records are replaced then, once, so two never mix).
 */
export async function storeReceived(row: PollerRow, records: readonly RaceRecord[]): Promise<void> {
  if (records.length > 0 && !row.cursors.records) {
    await takeRecordsFor(row.sessionKey, row.source);
    row.cursors.records = new Date().toISOString();
  }
  await storeAll(records, row.source);
}

export async function feedBody(row: PollerRow, state: RaceSnapshot | null, message: string | null = null): Promise<Omit<LiveFeed, "sequence">> {
  return {
    mode: row.mode,
    status: row.status,
    message,
    publishedAt: new Date().toISOString(),
    session: await sessionSummary(row.sessionKey),
    source: { kind: row.source, label: SOURCE_LABELS[row.source], note: row.message },
    replay: row.mode === "replay" && row.replayFrom ? { speed: row.speed, from: row.replayFrom.toISOString(), startedAt: row.startedAt.toISOString() } : null,
    feeds: row.feeds,
    state,
  };
}

/** One poll of a live session: every feed due this time from its cursor, the race state carried on, a snapshot when something arrived. */
async function pollLive(source: OpenF1Source, row: PollerRow, signal?: AbortSignal): Promise<PollOutcome> {
  const before = source.requests;
  const due: OpenF1Endpoint[] = [...EVERY_POLL, IN_TURN[row.polls % IN_TURN.length] as OpenF1Endpoint];
  // The session's end and the drivers' names now and then: the index can move a session, and names come late.
  if (row.polls % 40 === 0) due.unshift("sessions", "drivers");
  const received: RaceRecord[] = [];
  let malformed = 0;
  for (const endpoint of due) {
    const fetched = await fetchFeed(source, row, endpoint, null, signal);
    received.push(...fetched.records);
    malformed += fetched.malformed;
  }
  row.polls += 1;
  row.requests += source.requests - before;
  await storeReceived(row, received);

  const builder = row.builder && "drivers" in row.builder ? RaceStateBuilder.restore(row.builder) : RaceStateBuilder.start(row.sessionKey);
  if (!row.builder || !("drivers" in row.builder)) for (const driver of await storedDrivers(row.sessionKey)) builder.apply(driver, 0);
  // Only the newest sample of each car matters to the state.
  const newestLocation = new Map<number, LocationSample>();
  for (const record of received) if (record.kind === "location") newestLocation.set(record.driverNumber, record);
  const applied = [...received.filter((record) => record.kind !== "location"), ...newestLocation.values()];
  for (const timed of sessionTimeline(applied)) builder.apply(timed.record, timed.at);
  row.builder = builder.save();
  const session = await sessionSummary(row.sessionKey);
  const ended = session?.endsAt ? Date.now() > Date.parse(session.endsAt) + AFTER_END_MS : false;
  let sequence: number | null = null;
  if (applied.length > 0 || row.polls === 1) {
    const at = new Date(builder.at ?? Date.now());
    sequence = await publishSnapshot(row.sessionKey, at, await feedBody(row, builder.snapshot(), null));
  }
  await savePoller(row);
  return { records: received.length, malformed, requests: source.requests - before, sequence, done: ended };
}

/** The session moment a replay has reached. */
export function replayMoment(row: Pick<PollerRow, "replayFrom" | "startedAt" | "speed">, now = Date.now()): number {
  return (row.replayFrom?.getTime() ?? 0) + (now - row.startedAt.getTime()) * row.speed;
}

/** A replay's first step: the whole session read once from the poller's source and stored in place of what was there. */
async function importSession(source: OpenF1Source, row: PollerRow, signal?: AbortSignal): Promise<{ records: number; malformed: number }> {
  // A whole race is hundreds of thousands of records: lists are joined with concat, never spread into arguments.
  let received: RaceRecord[] = [];
  let malformed = 0;
  if (row.source === "livetiming") {
    const archive = await importArchivedSession(row.sessionKey, signal);
    received = archive.records;
    malformed = archive.malformed;
    row.message = archiveNote(archive.missing);
  } else {
    for (const endpoint of ["sessions" as const, ...REPLAY_IMPORT]) {
      const fetched = await source.fetch(endpoint, [["session_key", "=", row.sessionKey]], signal);
      received = received.concat(fetched.records as RaceRecord[]);
      malformed += fetched.malformed;
    }
  }
  await storeReceived(row, received);
  return { records: received.length, malformed };
}

/**
 * One step of a replay: the session read once, then the state at the replay's moment with the cars' locations of that
 * moment (OpenF1's window by window; the archive's were stored whole with the session).
 */
async function pollReplay(source: OpenF1Source, row: PollerRow, signal?: AbortSignal): Promise<PollOutcome> {
  const before = source.requests;
  let received = 0;
  let malformed = 0;
  if (!row.cursors.imported) {
    const imported = await importSession(source, row, signal);
    received += imported.records;
    malformed += imported.malformed;
    row.cursors.imported = new Date().toISOString();
  }
  const replay = await replayOf(row.sessionKey);
  if (!row.replayFrom) {
    // Asked for before the session was known: it starts now, from the session's first record.
    row.replayFrom = new Date(replay.startsAt);
    row.startedAt = new Date();
  }
  const moment = Math.min(replayMoment(row), replay.endsAt);
  const locations = row.builder && "locations" in row.builder ? row.builder.locations : {};
  if (row.source === "livetiming") {
    for (const [driverNumber, where] of await locationsAt(row.sessionKey, moment)) locations[driverNumber] = where;
  } else {
    const from = row.cursors.location ?? new Date(moment - 5_000).toISOString();
    if (Date.parse(from) < moment) {
      const fetched = await fetchFeed(source, { ...row, cursors: { location: from } }, "location", new Date(moment), signal);
      for (const record of fetched.records) if (record.kind === "location") locations[record.driverNumber] = { x: record.x, y: record.y };
      await storeAll(fetched.records, "openf1");
      received += fetched.records.length;
    }
  }
  row.cursors.location = new Date(moment).toISOString();
  row.builder = { locations };
  const state = replay.stateAt(moment);
  for (const driver of state.drivers) driver.location = locations[driver.driverNumber] ?? driver.location;
  // An archive without car positions has no location feed to call fresh.
  const located = Object.keys(locations).length > 0 || row.source === "openf1";
  row.feeds = { ...replayFreshness(replay.freshness(moment)), ...(located ? { location: { newest: row.cursors.location ?? null, receivedAt: new Date().toISOString() } } : {}) };
  row.polls += 1;
  row.requests += source.requests - before;
  const sequence = await publishSnapshot(row.sessionKey, new Date(moment), await feedBody(row, state));
  await savePoller(row);
  return { records: received, malformed, requests: source.requests - before, sequence, done: moment >= replay.endsAt };
}

/** In a replay every feed is as fresh as the replay's moment: it played each record as it came. */
function replayFreshness(newest: Partial<Record<Feed, string>>): Partial<Record<Feed, FeedFreshness>> {
  const now = new Date().toISOString();
  return Object.fromEntries(Object.entries(newest).map(([feed, at]) => [feed, { newest: at, receivedAt: now }]));
}

export interface PollWindowResult extends PollOutcome {
  polls: number;
  /** Another run owns the session now, or an operator stopped it. */
  lost: boolean;
  status: PollerStatus;
}

/**
 * Polls a session for about `windowMs` (one durable step of the poller job): every F1_POLL_INTERVAL_MS, while this run
 * owns the session's lease. OpenF1's 401 without an account ends the window in the "needs-account" state.
 */
export async function pollWindow(sessionKey: number, owner: string, windowMs: number, source: OpenF1Source = openf1Source()): Promise<PollWindowResult> {
  const interval = f1Env().F1_POLL_INTERVAL_MS;
  const endAt = Date.now() + windowMs;
  const total: PollWindowResult = { records: 0, malformed: 0, requests: 0, sequence: null, done: false, polls: 0, lost: false, status: "running" };
  while (Date.now() < endAt) {
    const startedAt = Date.now();
    const row = await renewLease(sessionKey, owner);
    if (!row) return { ...total, lost: true };
    try {
      const outcome = row.mode === "replay" ? await pollReplay(source, row) : await pollLive(source, row);
      total.records += outcome.records;
      total.malformed += outcome.malformed;
      total.requests += outcome.requests;
      total.sequence = outcome.sequence ?? total.sequence;
      total.polls += 1;
      if (outcome.done) {
        await releasePoller(sessionKey, owner, "finished");
        return { ...total, done: true, status: "finished" };
      }
    } catch (error) {
      if (!(error instanceof OpenF1AccountNeeded)) throw error;
      log.warn({ sessionKey, reason: error.reason }, error.message);
      row.status = "needs-account";
      const state = row.builder && "drivers" in row.builder ? RaceStateBuilder.restore(row.builder).snapshot() : emptyState(sessionKey, new Date());
      await publishSnapshot(sessionKey, new Date(), await feedBody(row, state, error.message));
      await releasePoller(sessionKey, owner, "needs-account", error.message);
      return { ...total, done: true, status: "needs-account" };
    }
    await sleep(Math.max(0, interval - (Date.now() - startedAt)));
  }
  return total;
}
