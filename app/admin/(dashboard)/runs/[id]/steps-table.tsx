import type { StepView } from "@/lib/admin/runs";
import { formatDuration } from "@/lib/ui/format";
import { DataTable, td, tdNum, th, thNum } from "../../data-table";
import { Timestamp } from "../../timestamp";

const stepStyles: Record<string, string> = { completed: "text-ok", failed: "text-bad", retrying: "text-warn", sleeping: "text-muted" };
const stepSymbols: Record<string, string> = { completed: "✓", failed: "✕", retrying: "↻", sleeping: "⏾" };

/** Each step with its timing, and a bar showing when in the run it happened. */
export function StepsTable({ steps }: { steps: StepView[] }) {
  const origin = Math.min(...steps.map((s) => Date.parse(s.startedAt)));
  const end = Math.max(origin + 1, ...steps.map((s) => Date.parse(s.endedAt ?? s.startedAt)));
  const span = end - origin;

  return (
    <DataTable label="Steps" tall>
      <thead>
        <tr>
          <th className={thNum}>#</th>
          <th className={th}>Step</th>
          <th className={th}>Status</th>
          <th className={`${thNum} hidden sm:table-cell`}>Attempts</th>
          <th className={`${th} hidden sm:table-cell`}>Started</th>
          <th className={thNum}>Duration</th>
          <th className={`${th} hidden w-1/4 md:table-cell`}>Timeline</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((step, index) => {
          const start = Date.parse(step.startedAt) - origin;
          const width = step.durationMs ?? 0;
          return (
            <tr key={`${step.name}-${index}`}>
              <td className={`${tdNum} text-muted`}>{index + 1}</td>
              <td className={`${td} font-mono text-xs`}>
                {step.name}
                {step.error ? <span className="mt-0.5 block whitespace-pre-wrap font-sans text-bad">{step.error}</span> : null}
              </td>
              <td className={`${td} whitespace-nowrap ${stepStyles[step.status] ?? ""}`}>
                <span aria-hidden>{stepSymbols[step.status] ?? "·"} </span>
                {step.status}
              </td>
              <td className={`${tdNum} hidden sm:table-cell ${step.attempts > 1 ? "text-warn" : ""}`}>{step.attempts}</td>
              <td className={`${td} hidden text-muted sm:table-cell`}>
                <Timestamp iso={step.startedAt} mode="clock" />
              </td>
              <td className={tdNum}>{step.durationMs === null ? "–" : formatDuration(step.durationMs)}</td>
              <td className={`${td} hidden md:table-cell`}>
                <div className="relative h-2 rounded-sm bg-surface-2" aria-hidden>
                  <div
                    className={`absolute top-0 h-2 rounded-sm ${step.status === "failed" ? "bg-bad" : "bg-accent/70"}`}
                    style={{ left: `${(Math.max(0, start) / span) * 100}%`, width: `max(2px, ${(width / span) * 100}%)` }}
                  />
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
