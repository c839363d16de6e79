import type { RunStatus } from "@/lib/admin/run-view";

// Colour plus a symbol and the word: colour is never the only signal.
const styles: Record<RunStatus, { symbol: string; className: string }> = {
  queued: { symbol: "○", className: "border-border text-muted" },
  running: { symbol: "▶", className: "border-accent/50 text-accent" },
  succeeded: { symbol: "✓", className: "border-ok/50 text-ok" },
  failed: { symbol: "✕", className: "border-bad/50 text-bad" },
  cancelled: { symbol: "⊘", className: "border-warn/50 text-warn" },
};

export function RunStatusBadge({ status, cancelRequested = false }: { status: RunStatus; cancelRequested?: boolean }) {
  const style = styles[status];
  const cancelling = cancelRequested && (status === "queued" || status === "running");
  return (
    <span
      data-status={status}
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded border px-1.5 py-0.5 text-xs font-medium ${style.className}`}
    >
      <span aria-hidden>{style.symbol}</span>
      {cancelling ? "cancelling" : status}
    </span>
  );
}
