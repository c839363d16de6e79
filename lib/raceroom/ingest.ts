import type postgres from "postgres";
import { sql as rawSql } from "@/lib/db";
import { logger } from "@/lib/log";
import type { Catalogue } from "./catalogue";
import { copyEntries, type EntryRow } from "./copy";
import { compareGenerations, comparisonIsCurrent, recordBoardPersonalBests, recordHistory, type BoardBest } from "./history";
import {
  createEntriesTable,
  dropComparison,
  dropGenerationTables,
  finishGeneration,
  indexGeneration,
  partitionGenerations,
  partitionName,
} from "./partitions";
import { combinationKey, type BoardOutcome, type Combination } from "./source";

const log = logger("raceroom.ingest");

type Tx = postgres.TransactionSql;

// Promotion and incremental replacement both change what is live: they take this lock in turn.
const LIVE_LOCK = 0x5243_4c56; // "RCLV"

/** A pending generation older than this is abandoned instead of resumed. */
const RESUME_WINDOW_HOURS = 36;

// ---- Catalogue ----

/** Upserts the catalogue in one transaction. Nothing is deleted: stored entries may still name an old layout. */
export async function storeCatalogue(catalogue: Catalogue): Promise<void> {
  await rawSql().begin(async (tx) => {
    await tx`
      insert into raceroom_tracks (id, name)
      select * from unnest(${catalogue.tracks.map((t) => t.id)}::int[], ${catalogue.tracks.map((t) => t.name)}::text[])
      on conflict (id) do update set name = excluded.name where raceroom_tracks.name is distinct from excluded.name`;
    await tx`
      insert into raceroom_layouts (id, track_id, name, max_vehicles)
      select * from unnest(${catalogue.layouts.map((l) => l.id)}::int[], ${catalogue.layouts.map((l) => l.trackId)}::int[],
                           ${catalogue.layouts.map((l) => l.name)}::text[], ${catalogue.layouts.map((l) => l.maxVehicles)}::int[])
      on conflict (id) do update set track_id = excluded.track_id, name = excluded.name, max_vehicles = excluded.max_vehicles
      where (raceroom_layouts.track_id, raceroom_layouts.name, raceroom_layouts.max_vehicles)
            is distinct from (excluded.track_id, excluded.name, excluded.max_vehicles)`;
    await tx`
      insert into raceroom_classes (id, name)
      select * from unnest(${catalogue.classes.map((c) => c.id)}::int[], ${catalogue.classes.map((c) => c.name)}::text[])
      on conflict (id) do update set name = excluded.name where raceroom_classes.name is distinct from excluded.name`;
    await tx`
      insert into raceroom_cars (id, class_id, name, brand)
      select * from unnest(${catalogue.cars.map((c) => c.id)}::int[], ${catalogue.cars.map((c) => c.classId)}::int[],
                           ${catalogue.cars.map((c) => c.name)}::text[], ${catalogue.cars.map((c) => c.brand)}::text[])
      on conflict (id) do update set class_id = excluded.class_id, name = excluded.name, brand = excluded.brand
      where (raceroom_cars.class_id, raceroom_cars.name, raceroom_cars.brand) is distinct from (excluded.class_id, excluded.name, excluded.brand)`;
  });
  forgetCars();
}

/** Every board there can be: each catalogue layout with each class. */
export async function countCombinations(): Promise<number> {
  const [row] = await rawSql()<{ n: number }[]>`select ((select count(*) from raceroom_layouts) * (select count(*) from raceroom_classes))::int as n`;
  return row?.n ?? 0;
}

// ---- Full refresh: a pending generation, filled batch by batch, promoted at the end ----

export interface PendingGeneration {
  generationId: number;
  resumed: boolean;
  combinationsTotal: number;
  combinationsDone: number;
}

async function liveGenerationId(sql: postgres.Sql | Tx): Promise<number | null> {
  const [row] = await sql<{ id: number }[]>`select generation_id as id from raceroom_live where id = 1`;
  return row?.id ?? null;
}

/**
 * Starts a full refresh, or resumes the one an interrupted run left pending (combinations it already stored are
 * not fetched again). Leftovers of earlier generations are cleaned up first.
 */
export async function beginFullRefresh(options: { syncRunId?: string | null } = {}): Promise<PendingGeneration> {
  const sql = rawSql();
  await removeOldGenerations();
  const total = await countCombinations();
  if (total === 0) throw new Error("The RaceRoom catalogue is empty: store it before a refresh");
  const generation = await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${LIVE_LOCK})`;
    const [pending] = await tx<{ id: number; fresh: boolean }[]>`
      select id, started_at > now() - make_interval(hours => ${RESUME_WINDOW_HOURS}) as fresh
      from raceroom_generations where status = 'pending' order by id desc limit 1`;
    if (pending?.fresh) {
      await tx`update raceroom_generations set combinations_total = ${total}, sync_run_id = coalesce(${options.syncRunId ?? null}::uuid, sync_run_id)
               where id = ${pending.id}`;
      return { id: pending.id, resumed: true };
    }
    await tx`update raceroom_generations set status = 'abandoned' where status = 'pending'`;
    const [created] = await tx<{ id: number }[]>`
      insert into raceroom_generations (kind, status, sync_run_id, combinations_total)
      values ('full', 'pending', ${options.syncRunId ?? null}, ${total}) returning id`;
    await createEntriesTable(tx, created!.id);
    return { id: created!.id, resumed: false };
  });
  if (generation.resumed) await createEntriesTable(sql, generation.id);
  await removeOldGenerations();
  const [done] = await sql<{ n: number }[]>`select count(*)::int as n from raceroom_combinations where generation_id = ${generation.id}`;
  log.info({ generationId: generation.id, resumed: generation.resumed, total, done: done?.n ?? 0 }, "full refresh started");
  return { generationId: generation.id, resumed: generation.resumed, combinationsTotal: total, combinationsDone: done?.n ?? 0 };
}

/** The next combinations a pending generation has not stored yet, in a stable order. */
export async function nextCombinations(generationId: number, limit: number): Promise<Combination[]> {
  return rawSql()<Combination[]>`
    select l.id as "layoutId", c.id as "classId"
    from raceroom_layouts l cross join raceroom_classes c
    where not exists (
      select 1 from raceroom_combinations s where s.generation_id = ${generationId} and s.layout_id = l.id and s.class_id = c.id
    )
    order by l.id, c.id
    limit ${limit}`;
}

/** Which of these combinations had entries in the live generation (an empty answer for them may be transient). */
export async function populatedCombinations(combinations: readonly Combination[]): Promise<Set<string>> {
  if (combinations.length === 0) return new Set();
  const rows = await rawSql()<Combination[]>`
    select s.layout_id as "layoutId", s.class_id as "classId"
    from raceroom_combinations s
    join unnest(${combinations.map((c) => c.layoutId)}::int[], ${combinations.map((c) => c.classId)}::int[]) as k(layout_id, class_id)
      using (layout_id, class_id)
    where s.generation_id = (select generation_id from raceroom_live where id = 1) and s.entry_count > 0`;
  return new Set(rows.map(combinationKey));
}

export interface BatchResult {
  /** Combinations recorded by this call (already stored ones are skipped). */
  combinations: number;
  fetched: number;
  empty: number;
  /** Failed or empty fetches whose previous rows were kept (flagged). */
  kept: number;
  failed: number;
  entries: number;
  rejected: number;
}

interface CarIndex {
  get(classId: number, carName: string): number | null;
}

// The catalogue changes once a day at most; batches a few seconds apart share one copy.
let cachedCars: { at: number; index: Promise<CarIndex> } | undefined;
const CARS_TTL_MS = 60_000;

function carIndex(sql: postgres.Sql): Promise<CarIndex> {
  if (cachedCars && performance.now() - cachedCars.at < CARS_TTL_MS) return cachedCars.index;
  const index = sql<{ id: number; classId: number; name: string }[]>`select id, class_id as "classId", name from raceroom_cars`.then((rows) => {
    const byName = new Map(rows.map((r) => [`${r.classId}\u0000${r.name.toLowerCase()}`, r.id]));
    return { get: (classId: number, carName: string) => byName.get(`${classId}\u0000${carName.toLowerCase()}`) ?? null };
  });
  cachedCars = { at: performance.now(), index };
  index.catch(() => (cachedCars = undefined));
  return index;
}

/** After the catalogue was stored: the next batch reads the cars again. */
function forgetCars(): void {
  cachedCars = undefined;
}

interface CombinationRecord extends Combination {
  entryCount: number;
  status: "fetched" | "empty" | "kept";
  fetchedAt: string | null;
  flag: string | null;
  skipped: number;
}

async function insertCombinationRecords(tx: Tx, generationId: number, records: CombinationRecord[]): Promise<void> {
  if (records.length === 0) return;
  await tx`
    insert into raceroom_combinations (generation_id, layout_id, class_id, entry_count, status, fetched_at, flag, skipped_entries)
    select ${generationId}, * from unnest(
      ${records.map((r) => r.layoutId)}::int[], ${records.map((r) => r.classId)}::int[], ${records.map((r) => r.entryCount)}::int[],
      ${records.map((r) => r.status)}::text[], ${records.map((r) => r.fetchedAt)}::text[]::timestamptz[], ${records.map((r) => r.flag)}::text[],
      ${records.map((r) => r.skipped)}::int[])`;
}

interface PreviousState {
  entryCount: number;
  fetchedAt: string | null;
}

/** For each combination: whether this generation stored it already, and what the live generation holds for it. */
async function batchState(tx: Tx, generationId: number, liveId: number | null, combinations: Combination[]) {
  const rows = await tx<(Combination & { stored: boolean; liveCount: number | null; liveFetchedAt: string | null })[]>`
    select k.layout_id as "layoutId", k.class_id as "classId", mine.layout_id is not null as stored,
           live.entry_count as "liveCount", live.fetched_at::text as "liveFetchedAt"
    from unnest(${combinations.map((c) => c.layoutId)}::int[], ${combinations.map((c) => c.classId)}::int[]) as k(layout_id, class_id)
    left join raceroom_combinations mine on mine.generation_id = ${generationId} and mine.layout_id = k.layout_id and mine.class_id = k.class_id
    left join raceroom_combinations live on live.generation_id = ${liveId ?? 0} and live.layout_id = k.layout_id and live.class_id = k.class_id`;
  const stored = new Set<string>();
  const previous = new Map<string, PreviousState>();
  for (const row of rows) {
    if (row.stored) stored.add(combinationKey(row));
    if (row.liveCount !== null) previous.set(combinationKey(row), { entryCount: row.liveCount, fetchedAt: row.liveFetchedAt });
  }
  return { stored, previous };
}

async function copyForward(tx: Tx, table: string, generationId: number, liveId: number, combinations: Combination[]): Promise<void> {
  if (combinations.length === 0) return;
  await tx`
    insert into ${tx(table)} (generation_id, layout_id, class_id, position, driver_id, driver_name, country_code, country_name,
                              car_id, car_name, lap_time_ms, team, rank, difficulty, achieved_at)
    select ${generationId}, e.layout_id, e.class_id, e.position, e.driver_id, e.driver_name, e.country_code, e.country_name,
           e.car_id, e.car_name, e.lap_time_ms, e.team, e.rank, e.difficulty, e.achieved_at
    from raceroom_entries e
    join unnest(${combinations.map((c) => c.layoutId)}::int[], ${combinations.map((c) => c.classId)}::int[]) as k(layout_id, class_id)
      using (layout_id, class_id)
    where e.generation_id = ${liveId}`;
}

function entryRows(outcome: BoardOutcome & { ok: true }, cars: CarIndex): EntryRow[] {
  const { board } = outcome;
  return board.entries.map((entry) => ({ layoutId: board.layoutId, classId: board.classId, carId: cars.get(board.classId, entry.carName), entry }));
}

/**
 * Stores fetched boards into a pending generation in one transaction: fetched entries by COPY; a board that failed
 * or came back empty keeps the live generation's rows (copied over, flagged). Boards the generation already holds
 * are skipped, so a batch that is run again after a crash changes nothing.
 */
export async function storeBatch(generationId: number, outcomes: readonly BoardOutcome[]): Promise<BatchResult> {
  const sql = rawSql();
  const cars = await carIndex(sql);
  const table = partitionName("raceroom_entries", generationId);
  return sql.begin(async (tx) => {
    const [generation] = await tx<{ status: string }[]>`select status from raceroom_generations where id = ${generationId} for share`;
    if (generation?.status !== "pending") throw new Error(`RaceRoom generation ${generationId} is ${generation?.status ?? "missing"}, not pending`);

    const combos = outcomes.map((o) => (o.ok ? { layoutId: o.board.layoutId, classId: o.board.classId } : o.combination));
    const liveId = await liveGenerationId(tx);
    const { stored, previous } = await batchState(tx, generationId, liveId, combos);
    const todo = outcomes.filter((o, i) => !stored.has(combinationKey(combos[i]!)));
    const now = new Date().toISOString();
    const records: CombinationRecord[] = [];
    const rows: EntryRow[] = [];
    const keep: Combination[] = [];
    const result: BatchResult = { combinations: todo.length, fetched: 0, empty: 0, kept: 0, failed: 0, entries: 0, rejected: 0 };

    for (const outcome of todo) {
      const combination = outcome.ok ? { layoutId: outcome.board.layoutId, classId: outcome.board.classId } : outcome.combination;
      const before = previous.get(combinationKey(combination));
      if (outcome.ok) result.rejected += outcome.board.rejected;
      if (outcome.ok && outcome.board.entries.length > 0) {
        rows.push(...entryRows(outcome, cars));
        records.push({ ...combination, entryCount: outcome.board.entries.length, status: "fetched", fetchedAt: now, flag: null, skipped: outcome.board.rejected });
        result.fetched += 1;
        result.entries += outcome.board.entries.length;
        continue;
      }
      if (!outcome.ok) result.failed += 1;
      const flag = outcome.ok ? "empty answer; previous entries kept" : `fetch failed: ${outcome.error}`;
      if (before && before.entryCount > 0) {
        keep.push(combination);
        records.push({ ...combination, entryCount: before.entryCount, status: "kept", fetchedAt: before.fetchedAt, flag, skipped: 0 });
        result.kept += 1;
        result.entries += before.entryCount;
      } else if (outcome.ok) {
        records.push({ ...combination, entryCount: 0, status: "empty", fetchedAt: now, flag: null, skipped: outcome.board.rejected });
        result.empty += 1;
      } else {
        // Nothing to keep: recorded as attempted, flagged, with the time of the last good fetch (if any) so it stays stale.
        records.push({ ...combination, entryCount: 0, status: "kept", fetchedAt: before?.fetchedAt ?? null, flag, skipped: 0 });
        result.kept += 1;
      }
    }

    if (rows.length > 0) await copyEntries(tx, table, generationId, rows);
    if (liveId !== null) await copyForward(tx, table, generationId, liveId, keep);
    await insertCombinationRecords(tx, generationId, records);
    return result;
  });
}

export interface PromotionResult {
  generationId: number;
  previousId: number | null;
  entries: number;
  drivers: number;
  combinationsWithEntries: number;
  flagged: number;
  personalBests: number;
  movers: number;
  /** From the start of promoteGeneration to the commit (index builds and comparison included). */
  promotionMs: number;
  /** The promotion transaction alone, the only part that holds the live lock. */
  transactionMs: number;
}

/** After one board of a generation changed: its drivers' rows (names, aggregates) follow; drivers left with no entry go. */
async function refreshDrivers(tx: Tx, generationId: number, driverIds: readonly number[]): Promise<void> {
  const ids = [...driverIds];
  if (ids.length === 0) return;
  await tx`
    insert into raceroom_drivers as d (generation_id, id, name, country_code, country_name, entry_count, best_position, popular)
    select ${generationId}, driver_id, min(driver_name), min(country_code), min(country_name), count(*)::int, min(position),
           count(*) >= (select coalesce(popular_from, 2) from raceroom_generations where id = ${generationId})
    from raceroom_entries
    where generation_id = ${generationId} and driver_id = any(${ids}::bigint[])
    group by driver_id
    on conflict (generation_id, id) do update set
      name = excluded.name, country_code = excluded.country_code, country_name = excluded.country_name,
      entry_count = excluded.entry_count, best_position = excluded.best_position, popular = excluded.popular`;
  await tx`
    delete from raceroom_drivers d
    where d.generation_id = ${generationId} and d.id = any(${ids}::bigint[])
      and not exists (select 1 from raceroom_entries e where e.generation_id = ${generationId} and e.driver_id = d.id)`;
  // New names bring new words to the fuzzy search's lexicon (words no longer used are harmless there).
  await tx`
    insert into raceroom_name_words (generation_id, word, drivers)
    select ${generationId}, w, count(*)::int
    from raceroom_drivers d, regexp_split_to_table(d.search_name, '\\s+') w
    where d.generation_id = ${generationId} and d.id = any(${ids}::bigint[]) and w <> ''
    group by w
    on conflict (generation_id, word) do nothing`;
}

async function refreshGenerationCounts(tx: Tx, generationId: number): Promise<void> {
  await tx`
    update raceroom_generations g set
      entry_count = s.entries, combinations_with_entries = s.with_entries, flagged_count = s.flagged,
      driver_count = (select count(*)::int from raceroom_drivers where generation_id = ${generationId})
    from (
      select coalesce(sum(entry_count), 0)::int as entries, count(*) filter (where entry_count > 0)::int as with_entries,
             count(*) filter (where flag is not null)::int as flagged
      from raceroom_combinations where generation_id = ${generationId}
    ) s
    where g.id = ${generationId}`;
}

/**
 * Makes a fully stored pending generation live. First, outside any lock: its entries indexed and its drivers table
 * built (aggregates and search indexes), and meanwhile its comparison with the live generation (history.ts). Then ONE
 * short transaction records personal bests and movers and moves the live pointer; it compares again only if the
 * incremental refresh replaced a live board in between. Readers see the old generation until the commit and the new
 * one after it, never a mix. Older generations are removed afterwards.
 */
export async function promoteGeneration(generationId: number): Promise<PromotionResult> {
  const sql = rawSql();
  const started = performance.now();
  const [missing] = await nextCombinations(generationId, 1);
  if (missing) throw new Error(`RaceRoom generation ${generationId} is not complete (layout ${missing.layoutId}, class ${missing.classId} missing)`);
  const [state] = await sql<{ status: string }[]>`select status from raceroom_generations where id = ${generationId}`;
  if (state?.status !== "pending") throw new Error(`RaceRoom generation ${generationId} is ${state?.status ?? "missing"}, not pending`);

  await indexGeneration(sql, generationId);
  const liveId = await liveGenerationId(sql);
  const compare = async (previousId: number) =>
    // Repeatable read: the revision it records and the rows it compares are one snapshot.
    sql.begin("isolation level repeatable read", async (tx) => {
      if (!(await comparisonIsCurrent(tx, generationId, previousId))) await compareGenerations(tx, generationId, previousId);
    });
  await Promise.all([finishGeneration(sql, generationId), liveId === null ? null : compare(liveId)]);
  const result = await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${LIVE_LOCK})`;
    const transactionStarted = performance.now();
    const previousId = await liveGenerationId(tx);
    let history = { personalBests: 0, movers: 0 };
    if (previousId !== null) {
      if (!(await comparisonIsCurrent(tx, generationId, previousId))) {
        log.info({ generationId, previousId }, "the live generation changed since the comparison: comparing again");
        await compareGenerations(tx, generationId, previousId);
      }
      history = await recordHistory(tx, generationId, previousId);
      log.info({ generationId, ...history }, "history recorded");
    }
    await refreshGenerationCounts(tx, generationId);
    if (previousId !== null) await tx`update raceroom_generations set status = 'retired', retired_at = now() where id = ${previousId}`;
    await tx`
      insert into raceroom_live (id, generation_id, promoted_at) values (1, ${generationId}, now())
      on conflict (id) do update set generation_id = excluded.generation_id, promoted_at = excluded.promoted_at`;
    const promotionMs = Math.round(performance.now() - started);
    const [row] = await tx<{ entries: number; drivers: number; withEntries: number; flagged: number }[]>`
      update raceroom_generations set status = 'live', promoted_at = now(), promotion_ms = ${promotionMs}
      where id = ${generationId}
      returning entry_count as entries, driver_count as drivers, combinations_with_entries as "withEntries", flagged_count as flagged`;
    return {
      generationId,
      previousId,
      entries: row?.entries ?? 0,
      drivers: row?.drivers ?? 0,
      combinationsWithEntries: row?.withEntries ?? 0,
      flagged: row?.flagged ?? 0,
      ...history,
      promotionMs,
      transactionMs: Math.round(performance.now() - transactionStarted),
    };
  });
  log.info(result, "generation promoted");
  await dropComparison(sql, generationId);
  await removeOldGenerations();
  return result;
}

/**
 * Drops what belongs to generations that are neither live nor pending: their entries partition, combination
 * records and movers. Generation rows stay as the refresh history. Safe to run again after an interruption.
 */
export async function removeOldGenerations(): Promise<void> {
  const sql = rawSql();
  const keep = (await sql<{ id: number }[]>`select id from raceroom_generations where status in ('pending', 'live')`).map((r) => r.id);
  for (const id of await partitionGenerations(sql)) {
    if (!keep.includes(id)) await dropGenerationTables(sql, id);
  }
  const removed = await sql`delete from raceroom_combinations where generation_id <> all(${keep}::int[])`;
  await sql`delete from raceroom_movers where generation_id <> all(${keep}::int[])`;
  // Every batch of a refresh reads the combinations table: its dead rows go now, whether or not autovacuum runs.
  if (removed.count > 0) await sql`vacuum (analyze) raceroom_combinations`;
}

// ---- Incremental refresh: one board at a time, replaced in the live generation ----

/** Live combinations fetched longer ago than `olderThanHours` (or never), most entries first. */
export async function staleCombinations(olderThanHours: number, limit: number): Promise<Combination[]> {
  return rawSql()<Combination[]>`
    select s.layout_id as "layoutId", s.class_id as "classId"
    from raceroom_combinations s
    where s.generation_id = (select generation_id from raceroom_live where id = 1)
      and (s.fetched_at is null or s.fetched_at < now() - make_interval(secs => ${olderThanHours * 3600}))
    order by s.entry_count desc, s.fetched_at nulls first, s.layout_id, s.class_id
    limit ${limit}`;
}

export type ReplaceStatus = "replaced" | "emptied" | "kept" | "no-live-generation";

/**
 * Replaces one board of the live generation in one transaction (delete + COPY, drivers' aggregates, personal
 * bests). A failed or empty fetch keeps the rows that are there and flags the board.
 */
export async function replaceCombination(outcome: BoardOutcome): Promise<{ status: ReplaceStatus; entries: number }> {
  const sql = rawSql();
  const cars = await carIndex(sql);
  const combination = outcome.ok ? { layoutId: outcome.board.layoutId, classId: outcome.board.classId } : outcome.combination;
  const { layoutId, classId } = combination;
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${LIVE_LOCK})`;
    const liveId = await liveGenerationId(tx);
    if (liveId === null) return { status: "no-live-generation" as const, entries: 0 };
    const [before] = await tx<{ entryCount: number; fetchedAt: string | null }[]>`
      select entry_count as "entryCount", fetched_at::text as "fetchedAt" from raceroom_combinations
      where generation_id = ${liveId} and layout_id = ${layoutId} and class_id = ${classId} for update`;
    const previousCount = before?.entryCount ?? 0;
    const fetchedRows = outcome.ok ? entryRows(outcome, cars) : [];

    if (fetchedRows.length === 0 && (previousCount > 0 || !outcome.ok)) {
      const flag = outcome.ok ? "empty answer; previous entries kept" : `fetch failed: ${outcome.error}`;
      await tx`
        insert into raceroom_combinations (generation_id, layout_id, class_id, entry_count, status, fetched_at, flag)
        values (${liveId}, ${layoutId}, ${classId}, ${previousCount}, 'kept', null, ${flag})
        on conflict (generation_id, layout_id, class_id) do update set status = 'kept', flag = excluded.flag, attempted_at = now()`;
      await refreshGenerationCounts(tx, liveId);
      return { status: "kept" as const, entries: previousCount };
    }

    // A promotion compared its generation with this one before taking the lock: the new revision tells it to look again.
    await tx`update raceroom_generations set revision = revision + 1 where id = ${liveId}`;
    const previousRows = await tx<BoardBest[]>`
      delete from raceroom_entries where generation_id = ${liveId} and layout_id = ${layoutId} and class_id = ${classId}
      returning driver_id::float8 as "driverId", lap_time_ms as "lapTimeMs", car_name as "carName", position, achieved_at::text as "achievedAt"`;
    if (fetchedRows.length > 0) await copyEntries(tx, partitionName("raceroom_entries", liveId), liveId, fetchedRows);
    const skipped = outcome.ok ? outcome.board.rejected : 0;
    await tx`
      insert into raceroom_combinations (generation_id, layout_id, class_id, entry_count, status, fetched_at, flag, skipped_entries)
      values (${liveId}, ${layoutId}, ${classId}, ${fetchedRows.length}, ${fetchedRows.length > 0 ? "fetched" : "empty"}, now(), null, ${skipped})
      on conflict (generation_id, layout_id, class_id) do update set
        entry_count = excluded.entry_count, status = excluded.status, fetched_at = excluded.fetched_at, attempted_at = now(),
        flag = null, skipped_entries = excluded.skipped_entries`;
    const affected = new Set([...previousRows.map((d) => d.driverId), ...fetchedRows.map((r) => r.entry.driverId)]);
    await refreshDrivers(tx, liveId, [...affected]);
    const after = fetchedRows.map(({ entry }) => ({
      driverId: entry.driverId,
      lapTimeMs: entry.lapTimeMs,
      carName: entry.carName,
      position: entry.position,
      achievedAt: entry.achievedAt?.toISOString() ?? null,
    }));
    await recordBoardPersonalBests(tx, { generationId: liveId, layoutId, classId, beforeFetchedAt: before?.fetchedAt ?? null }, previousRows, after);
    await refreshGenerationCounts(tx, liveId);
    return { status: fetchedRows.length > 0 ? ("replaced" as const) : ("emptied" as const), entries: fetchedRows.length };
  });
}
