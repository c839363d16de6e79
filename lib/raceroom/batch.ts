import type postgres from "postgres";
import { sql as rawSql } from "@/lib/db";
import { carIndex, type CarIndex } from "./cars";
import { copyEntries, type EntryRow } from "./copy";
import { LIVE_GENERATION, liveGenerationId } from "./live";
import { partitionName } from "./partitions";
import { keyOf, leaderboardKey, type LeaderboardKey, type LeaderboardOutcome } from "./source";

// A batch of a full refresh: fetched leaderboards stored into the pending generation, failed or empty ones keeping the live
// generation's rows, all in one transaction.

type Tx = postgres.TransactionSql;

/** Which of these leaderboards had entries in the live generation (an empty answer for them may be transient). */
export async function populatedLeaderboards(leaderboards: readonly LeaderboardKey[]): Promise<Set<string>> {
  if (leaderboards.length === 0) return new Set();
  const rows = await rawSql()<LeaderboardKey[]>`
    select s.layout_id as "layoutId", s.class_id as "classId"
    from raceroom_leaderboards s
    join unnest(${leaderboards.map((c) => c.layoutId)}::int[], ${leaderboards.map((c) => c.classId)}::int[]) as k(layout_id, class_id)
      using (layout_id, class_id)
    where s.generation_id = ${rawSql().unsafe(LIVE_GENERATION)} and s.entry_count > 0`;
  return new Set(rows.map(leaderboardKey));
}

export interface BatchResult {
  /** Leaderboards recorded by this call (already stored ones are skipped). */
  leaderboards: number;
  fetched: number;
  empty: number;
  /** Failed or empty fetches whose previous rows were kept (flagged). */
  kept: number;
  failed: number;
  entries: number;
  rejected: number;
}

interface LeaderboardRecord extends LeaderboardKey {
  entryCount: number;
  status: "fetched" | "empty" | "kept";
  fetchedAt: string | null;
  flag: string | null;
  skipped: number;
}

async function insertLeaderboardRecords(tx: Tx, generationId: number, records: LeaderboardRecord[]): Promise<void> {
  if (records.length === 0) return;
  await tx`
    insert into raceroom_leaderboards (generation_id, layout_id, class_id, entry_count, status, fetched_at, flag, skipped_entries)
    select ${generationId}, * from unnest(
      ${records.map((r) => r.layoutId)}::int[], ${records.map((r) => r.classId)}::int[], ${records.map((r) => r.entryCount)}::int[],
      ${records.map((r) => r.status)}::text[], ${records.map((r) => r.fetchedAt)}::text[]::timestamptz[], ${records.map((r) => r.flag)}::text[],
      ${records.map((r) => r.skipped)}::int[])`;
}

interface PreviousState {
  entryCount: number;
  fetchedAt: string | null;
}

/** For each leaderboard: whether this generation stored it already, and what the live generation holds for it. */
async function batchState(tx: Tx, generationId: number, liveId: number | null, leaderboards: LeaderboardKey[]) {
  const rows = await tx<(LeaderboardKey & { stored: boolean; liveCount: number | null; liveFetchedAt: string | null })[]>`
    select k.layout_id as "layoutId", k.class_id as "classId", mine.layout_id is not null as stored,
           live.entry_count as "liveCount", live.fetched_at::text as "liveFetchedAt"
    from unnest(${leaderboards.map((c) => c.layoutId)}::int[], ${leaderboards.map((c) => c.classId)}::int[]) as k(layout_id, class_id)
    left join raceroom_leaderboards mine on mine.generation_id = ${generationId} and mine.layout_id = k.layout_id and mine.class_id = k.class_id
    left join raceroom_leaderboards live on live.generation_id = ${liveId ?? 0} and live.layout_id = k.layout_id and live.class_id = k.class_id`;
  const stored = new Set<string>();
  const previous = new Map<string, PreviousState>();
  for (const row of rows) {
    if (row.stored) stored.add(leaderboardKey(row));
    if (row.liveCount !== null) previous.set(leaderboardKey(row), { entryCount: row.liveCount, fetchedAt: row.liveFetchedAt });
  }
  return { stored, previous };
}

async function copyForward(tx: Tx, table: string, generationId: number, liveId: number, leaderboards: LeaderboardKey[]): Promise<void> {
  if (leaderboards.length === 0) return;
  await tx`
    insert into ${tx(table)} (generation_id, layout_id, class_id, position, driver_id, driver_name, country_code, country_name,
                              car_id, car_name, lap_time_ms, team, rank, difficulty, achieved_at)
    select ${generationId}, e.layout_id, e.class_id, e.position, e.driver_id, e.driver_name, e.country_code, e.country_name,
           e.car_id, e.car_name, e.lap_time_ms, e.team, e.rank, e.difficulty, e.achieved_at
    from raceroom_entries e
    join unnest(${leaderboards.map((c) => c.layoutId)}::int[], ${leaderboards.map((c) => c.classId)}::int[]) as k(layout_id, class_id)
      using (layout_id, class_id)
    where e.generation_id = ${liveId}`;
}

export function entryRows(outcome: LeaderboardOutcome & { ok: true }, cars: CarIndex): EntryRow[] {
  const { leaderboard } = outcome;
  return leaderboard.entries.map((entry) => ({ layoutId: leaderboard.layoutId, classId: leaderboard.classId, carId: cars.get(leaderboard.classId, entry.carName), entry }));
}

/**
 * Stores fetched leaderboards into a pending generation in one transaction: fetched entries by COPY; a leaderboard that failed
 * or came back empty keeps the live generation's rows (copied over, flagged). Leaderboards the generation already holds
 * are skipped, so a batch that is run again after a crash changes nothing.
 */
export async function storeBatch(generationId: number, outcomes: readonly LeaderboardOutcome[]): Promise<BatchResult> {
  const sql = rawSql();
  const cars = await carIndex(sql);
  const table = partitionName("raceroom_entries", generationId);
  return sql.begin(async (tx) => {
    const [generation] = await tx<{ status: string }[]>`select status from raceroom_generations where id = ${generationId} for share`;
    if (generation?.status !== "pending") throw new Error(`RaceRoom generation ${generationId} is ${generation?.status ?? "missing"}, not pending`);

    const leaderboards = outcomes.map((o) => keyOf(o));
    const liveId = await liveGenerationId(tx);
    const { stored, previous } = await batchState(tx, generationId, liveId, leaderboards);
    const todo = outcomes.filter((o, i) => !stored.has(leaderboardKey(leaderboards[i]!)));
    const now = new Date().toISOString();
    const records: LeaderboardRecord[] = [];
    const rows: EntryRow[] = [];
    const keep: LeaderboardKey[] = [];
    const result: BatchResult = { leaderboards: todo.length, fetched: 0, empty: 0, kept: 0, failed: 0, entries: 0, rejected: 0 };

    for (const outcome of todo) {
      const leaderboard = keyOf(outcome);
      const before = previous.get(leaderboardKey(leaderboard));
      if (outcome.ok) result.rejected += outcome.leaderboard.rejected;
      if (outcome.ok && outcome.leaderboard.entries.length > 0) {
        rows.push(...entryRows(outcome, cars));
        records.push({ ...leaderboard, entryCount: outcome.leaderboard.entries.length, status: "fetched", fetchedAt: now, flag: null, skipped: outcome.leaderboard.rejected });
        result.fetched += 1;
        result.entries += outcome.leaderboard.entries.length;
        continue;
      }
      if (!outcome.ok) result.failed += 1;
      const flag = outcome.ok ? "empty answer; previous entries kept" : `fetch failed: ${outcome.error}`;
      if (before && before.entryCount > 0) {
        keep.push(leaderboard);
        records.push({ ...leaderboard, entryCount: before.entryCount, status: "kept", fetchedAt: before.fetchedAt, flag, skipped: 0 });
        result.kept += 1;
        result.entries += before.entryCount;
      } else if (outcome.ok) {
        records.push({ ...leaderboard, entryCount: 0, status: "empty", fetchedAt: now, flag: null, skipped: outcome.leaderboard.rejected });
        result.empty += 1;
      } else {
        // Nothing to keep: recorded as attempted, flagged, with the time of the last good fetch (if any) so it stays stale.
        records.push({ ...leaderboard, entryCount: 0, status: "kept", fetchedAt: before?.fetchedAt ?? null, flag, skipped: 0 });
        result.kept += 1;
      }
    }

    if (rows.length > 0) await copyEntries(tx, table, generationId, rows);
    if (liveId !== null) await copyForward(tx, table, generationId, liveId, keep);
    await insertLeaderboardRecords(tx, generationId, records);
    return result;
  });
}
