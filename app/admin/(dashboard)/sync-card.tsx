"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { isActive, runDurationMs } from "@/lib/admin/run-view";
import { formParams } from "@/lib/admin/sync-params";
import type { SyncCardView } from "@/lib/admin/syncs";
import { button, primaryButton } from "@/lib/ui/controls";
import { formatDuration } from "@/lib/ui/format";
import { ProgressBar } from "@/lib/ui/progress-bar";
import { RunCountsList } from "./run-counts";
import { RunStatusBadge } from "./run-status-badge";
import { cancelSyncRun, runSyncNow, type ActionResult } from "./sync-actions";
import { initialValues, missingRequired, SyncParamsForm, type ParamValues } from "./sync-params-form";
import { Timestamp } from "./timestamp";

export function SyncCard({ card, onChange }: { card: SyncCardView; onChange: () => Promise<void> }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const [values, setValues] = useState<ParamValues>(() => initialValues(card.params));
  const run = card.lastRun;
  const active = run !== null && isActive(run.status);
  const headingId = `sync-${card.kind}`;

  function act(action: () => Promise<ActionResult>) {
    setMessage(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) setMessage(result.error);
      await onChange();
    });
  }

  return (
    <article aria-labelledby={headingId} data-kind={card.kind} className="flex h-full flex-col gap-3 rounded-lg border border-border bg-surface p-4">
      <header className="space-y-0.5">
        <div className="flex items-start justify-between gap-2">
          <h2 id={headingId} className="font-semibold tracking-tight">
            {card.label}
          </h2>
          <span className="rounded bg-surface-2 px-1.5 py-0.5 text-xs text-muted">{card.domain}</span>
        </div>
        <p className="font-mono text-xs text-muted">{card.kind}</p>
        <p className="text-sm text-muted">{card.description}</p>
      </header>

      {run ? (
        <section aria-label="Last run" className="space-y-2 border-t border-border pt-3">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <RunStatusBadge status={run.status} cancelRequested={run.cancelRequested} />
            <span className="text-muted">
              {run.status === "queued" ? "queued " : run.endedAt ? "ended " : "started "}
              <Timestamp iso={run.endedAt ?? run.startedAt ?? run.queuedAt} />
            </span>
            <span className="tabular text-muted">{durationText(run)}</span>
            <span className="text-muted">by {run.trigger}</span>
          </div>
          {run.status === "queued" && run.progressTotal === null ? (
            <p className="text-xs text-muted">Waiting for the job runner to pick it up…</p>
          ) : run.progressTotal !== null || active ? (
            <div>
              <ProgressBar done={run.progressDone} total={run.progressTotal} label={`Progress of ${card.label}`} />
              {active && run.currentItem ? <p className="mt-0.5 truncate text-xs text-muted">Now: {run.currentItem}</p> : null}
            </div>
          ) : null}
          <RunCountsList counts={run.counts} />
          {run.status === "failed" && run.error ? (
            <p className="line-clamp-2 rounded-md border border-bad/40 bg-bad/10 px-2 py-1 text-xs text-bad" title={run.error}>
              {run.error}
            </p>
          ) : null}
        </section>
      ) : (
        <p className="border-t border-border pt-3 text-sm text-muted">Never run yet.</p>
      )}

      {card.params.length > 0 ? <SyncParamsForm kind={card.kind} fields={card.params} values={values} onChange={setValues} /> : null}

      {message ? (
        <p role="alert" className="text-sm text-bad">
          {message}
        </p>
      ) : null}

      <footer className="mt-auto flex flex-wrap items-center gap-2">
        <button
          type="button"
          disabled={pending || active}
          onClick={() => {
            const missing = missingRequired(card.params, values);
            if (missing.length > 0) setMessage(`Fill in ${missing.join(", ")} first (under Parameters).`);
            else act(() => runSyncNow(card.kind, formParams(card.params, values)));
          }}
          className={primaryButton}
        >
          {active ? "Running…" : pending ? "Starting…" : "Run now"}
        </button>
        {active && !run.cancelRequested ? (
          <button type="button" disabled={pending} onClick={() => act(() => cancelSyncRun(run.id))} className={button}>
            Cancel
          </button>
        ) : null}
        {run ? (
          <Link href={`/admin/runs/${run.id}`} className="ml-auto text-sm text-muted underline-offset-2 hover:text-fg hover:underline">
            Run details →
          </Link>
        ) : null}
      </footer>
    </article>
  );
}

function durationText(run: NonNullable<SyncCardView["lastRun"]>): string {
  const ms = runDurationMs(run);
  if (ms === null) return "";
  return run.endedAt ? `took ${formatDuration(ms)}` : `for ${formatDuration(ms)}`;
}
