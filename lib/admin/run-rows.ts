import { countNames } from "@/lib/jobs/progress";
import type { SyncRun } from "@/lib/jobs/runs";
import type { RunCounts, RunView } from "./run-view";

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
