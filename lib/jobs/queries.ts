import "server-only";
import { and, asc, desc, eq, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db";
import { jobSteps } from "@/db/schema/jobs";
import { syncRuns } from "@/db/schema/platform";
import { syncKinds } from "./kinds";
import type { SyncKind } from "./sync-kind";
import type { SyncRun, SyncStatus, SyncTrigger } from "./runs";

/** Each registered sync kind with its most recent run (null if it never ran), in registry order. */
export async function latestRunPerKind(): Promise<{ kind: SyncKind; run: SyncRun | null }[]> {
  const latest = await db()
    .selectDistinctOn([syncRuns.kind])
    .from(syncRuns)
    .where(inArray(syncRuns.kind, syncKinds.map((k) => k.kind)))
    .orderBy(syncRuns.kind, desc(syncRuns.queuedAt), desc(syncRuns.id));
  const byKind = new Map(latest.map((run) => [run.kind, run]));
  return syncKinds.map((kind) => ({ kind, run: byKind.get(kind.kind) ?? null }));
}

const cursorSchema = z.object({ queuedAt: z.iso.datetime({ offset: true }), id: z.uuid() });

function encodeCursor(run: SyncRun): string {
  return Buffer.from(JSON.stringify({ queuedAt: run.queuedAt.toISOString(), id: run.id })).toString("base64url");
}

function decodeCursor(cursor: string): z.infer<typeof cursorSchema> | null {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    return null;
  }
}

export interface ListRunsInput {
  kind?: string;
  status?: SyncStatus;
  trigger?: SyncTrigger;
  limit?: number;
  /** nextCursor of the previous page; an unreadable cursor starts from the newest run. */
  cursor?: string;
}

/** Run history, newest first, a page at a time (keyset on queued time and id). */
export async function listRuns(input: ListRunsInput = {}): Promise<{ runs: SyncRun[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const filters: (SQL | undefined)[] = [
    input.kind ? eq(syncRuns.kind, input.kind) : undefined,
    input.status ? eq(syncRuns.status, input.status) : undefined,
    input.trigger ? eq(syncRuns.trigger, input.trigger) : undefined,
    after
      ? or(
          lt(syncRuns.queuedAt, new Date(after.queuedAt)),
          and(eq(syncRuns.queuedAt, new Date(after.queuedAt)), lt(syncRuns.id, after.id)),
        )
      : undefined,
  ];
  const rows = await db()
    .select()
    .from(syncRuns)
    .where(and(...filters))
    .orderBy(desc(syncRuns.queuedAt), desc(syncRuns.id))
    .limit(limit + 1);
  const runs = rows.slice(0, limit);
  const last = runs.at(-1);
  return { runs, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

export interface RunStep {
  name: string;
  /** completed, failed (for good), retrying (an attempt failed, another is scheduled) or sleeping. */
  status: string;
  attempts: number;
  startedAt: Date;
  endedAt: Date | null;
  durationMs: number | null;
  error: string | null;
}

export type SyncRunDetail = SyncRun & { steps: RunStep[] };

/**
 * One sync run with the steps of its executor run. Steps are known when the local executor ran it; with an
 * Inngest server they are in Inngest's dashboard and `steps` is empty.
 */
export async function getRun(id: string): Promise<SyncRunDetail | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const [run] = await db().select().from(syncRuns).where(eq(syncRuns.id, id));
  if (!run) return null;
  if (!run.inngestRunId) return { ...run, steps: [] };
  const rows = await db()
    .select({
      name: jobSteps.name,
      status: jobSteps.status,
      attempts: jobSteps.attempts,
      startedAt: jobSteps.startedAt,
      endedAt: jobSteps.endedAt,
      error: sql<string | null>`${jobSteps.error} ->> 'message'`,
    })
    .from(jobSteps)
    .where(eq(jobSteps.runId, run.inngestRunId))
    .orderBy(sql`${jobSteps.position} nulls last`, asc(jobSteps.startedAt));
  const steps = rows.map((step) => ({
    ...step,
    durationMs: step.endedAt ? step.endedAt.getTime() - step.startedAt.getTime() : null,
  }));
  return { ...run, steps };
}
