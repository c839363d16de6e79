import Link from "next/link";
import { runDurationMs, type RunView } from "@/lib/admin/run-view";
import { link } from "@/lib/ui/controls";
import { formatCount, formatDuration } from "@/lib/ui/format";
import { DataTable, type ServerColumn } from "@/lib/ui/table/data-table";
import { RunStatusBadge } from "../run-status-badge";
import { Timestamp } from "../timestamp";

type Run = RunView & { label: string };

/** One of the run's counts; `alarming` ones show in red when there are some. */
const count = (key: keyof RunView["counts"], header: string, alarming = false): ServerColumn<Run> => ({
  key,
  header,
  numeric: true,
  from: "md",
  cell: (run) => <span className={alarming && run.counts[key] ? "text-bad" : undefined}>{formatCount(run.counts[key])}</span>,
});

const columns: ServerColumn<Run>[] = [
  { key: "status", header: "Status", cell: (run) => <RunStatusBadge status={run.status} cancelRequested={run.cancelRequested} /> },
  {
    key: "sync",
    header: "Sync",
    cell: (run) => (
      <>
        <Link href={`/admin/runs/${run.id}`} className={`font-medium ${link}`}>
          {run.label}
        </Link>
        <span className="block font-mono text-xs text-muted wrap-anywhere">{run.kind}</span>
        <span className="block text-xs text-muted sm:hidden">
          <Timestamp iso={run.queuedAt} mode="clock" /> · {run.trigger}
        </span>
      </>
    ),
  },
  { key: "trigger", header: "Trigger", from: "sm", className: "text-muted", cell: (run) => run.trigger },
  { key: "queued", header: "Queued", from: "sm", className: "text-muted", cell: (run) => <Timestamp iso={run.queuedAt} mode="clock" /> },
  {
    key: "duration",
    header: "Duration",
    numeric: true,
    cell: (run) => {
      const duration = runDurationMs(run);
      return duration === null ? "–" : formatDuration(duration);
    },
  },
  {
    key: "progress",
    header: "Progress",
    numeric: true,
    from: "sm",
    cell: (run) => (
      <>
        {formatCount(run.progressDone)}
        {run.progressTotal !== null ? <span className="text-muted"> / {formatCount(run.progressTotal)}</span> : null}
      </>
    ),
  },
  count("fetched", "Fetched"),
  count("created", "Created"),
  count("updated", "Updated"),
  count("failed", "Failed", true),
];

export function RunsTable({ runs }: { runs: Run[] }) {
  return <DataTable label="Sync runs" scroll="box" columns={columns} rows={runs} rowKey={(run) => run.id} rowOptions={(run) => ({ attributes: { "data-run-id": run.id } })} />;
}
