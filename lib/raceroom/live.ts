import type postgres from "postgres";

// The live generation, read in one place: every reader starts from this pointer inside its own statement, so that one
// answer never mixes generations, and promotion and incremental replacement take LIVE_LOCK in turn to change it.

/** The live generation's id as a scalar subquery, for use inside a statement: `sql.unsafe(LIVE_GENERATION)`. */
export const LIVE_GENERATION = "(select generation_id from raceroom_live where id = 1)";

/** Promotion and incremental replacement both change what is live: they take this advisory lock in turn. */
export const LIVE_LOCK = 0x5243_4c56; // "RCLV"

/** The live generation's id, or null before the first promotion. */
export async function liveGenerationId(sql: postgres.Sql | postgres.TransactionSql): Promise<number | null> {
  const [row] = await sql<{ id: number }[]>`select ${sql.unsafe(LIVE_GENERATION)} as id`;
  return row?.id ?? null;
}
