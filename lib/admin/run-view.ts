import type { SyncCounts } from "@/lib/jobs/progress";
import type { SyncRun } from "@/lib/jobs/runs";

// Types and pure helpers only: client components import this file, so it must not pull in the database.

export type RunStatus = SyncRun["status"];
export type RunTrigger = SyncRun["trigger"];
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
  /** In the order of `countNames` (lib/jobs/progress.ts). */
  counts: RunCounts;
  queuedAt: string;
  startedAt: string | null;
  endedAt: string | null;
  error: string | null;
  cancelRequested: boolean;
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
