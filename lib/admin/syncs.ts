import "server-only";
import type { SyncKind } from "@/lib/jobs/sync-kind";
import { latestRunPerKind } from "@/lib/jobs/queries";
import { requireAdmin } from "./auth";
import { toRunView } from "./run-rows";
import { paramFields, type ParamField } from "./sync-params";
import type { RunView } from "./run-view";

/** One card of the overview: a sync kind and its latest run. */
export interface SyncCardView extends Pick<SyncKind, "kind" | "label" | "description" | "domain"> {
  /** What "Run now" can be given (the kind's parameters a form can fill). */
  params: ParamField[];
  lastRun: RunView | null;
}

/** The overview's cards, in registry order, for a logged-in admin only. */
export async function syncBoard(): Promise<SyncCardView[]> {
  await requireAdmin("/admin");
  const latest = await latestRunPerKind();
  return latest.map(({ kind: { kind, label, description, domain, params }, run }) => ({
    kind,
    label,
    description,
    domain,
    params: paramFields(params),
    lastRun: run ? toRunView(run) : null,
  }));
}
