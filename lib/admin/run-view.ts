import { countNames, type SyncCounts } from "@/lib/jobs/progress";
import type { SyncRun } from "@/lib/jobs/runs";

export type RunStatus = SyncRun["status"];
export type RunTrigger = SyncRun["trigger"];

export const runStatuses = ["queued", "running", "succeeded", "failed", "cancelled"] as const satisfies readonly RunStatus[];
export const runTriggers = ["admin", "api", "cron", "demo", "event"] as const satisfies readonly RunTrigger[];
export { countNames };
export type RunCounts = SyncCounts;

/** A sync run as the dashboard shows it: plain JSON, so it can cross to client components and polls. */
export interface RunView {
  id: string;
  kind: string;
  trigger: RunTrigger;
  status: RunStatus;
  progressDone: number;
  progressTotal: number | null;
  currentItem: string | null;
  counts: RunCounts;
  queuedAt: string;
  startedAt: string | null;
  endedAt: string | null;
  error: string | null;
  cancelRequested: boolean;
}

export function toRunView(row: SyncRun): RunView {
  return {
    id: row.id,
    kind: row.kind,
    trigger: row.trigger,
    status: row.status,
    progressDone: row.progressDone,
    progressTotal: row.progressTotal,
    currentItem: row.currentItem,
    counts: Object.fromEntries(countNames.map((name) => [name, row[name]])) as RunCounts,
    queuedAt: row.queuedAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    error: row.error,
    cancelRequested: row.cancelRequested,
  };
}

export function isActive(status: RunStatus): boolean {
  return status === "queued" || status === "running";
}

/** Wall-clock time of a run: start to end, or to `now` while it is still going. */
export function runDurationMs(run: Pick<RunView, "startedAt" | "endedAt">, now: Date = new Date()): number | null {
  if (!run.startedAt) return null;
  const end = run.endedAt ? Date.parse(run.endedAt) : now.getTime();
  return Math.max(0, end - Date.parse(run.startedAt));
}
