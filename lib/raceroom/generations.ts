import type postgres from "postgres";
import { sql as rawSql } from "@/lib/db";
import { logger } from "@/lib/log";
import { countLeaderboards } from "./catalogue-store";
import { LIVE_LOCK } from "./live";
import { createEntriesTable, dropGenerationTables, partitionGenerations } from "./partitions";
import type { LeaderboardKey } from "./source";

// A full refresh builds a pending generation beside the live one; this file starts (or resumes) it, says what it
// still lacks, keeps its counts, and removes what older generations leave behind.

const log = logger("raceroom.generations");

/** A pending generation older than this is abandoned instead of resumed. */
const RESUME_WINDOW_HOURS = 36;

export interface PendingGeneration {
  generationId: number;
  resumed: boolean;
  leaderboardsTotal: number;
  leaderboardsDone: number;
}

/**
 * Starts a full refresh, or resumes the one an interrupted run left pending (leaderboards it already stored are
 * not fetched again). Leftovers of earlier generations are cleaned up first.
 */
export async function beginFullRefresh(options: { syncRunId?: string | null } = {}): Promise<PendingGeneration> {
  const sql = rawSql();
  await removeOldGenerations();
  const total = await countLeaderboards();
  if (total === 0) throw new Error("The RaceRoom catalogue is empty: store it before a refresh");
  const generation = await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${LIVE_LOCK})`;
    const [pending] = await tx<{ id: number; fresh: boolean }[]>`
      select id, started_at > now() - make_interval(hours => ${RESUME_WINDOW_HOURS}) as fresh
      from raceroom_generations where status = 'pending' order by id desc limit 1`;
    if (pending?.fresh) {
      await tx`update raceroom_generations set leaderboards_total = ${total}, sync_run_id = coalesce(${options.syncRunId ?? null}::uuid, sync_run_id)
               where id = ${pending.id}`;
      return { id: pending.id, resumed: true };
    }
    await tx`update raceroom_generations set status = 'abandoned' where status = 'pending'`;
    const [created] = await tx<{ id: number }[]>`
      insert into raceroom_generations (kind, status, sync_run_id, leaderboards_total)
      values ('full', 'pending', ${options.syncRunId ?? null}, ${total}) returning id`;
    await createEntriesTable(tx, created!.id);
    return { id: created!.id, resumed: false };
  });
  if (generation.resumed) await createEntriesTable(sql, generation.id);
  await removeOldGenerations();
  const [done] = await sql<{ n: number }[]>`select count(*)::int as n from raceroom_leaderboards where generation_id = ${generation.id}`;
  log.info({ generationId: generation.id, resumed: generation.resumed, total, done: done?.n ?? 0 }, "full refresh started");
  return { generationId: generation.id, resumed: generation.resumed, leaderboardsTotal: total, leaderboardsDone: done?.n ?? 0 };
}

/** The next leaderboards a pending generation has not stored yet, in a stable order. */
export async function nextLeaderboards(generationId: number, limit: number): Promise<LeaderboardKey[]> {
  return rawSql()<LeaderboardKey[]>`
    select l.id as "layoutId", c.id as "classId"
    from raceroom_layouts l cross join raceroom_classes c
    where not exists (
      select 1 from raceroom_leaderboards s where s.generation_id = ${generationId} and s.layout_id = l.id and s.class_id = c.id
    )
    order by l.id, c.id
    limit ${limit}`;
}

/** A generation's totals, from its leaderboard records and drivers. */
export async function refreshGenerationCounts(tx: postgres.TransactionSql, generationId: number): Promise<void> {
  await tx`
    update raceroom_generations g set
      entry_count = s.entries, leaderboards_with_entries = s.with_entries, flagged_count = s.flagged,
      driver_count = (select count(*)::int from raceroom_drivers where generation_id = ${generationId})
    from (
      select coalesce(sum(entry_count), 0)::int as entries, count(*) filter (where entry_count > 0)::int as with_entries,
             count(*) filter (where flag is not null)::int as flagged
      from raceroom_leaderboards where generation_id = ${generationId}
    ) s
    where g.id = ${generationId}`;
}

/**
 * Drops what belongs to generations that are neither live nor pending: their entries partition, leaderboard
 * records and movers. Generation rows stay as the refresh history. Safe to run again after an interruption.
 */
export async function removeOldGenerations(): Promise<void> {
  const sql = rawSql();
  const keep = (await sql<{ id: number }[]>`select id from raceroom_generations where status in ('pending', 'live')`).map((r) => r.id);
  for (const id of await partitionGenerations(sql)) {
    if (!keep.includes(id)) await dropGenerationTables(sql, id);
  }
  const removed = await sql`delete from raceroom_leaderboards where generation_id <> all(${keep}::int[])`;
  await sql`delete from raceroom_movers where generation_id <> all(${keep}::int[])`;
  // Every batch of a refresh reads the leaderboards table: its dead rows go now, whether or not autovacuum runs.
  if (removed.count > 0) await sql`vacuum (analyze) raceroom_leaderboards`;
}
