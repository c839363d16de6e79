import "server-only";
import { z } from "zod";
import { syncRuns } from "@/db/schema/platform";
import { findSyncKind, syncKinds } from "@/lib/jobs/kinds";
import { getRun, listRuns, type RunStep } from "@/lib/jobs/queries";
import { readSearchParams, type SearchParams } from "@/lib/ui/search-params";
import { requireAdmin } from "./auth";
import { toRunView } from "./run-rows";
import type { RunView } from "./run-view";

export const runStatuses = syncRuns.status.enumValues;
export const runTriggers = syncRuns.trigger.enumValues;

const PAGE_SIZE = 50;

/** The history page's query string; an unusable value is dropped rather than failing the page. */
const runsSearch = z.object({
  kind: z.string().max(100).optional(),
  status: z.enum(runStatuses).optional(),
  trigger: z.enum(runTriggers).optional(),
  cursor: z.string().max(300).optional(),
});

export type RunsSearch = z.output<typeof runsSearch>;

export interface RunHistoryView {
  search: RunsSearch;
  runs: (RunView & { label: string })[];
  nextCursor: string | null;
  kinds: { kind: string; label: string }[];
}

const labelOf = (kind: string) => findSyncKind(kind)?.label ?? kind;

/** A page of run history with the filters applied, for a logged-in admin only. */
export async function runHistory(query: SearchParams): Promise<RunHistoryView> {
  await requireAdmin("/admin/runs");
  const search = readSearchParams(runsSearch, query);
  const { runs, nextCursor } = await listRuns({ ...search, limit: PAGE_SIZE });
  return {
    search,
    runs: runs.map((run) => ({ ...toRunView(run), label: labelOf(run.kind) })),
    nextCursor,
    kinds: syncKinds.map(({ kind, label }) => ({ kind, label })),
  };
}

export interface StepView extends Omit<RunStep, "startedAt" | "endedAt"> {
  startedAt: string;
  endedAt: string | null;
}

export interface RunDetailView {
  run: RunView;
  label: string;
  description: string | null;
  inngestRunId: string | null;
  details: Record<string, unknown> | null;
  steps: StepView[];
}

/** One run with its executor steps, or null when there is no such run. For a logged-in admin only. */
export async function runDetail(id: string): Promise<RunDetailView | null> {
  await requireAdmin(`/admin/runs/${encodeURIComponent(id)}`);
  const run = await getRun(id);
  if (!run) return null;
  return {
    run: toRunView(run),
    label: labelOf(run.kind),
    description: findSyncKind(run.kind)?.description ?? null,
    inngestRunId: run.inngestRunId,
    details: run.details,
    steps: run.steps.map((step) => ({ ...step, startedAt: step.startedAt.toISOString(), endedAt: step.endedAt?.toISOString() ?? null })),
  };
}
