import { sql as rawSql } from "@/lib/db";
import { logger } from "@/lib/log";
import { nextLeaderboards, refreshGenerationCounts, removeOldGenerations } from "./generations";
import { compareGenerations, comparisonIsCurrent, recordHistory } from "./history";
import { LIVE_LOCK, liveGenerationId } from "./live";
import { dropComparison, finishGeneration, indexGeneration } from "./partitions";

const log = logger("raceroom.promotion");

export interface PromotionResult {
  generationId: number;
  previousId: number | null;
  entries: number;
  drivers: number;
  leaderboardsWithEntries: number;
  flagged: number;
  personalBests: number;
  movers: number;
  /** From the start of promoteGeneration to the commit (index builds and comparison included). */
  promotionMs: number;
  /** The promotion transaction alone, the only part that holds the live lock. */
  transactionMs: number;
}

/**
 * Makes a fully stored pending generation live. First, outside any lock: its entries indexed and its drivers table
 * built (aggregates and search indexes), and meanwhile its comparison with the live generation (history.ts). Then ONE
 * short transaction records personal bests and movers and moves the live pointer; it compares again only if the
 * incremental refresh replaced a live leaderboard in between. Readers see the old generation until the commit and the new
 * one after it, never a mix. Older generations are removed afterwards.
 */
export async function promoteGeneration(generationId: number): Promise<PromotionResult> {
  const sql = rawSql();
  const started = performance.now();
  const [missing] = await nextLeaderboards(generationId, 1);
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
      returning entry_count as entries, driver_count as drivers, leaderboards_with_entries as "withEntries", flagged_count as flagged`;
    return {
      generationId,
      previousId,
      entries: row?.entries ?? 0,
      drivers: row?.drivers ?? 0,
      leaderboardsWithEntries: row?.withEntries ?? 0,
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
