import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { syncRuns } from "@/db/schema";
import { inngest, syncCancelRequested } from "@/inngest/client";
import { findSyncKind } from "./kinds";
import { errorMessage } from "./progress";
import { openSyncRun } from "./runs";

export class UnknownSyncKindError extends Error {
  constructor(readonly kind: string) {
    super(`Unknown sync kind "${kind}"`);
  }
}

/** Starts a sync: a queued sync_runs row, then the kind's event with `{ syncRunId }`. */
export async function triggerSync(input: {
  kind: string;
  trigger: "admin" | "api" | "cron" | "demo";
  details?: Record<string, unknown>;
}): Promise<{ syncRunId: string }> {
  const kind = findSyncKind(input.kind);
  if (!kind) throw new UnknownSyncKindError(input.kind);
  const syncRunId = await openSyncRun(input);
  try {
    await inngest.send({ name: kind.event, data: { syncRunId } });
  } catch (error) {
    await db()
      .update(syncRuns)
      .set({ status: "failed", error: `Could not start: ${errorMessage(error)}`, endedAt: new Date() })
      .where(eq(syncRuns.id, syncRunId));
    throw error;
  }
  return { syncRunId };
}

/**
 * Cancel from the dashboard: the row ends as cancelled now, and the run (queued, sleeping or between steps)
 * is stopped before its next step through `cancelOn`. False when the run had already ended.
 */
export async function requestCancel(syncRunId: string): Promise<boolean> {
  const cancelled = await db()
    .update(syncRuns)
    .set({ cancelRequested: true, status: "cancelled", endedAt: new Date(), currentItem: null })
    .where(and(eq(syncRuns.id, syncRunId), inArray(syncRuns.status, ["queued", "running"])))
    .returning({ id: syncRuns.id });
  if (cancelled.length === 0) return false;
  await inngest.send(syncCancelRequested.create({ syncRunId }));
  return true;
}
