import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { syncRuns } from "@/db/schema/platform";

export const countNames = ["fetched", "created", "updated", "unchanged", "skipped", "failed"] as const;
export type SyncCounts = Record<(typeof countNames)[number], number>;

export interface ProgressUpdate {
  /** Items finished since the last update (added). */
  done?: number;
  /** Total items, when it becomes known or changes (replaces). */
  total?: number;
  /** What is being worked on now (replaces; null clears). */
  currentItem?: string | null;
  /** Outcome counts since the last update (added). */
  counts?: Partial<SyncCounts>;
}

export interface SyncProgress {
  /** Marks the run running (keeps the first start time) and records the Inngest run id. */
  start(total?: number): Promise<void>;
  advance(update: ProgressUpdate): Promise<void>;
  succeed(details?: Record<string, unknown>): Promise<void>;
  fail(error: unknown): Promise<void>;
  /** True once Cancel was pressed: long steps check it to stop early. */
  isCancelled(): Promise<boolean>;
}

const live = () => inArray(syncRuns.status, ["queued", "running"]);

/**
 * Progress reporting for one sync run, used by domain functions inside their steps:
 *   const progress = syncProgress(syncRunId, runId);
 *   await step.run("start", () => progress.start(pages.length));
 *   await step.run(`page-${n}`, async () => { ...; await progress.advance({ done: 1, counts: { created } }); });
 * Updates after the run ended (cancelled, failed) are ignored, so a step still in flight cannot revive it.
 */
export function syncProgress(syncRunId: string, inngestRunId?: string): SyncProgress {
  const where = (...extra: Parameters<typeof and>) => and(eq(syncRuns.id, syncRunId), ...extra);
  return {
    async start(total) {
      await db()
        .update(syncRuns)
        .set({
          status: "running",
          startedAt: sql`coalesce(${syncRuns.startedAt}, now())`,
          ...(total === undefined ? {} : { progressTotal: total }),
          ...(inngestRunId ? { inngestRunId } : {}),
        })
        .where(where(live()));
    },
    async advance(update) {
      const counts = Object.fromEntries(
        countNames.filter((name) => update.counts?.[name]).map((name) => [name, sql`${syncRuns[name]} + ${update.counts?.[name] ?? 0}`]),
      );
      await db()
        .update(syncRuns)
        .set({
          progressDone: sql`${syncRuns.progressDone} + ${update.done ?? 0}`,
          ...(update.total === undefined ? {} : { progressTotal: update.total }),
          ...(update.currentItem === undefined ? {} : { currentItem: update.currentItem }),
          ...counts,
        })
        .where(where(eq(syncRuns.status, "running")));
    },
    async succeed(details) {
      await db()
        .update(syncRuns)
        .set({
          status: "succeeded",
          endedAt: sql`now()`,
          currentItem: null,
          ...(details ? { details: sql`coalesce(${syncRuns.details}, '{}'::jsonb) || ${JSON.stringify(details)}::jsonb` } : {}),
        })
        .where(where(live()));
    },
    async fail(error) {
      await db()
        .update(syncRuns)
        .set({ status: "failed", endedAt: sql`now()`, error: errorMessage(error) })
        .where(where(live()));
    },
    async isCancelled() {
      const [row] = await db().select({ cancelled: syncRuns.cancelRequested }).from(syncRuns).where(where());
      return row?.cancelled ?? false;
    },
  };
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && typeof (error as { message?: unknown }).message === "string") {
    return (error as { message: string }).message;
  }
  return String(error);
}
