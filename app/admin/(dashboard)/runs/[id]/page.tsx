import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { runDetail } from "@/lib/admin/runs";
import { isActive, runDurationMs } from "@/lib/admin/run-view";
import { formatDuration } from "@/lib/ui/format";
import { ProgressBar } from "@/lib/ui/progress-bar";
import { RunCountsList } from "../../run-counts";
import { RunStatusBadge } from "../../run-status-badge";
import { Timestamp } from "../../timestamp";
import { RefreshWhileActive } from "./refresh-while-active";
import { StepsTable } from "./steps-table";

export const metadata: Metadata = { title: "Run" };

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const view = await runDetail(id);
  if (!view) notFound();
  const { run } = view;
  const duration = runDurationMs(run);
  const wait = run.startedAt ? Date.parse(run.startedAt) - Date.parse(run.queuedAt) : null;
  const active = isActive(run.status);

  return (
    <div className="space-y-6">
      <RefreshWhileActive active={active} />
      <header className="space-y-1">
        <Link href="/admin/runs" className="text-sm text-muted hover:text-fg">
          ← Runs
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold tracking-tight">{view.label}</h1>
          <RunStatusBadge status={run.status} cancelRequested={run.cancelRequested} />
        </div>
        <p className="font-mono text-xs text-muted">
          {run.kind} · run {run.id}
        </p>
      </header>

      <section aria-label="Summary" className="grid gap-4 rounded-lg border border-border bg-surface p-4 md:grid-cols-2">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
          <dt className="text-muted">Trigger</dt>
          <dd>{run.trigger}</dd>
          <dt className="text-muted">Queued</dt>
          <dd>
            <Timestamp iso={run.queuedAt} mode="clock" />
          </dd>
          <dt className="text-muted">Started</dt>
          <dd>{run.startedAt ? <Timestamp iso={run.startedAt} mode="clock" /> : "–"}</dd>
          <dt className="text-muted">Ended</dt>
          <dd>{run.endedAt ? <Timestamp iso={run.endedAt} mode="clock" /> : "–"}</dd>
          <dt className="text-muted">Duration</dt>
          <dd className="tabular">
            {duration === null ? "–" : formatDuration(duration)}
            {wait !== null ? <span className="text-muted"> (waited {formatDuration(Math.max(0, wait))} in the queue)</span> : null}
          </dd>
          <dt className="text-muted">Executor run</dt>
          <dd className="break-all font-mono text-xs">{view.inngestRunId ?? "–"}</dd>
        </dl>
        <div className="space-y-3">
          <ProgressBar done={run.progressDone} total={run.progressTotal} label={`Progress of ${view.label}`} />
          {active && run.currentItem ? <p className="text-xs text-muted">Now: {run.currentItem}</p> : null}
          <RunCountsList counts={run.counts} />
        </div>
      </section>

      {run.error ? (
        <section aria-labelledby="error-heading" className="space-y-1">
          <h2 id="error-heading" className="text-sm font-semibold text-bad">
            Error
          </h2>
          <pre className="overflow-x-auto whitespace-pre-wrap rounded-md border border-bad/40 bg-bad/10 px-3 py-2 font-mono text-xs text-bad">
            {run.error}
          </pre>
        </section>
      ) : null}

      <section aria-labelledby="steps-heading" className="space-y-2">
        <h2 id="steps-heading" className="text-sm font-semibold">
          Steps
        </h2>
        {view.steps.length ? (
          <StepsTable steps={view.steps} />
        ) : (
          <p className="rounded-lg border border-dashed border-border bg-surface px-4 py-6 text-center text-sm text-muted">
            {run.status === "queued"
              ? "No steps yet: the run is waiting for the job runner."
              : "No step records for this run. The local executor keeps them; with an Inngest server, its dashboard shows the steps."}
          </p>
        )}
      </section>

      {view.details && Object.keys(view.details).length ? (
        <section aria-labelledby="details-heading" className="space-y-2">
          <h2 id="details-heading" className="text-sm font-semibold">
            Details
          </h2>
          <pre className="overflow-x-auto rounded-md border border-border bg-surface px-3 py-2 font-mono text-xs">
            {JSON.stringify(view.details, null, 2)}
          </pre>
        </section>
      ) : null}
    </div>
  );
}
