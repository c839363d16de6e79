import { decodeCursor, handleEndpoint, handlePreflight, toPage } from "@/lib/api";
import { syncRunCursor, syncsEndpoint } from "@/lib/api/platform-contract";
import { listSyncRuns } from "@/lib/site/queries";

export const GET = handleEndpoint(syncsEndpoint, async ({ query: { limit, cursor, kind, status } }) => {
  const rows = await listSyncRuns({ kind, status }, limit + 1, decodeCursor(cursor, syncRunCursor));
  return toPage(rows, limit, (last) => last.position, (run) => ({
    id: run.id,
    kind: run.kind,
    trigger: run.trigger,
    status: run.status,
    progress: { done: run.progressDone, total: run.progressTotal, currentItem: run.currentItem },
    counts: { fetched: run.fetched, created: run.created, updated: run.updated, unchanged: run.unchanged, skipped: run.skipped, failed: run.failed },
    queuedAt: run.queuedAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    endedAt: run.endedAt?.toISOString() ?? null,
  }));
});

export const OPTIONS = handlePreflight(syncsEndpoint);
