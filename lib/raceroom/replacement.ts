import type postgres from "postgres";
import { sql as rawSql } from "@/lib/db";
import { entryRows } from "./batch";
import { carIndex } from "./cars";
import { copyEntries } from "./copy";
import { refreshGenerationCounts } from "./generations";
import { recordLeaderboardPersonalBests, type DriverBest } from "./history";
import { LIVE_GENERATION, LIVE_LOCK, liveGenerationId } from "./live";
import { partitionName } from "./partitions";
import { keyOf, type LeaderboardKey, type LeaderboardOutcome } from "./source";

// The hourly refresh: stale leaderboards of the live generation replaced one by one, each in its own transaction.

type Tx = postgres.TransactionSql;

/** After one leaderboard of a generation changed: its drivers' rows (names, aggregates) follow; drivers left with no entry go. */
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

/** Live leaderboards fetched longer ago than `olderThanHours` (or never), most entries first. */
export async function staleLeaderboards(olderThanHours: number, limit: number): Promise<LeaderboardKey[]> {
  return rawSql()<LeaderboardKey[]>`
    select s.layout_id as "layoutId", s.class_id as "classId"
    from raceroom_leaderboards s
    where s.generation_id = ${rawSql().unsafe(LIVE_GENERATION)}
      and (s.fetched_at is null or s.fetched_at < now() - make_interval(secs => ${olderThanHours * 3600}))
    order by s.entry_count desc, s.fetched_at nulls first, s.layout_id, s.class_id
    limit ${limit}`;
}

export type ReplaceStatus = "replaced" | "emptied" | "kept" | "no-live-generation";

/**
 * Replaces one leaderboard of the live generation in one transaction (delete + COPY, drivers' aggregates, personal
 * bests). A failed or empty fetch keeps the rows that are there and flags the leaderboard.
 */
export async function replaceLeaderboard(outcome: LeaderboardOutcome): Promise<{ status: ReplaceStatus; entries: number }> {
  const sql = rawSql();
  const cars = await carIndex(sql);
  const leaderboard = keyOf(outcome);
  const { layoutId, classId } = leaderboard;
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${LIVE_LOCK})`;
    const liveId = await liveGenerationId(tx);
    if (liveId === null) return { status: "no-live-generation" as const, entries: 0 };
    const [before] = await tx<{ entryCount: number; fetchedAt: string | null }[]>`
      select entry_count as "entryCount", fetched_at::text as "fetchedAt" from raceroom_leaderboards
      where generation_id = ${liveId} and layout_id = ${layoutId} and class_id = ${classId} for update`;
    const previousCount = before?.entryCount ?? 0;
    const fetchedRows = outcome.ok ? entryRows(outcome, cars) : [];

    if (fetchedRows.length === 0 && (previousCount > 0 || !outcome.ok)) {
      const flag = outcome.ok ? "empty answer; previous entries kept" : `fetch failed: ${outcome.error}`;
      await tx`
        insert into raceroom_leaderboards (generation_id, layout_id, class_id, entry_count, status, fetched_at, flag)
        values (${liveId}, ${layoutId}, ${classId}, ${previousCount}, 'kept', null, ${flag})
        on conflict (generation_id, layout_id, class_id) do update set status = 'kept', flag = excluded.flag, attempted_at = now()`;
      await refreshGenerationCounts(tx, liveId);
      return { status: "kept" as const, entries: previousCount };
    }

    // A promotion compared its generation with this one before taking the lock: the new revision tells it to look again.
    await tx`update raceroom_generations set revision = revision + 1 where id = ${liveId}`;
    const previousRows = await tx<DriverBest[]>`
      delete from raceroom_entries where generation_id = ${liveId} and layout_id = ${layoutId} and class_id = ${classId}
      returning driver_id::float8 as "driverId", lap_time_ms as "lapTimeMs", car_name as "carName", position, achieved_at::text as "achievedAt"`;
    if (fetchedRows.length > 0) await copyEntries(tx, partitionName("raceroom_entries", liveId), liveId, fetchedRows);
    const skipped = outcome.ok ? outcome.leaderboard.rejected : 0;
    await tx`
      insert into raceroom_leaderboards (generation_id, layout_id, class_id, entry_count, status, fetched_at, flag, skipped_entries)
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
    await recordLeaderboardPersonalBests(tx, { generationId: liveId, layoutId, classId, beforeFetchedAt: before?.fetchedAt ?? null }, previousRows, after);
    await refreshGenerationCounts(tx, liveId);
    return { status: fetchedRows.length > 0 ? ("replaced" as const) : ("emptied" as const), entries: fetchedRows.length };
  });
}
