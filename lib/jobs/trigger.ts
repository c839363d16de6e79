import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { syncRuns } from "@/db/schema/platform";
import { db } from "@/lib/db";
import { sendEvents, SYNC_CANCEL_EVENT } from "./events";
import { findSyncKind } from "./kinds";
import { errorMessage } from "./progress";
import { openSyncRun } from "./runs";

export class UnknownSyncKindError extends Error {
  constructor(readonly kind: string) {
    super(`Unknown sync kind "${kind}"`);
  }
}

/** The parameters do not fit the kind's schema: `issues` says which and why. */
export class InvalidSyncParamsError extends Error {
  constructor(
    readonly kind: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(`Invalid parameters for ${kind}: ${issues.map((issue) => `${issue.path.join(".") || "params"} ${issue.message}`).join("; ")}`);
  }
}

/** Starts a sync: a queued sync_runs row, then the kind's event with `{ syncRunId, params }`. */
export async function triggerSync(input: {
  kind: string;
  trigger: "admin" | "api" | "cli" | "cron" | "demo";
  params?: Record<string, unknown>;
  details?: Record<string, unknown>;
}): Promise<{ syncRunId: string }> {
  const kind = findSyncKind(input.kind);
  if (!kind) throw new UnknownSyncKindError(input.kind);
  const params = kind.params.safeParse(input.params ?? {});
  if (!params.success) throw new InvalidSyncParamsError(kind.kind, params.error.issues);
  const given = Object.keys(input.params ?? {}).length > 0;
  const syncRunId = await openSyncRun({ ...input, details: given ? { ...input.details, params: params.data } : input.details });
  try {
    await sendEvents([{ name: kind.event, data: given ? { syncRunId, params: params.data } : { syncRunId } }]);
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
  await sendEvents([{ name: SYNC_CANCEL_EVENT, data: { syncRunId } }]);
  return true;
}
