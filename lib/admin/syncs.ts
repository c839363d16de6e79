import "server-only";
import type { SyncKind } from "@/lib/jobs/sync-kind";
import { latestRunPerKind } from "@/lib/jobs/queries";
import { requireAdmin } from "./auth";
import { toRunView } from "./run-rows";
import type { RunView } from "./run-view";

/** One card of the overview: a sync kind and its latest run. */
export interface SyncCardView extends Pick<SyncKind, "kind" | "label" | "description" | "domain"> {
  lastRun: RunView | null;
}

/** The overview's cards, in registry order, for a logged-in admin only. */
export async function syncBoard(): Promise<SyncCardView[]> {
  await requireAdmin("/admin");
  const latest = await latestRunPerKind();
  return latest.map(({ kind: { kind, label, description, domain }, run }) => ({
    kind,
    label,
    description,
    domain,
    lastRun: run ? toRunView(run) : null,
  }));
}
