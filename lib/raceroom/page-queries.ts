import "server-only";
import { sql as rawSql } from "@/lib/db";
import { boardEntryColumns, readBoardHead } from "./board-head";
import type { BoardEntryRow, BoardRef, Difficulty } from "./queries";

// Read models for the JSON API that the pages do not need: a board read by keyset (position) rather than by page number.

export interface BoardSlice extends BoardRef {
  generationId: number;
  total: number;
  filteredTotal: number;
  recordLapTimeMs: number | null;
  fetchedAt: string | null;
  flag: string | null;
  /** Up to `limit + 1` entries after `afterPosition` (the extra one only says that another page follows). */
  entries: BoardEntryRow[];
}

export interface BoardSliceOptions {
  limit: number;
  /** Continue after this position; the first page when absent. */
  afterPosition?: number;
  difficulty?: Difficulty;
  carId?: number;
}

/**
 * Entries of a live board after a position, in one snapshot with the board's totals. Null when the layout or class
 * is unknown or nothing is live. Seeking by position keeps deep pages as cheap as the first.
 */
export async function boardSlice(layoutId: number, classId: number, options: BoardSliceOptions): Promise<BoardSlice | null> {
  const difficulty = options.difficulty ?? null;
  const carId = options.carId ?? null;
  const after = options.afterPosition ?? 0;
  return rawSql().begin("isolation level repeatable read read only", async (tx) => {
    const board = await readBoardHead(tx, layoutId, classId, { difficulty, carId });
    if (!board) return null;
    const { head, filter, filteredTotal, record } = board;
    const entries = await tx<BoardEntryRow[]>`
      select ${boardEntryColumns(tx, record)}
      from raceroom_entries e where ${filter} and e.position > ${after}
      order by e.position
      limit ${options.limit + 1}`;
    return { ...head, filteredTotal, recordLapTimeMs: record, entries };
  });
}
