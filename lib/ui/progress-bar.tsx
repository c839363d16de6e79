/** A determinate progress bar with its counts as text (never a bare spinner). */
export function ProgressBar({ done, total, label }: { done: number; total: number | null; label?: string }) {
  const pct = total && total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div className="space-y-1">
      <div
        role="progressbar"
        aria-label={label ?? "Progress"}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className="h-2 w-full overflow-hidden rounded-full bg-surface-2"
      >
        <div className="h-full rounded-full bg-accent transition-[width]" style={{ width: `${pct}%` }} />
      </div>
      <p className="tabular text-xs text-muted">
        {done.toLocaleString("en-US")}
        {total ? ` / ${total.toLocaleString("en-US")} (${pct} %)` : ""}
      </p>
    </div>
  );
}
