import { handleEndpoint, handlePreflight } from "@/lib/api";
import { statusEndpoint } from "@/lib/api/platform-contract";
import { sectionOverviews, type SyncSummary } from "@/lib/site/queries";

const summary = (run: SyncSummary | null) =>
  run && {
    kind: run.kind,
    status: run.status,
    startedAt: run.startedAt?.toISOString() ?? null,
    endedAt: run.endedAt?.toISOString() ?? null,
    progress: { done: run.progressDone, total: run.progressTotal },
  };

export const GET = handleEndpoint(statusEndpoint, async () => ({
  sections: (await sectionOverviews()).map((o) => ({
    slug: o.slug,
    name: o.name,
    hasData: o.hasData,
    figures: o.figures,
    lastSuccessfulSync: summary(o.lastSuccess),
    runningSync: summary(o.running),
  })),
}));

export const OPTIONS = handlePreflight(statusEndpoint);
