import "server-only";
import { sql as rawSql } from "@/lib/db";
import { entryColumns, readLeaderboardHead } from "./leaderboard-head";
import type { LeaderboardEntryRow, LeaderboardRef, Difficulty } from "./queries";

// Read models for the JSON API that the pages do not need: a leaderboard read by keyset (position) rather than by page number.

export interface LeaderboardSlice extends LeaderboardRef {
  generationId: number;
  total: number;
  filteredTotal: number;
  recordLapTimeMs: number | null;
  fetchedAt: string | null;
  flag: string | null;
  /** Up to `limit + 1` entries after `afterPosition` (the extra one only says that another page follows). */
  entries: LeaderboardEntryRow[];
}

export interface LeaderboardSliceOptions {
  limit: number;
  /** Continue after this position; the first page when absent. */
  afterPosition?: number;
  difficulty?: Difficulty;
  carId?: number;
}

/**
 * Entries of a live leaderboard after a position, in one snapshot with the leaderboard's totals. Null when the layout or class
 * is unknown or nothing is live. Seeking by position keeps deep pages as cheap as the first.
 */
export async function leaderboardSlice(layoutId: number, classId: number, options: LeaderboardSliceOptions): Promise<LeaderboardSlice | null> {
  const difficulty = options.difficulty ?? null;
  const carId = options.carId ?? null;
  const after = options.afterPosition ?? 0;
  return rawSql().begin("isolation level repeatable read read only", async (tx) => {
    const leaderboard = await readLeaderboardHead(tx, layoutId, classId, { difficulty, carId });
    if (!leaderboard) return null;
    const { head, filter, filteredTotal, record } = leaderboard;
    const entries = await tx<LeaderboardEntryRow[]>`
      select ${entryColumns(tx, record)}
      from raceroom_entries e where ${filter} and e.position > ${after}
      order by e.position
      limit ${options.limit + 1}`;
    return { ...head, filteredTotal, recordLapTimeMs: record, entries };
  });
}
