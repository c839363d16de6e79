import type { StepView } from "@/lib/admin/runs";
import { formatDuration } from "@/lib/ui/format";
import { DataTable, type ServerColumn } from "@/lib/ui/table/data-table";
import { Timestamp } from "../../timestamp";

const stepStyles: Record<string, string> = { completed: "text-ok", failed: "text-bad", retrying: "text-warn", sleeping: "text-muted" };
const stepSymbols: Record<string, string> = { completed: "✓", failed: "✕", retrying: "↻", sleeping: "⏾" };

/** Where in the run each step happened, as fractions of the run's span. */
function timelineColumn(steps: StepView[]): ServerColumn<StepView> {
  const origin = Math.min(...steps.map((s) => Date.parse(s.startedAt)));
  const end = Math.max(origin + 1, ...steps.map((s) => Date.parse(s.endedAt ?? s.startedAt)));
  const span = end - origin;
  return {
    key: "timeline",
    header: "Timeline",
    from: "md",
    headerClassName: "w-1/4",
    cell: (step) => (
      <div className="relative h-2 rounded-sm bg-surface-2" aria-hidden>
        <div
          className={`absolute top-0 h-2 rounded-sm ${step.status === "failed" ? "bg-bad" : "bg-accent/70"}`}
          style={{ left: `${(Math.max(0, Date.parse(step.startedAt) - origin) / span) * 100}%`, width: `max(2px, ${((step.durationMs ?? 0) / span) * 100}%)` }}
        />
      </div>
    ),
  };
}

const columns: ServerColumn<StepView>[] = [
  { key: "number", header: "#", numeric: true, className: "text-muted", cell: (_, index) => index + 1 },
  {
    key: "step",
    header: "Step",
    className: "font-mono text-xs",
    cell: (step) => (
      <>
        {step.name}
        {step.error ? <span className="mt-0.5 block whitespace-pre-wrap font-sans text-bad">{step.error}</span> : null}
      </>
    ),
  },
  {
    key: "status",
    header: "Status",
    className: "whitespace-nowrap",
    cell: (step) => (
      <span className={stepStyles[step.status]}>
        <span aria-hidden>{stepSymbols[step.status] ?? "·"} </span>
        {step.status}
      </span>
    ),
  },
  { key: "attempts", header: "Attempts", numeric: true, from: "sm", cell: (step) => <span className={step.attempts > 1 ? "text-warn" : undefined}>{step.attempts}</span> },
  { key: "started", header: "Started", from: "sm", className: "text-muted", cell: (step) => <Timestamp iso={step.startedAt} mode="clock" /> },
  { key: "duration", header: "Duration", numeric: true, cell: (step) => (step.durationMs === null ? "–" : formatDuration(step.durationMs)) },
];

/** Each step with its timing, and a bar showing when in the run it happened. */
export function StepsTable({ steps }: { steps: StepView[] }) {
  return <DataTable label="Steps" scroll="box" columns={[...columns, timelineColumn(steps)]} rows={steps} rowKey={(step, index) => `${step.name}-${index}`} />;
}
