import { ApiError, handleEndpoint } from "@/lib/api";
import { syncRunEndpoint } from "@/lib/admin/api-contract";
import { countNames } from "@/lib/jobs/progress";
import { getRun } from "@/lib/jobs/queries";

export const GET = handleEndpoint(syncRunEndpoint, async ({ params: { id } }) => {
  const run = await getRun(id);
  if (!run) throw new ApiError(404, "not_found", `No sync run ${id}.`);
  return {
    id: run.id,
    kind: run.kind,
    trigger: run.trigger,
    status: run.status,
    progress: { done: run.progressDone, total: run.progressTotal, currentItem: run.currentItem },
    counts: Object.fromEntries(countNames.map((name) => [name, run[name]])) as Record<(typeof countNames)[number], number>,
    queuedAt: run.queuedAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    endedAt: run.endedAt?.toISOString() ?? null,
    error: run.error,
    cancelRequested: run.cancelRequested,
  };
});
