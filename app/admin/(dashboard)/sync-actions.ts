"use server";

import { z } from "zod";
import { requireAdmin } from "@/lib/admin/auth";
import { findSyncKind } from "@/lib/jobs/kinds";
import { errorMessage } from "@/lib/jobs/progress";
import { InvalidSyncParamsError, requestCancel, triggerSync } from "@/lib/jobs/trigger";
import { logger } from "@/lib/log";

export type ActionResult = { ok: true; syncRunId: string } | { ok: false; error: string };

const log = logger("admin.actions");

const paramsSchema = z.record(z.string().max(100), z.unknown()).optional();

/** "Run now", with the card's parameters: the session is checked here again, whatever the proxy let through. */
export async function runSyncNow(kind: unknown, params?: unknown): Promise<ActionResult> {
  await requireAdmin("/admin");
  const parsed = z.string().max(100).safeParse(kind);
  if (!parsed.success || !findSyncKind(parsed.data)) return { ok: false, error: "Unknown sync kind." };
  const given = paramsSchema.safeParse(params);
  if (!given.success) return { ok: false, error: "Parameters must be an object." };
  try {
    const { syncRunId } = await triggerSync({ kind: parsed.data, trigger: "admin", params: given.data });
    log.info({ kind: parsed.data, syncRunId }, "sync started from the dashboard");
    return { ok: true, syncRunId };
  } catch (error) {
    if (error instanceof InvalidSyncParamsError) return { ok: false, error: error.message };
    log.error({ err: error, kind: parsed.data }, "could not start a sync from the dashboard");
    return { ok: false, error: `Could not start: ${errorMessage(error)}` };
  }
}

export async function cancelSyncRun(syncRunId: unknown): Promise<ActionResult> {
  await requireAdmin("/admin");
  const parsed = z.uuid().safeParse(syncRunId);
  if (!parsed.success) return { ok: false, error: "Unknown sync run." };
  const cancelled = await requestCancel(parsed.data);
  if (!cancelled) return { ok: false, error: "That run had already ended." };
  log.info({ syncRunId: parsed.data }, "sync cancelled from the dashboard");
  return { ok: true, syncRunId: parsed.data };
}
