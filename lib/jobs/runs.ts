import { and, eq, inArray, or } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db";
import { syncRuns } from "@/db/schema/platform";

export type SyncRun = typeof syncRuns.$inferSelect;
export type SyncTrigger = SyncRun["trigger"];
export type SyncStatus = SyncRun["status"];

/** Inserts a queued sync_runs row and returns its id. */
export async function openSyncRun(input: { kind: string; trigger: SyncTrigger; details?: Record<string, unknown> }): Promise<string> {
  const [row] = await db()
    .insert(syncRuns)
    .values({ kind: input.kind, trigger: input.trigger, details: input.details })
    .returning({ id: syncRuns.id });
  if (!row) throw new Error("inserting a sync run returned nothing");
  return row.id;
}

const requested = z.object({ data: z.object({ syncRunId: z.uuid() }) });

/**
 * The sync run a function reports to: the one named in its event (Run now, API), or a new one when a cron or
 * another event started it. Call it inside step.run so that replays reuse the row.
 */
export async function ensureSyncRun(kind: string, event: { name: string; data?: unknown }): Promise<string> {
  const parsed = requested.safeParse(event);
  if (parsed.success) return parsed.data.data.syncRunId;
  return openSyncRun({ kind, trigger: event.name === "inngest/scheduled.timer" ? "cron" : "event" });
}

/** Ends the sync run of a failed function run, found by the event's syncRunId or the recorded Inngest run id. */
export async function failSyncRunOf(input: { syncRunId?: string; inngestRunId: string; error: string }): Promise<number> {
  const match = input.syncRunId
    ? or(eq(syncRuns.id, input.syncRunId), eq(syncRuns.inngestRunId, input.inngestRunId))
    : eq(syncRuns.inngestRunId, input.inngestRunId);
  const rows = await db()
    .update(syncRuns)
    .set({ status: "failed", error: input.error, endedAt: new Date(), currentItem: null })
    .where(and(match, inArray(syncRuns.status, ["queued", "running"])))
    .returning({ id: syncRuns.id });
  return rows.length;
}

/** One sync run as it stands now, or null (for waiting on it outside the web server). */
export async function readSyncRun(id: string): Promise<SyncRun | null> {
  const [run] = await db().select().from(syncRuns).where(eq(syncRuns.id, id));
  return run ?? null;
}
