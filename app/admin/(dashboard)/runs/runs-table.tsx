import Link from "next/link";
import { runDurationMs, type RunView } from "@/lib/admin/run-view";
import { formatCount, formatDuration } from "@/lib/ui/format";
import { DataTable, link, td, tdNum, th, thNum } from "../data-table";
import { RunStatusBadge } from "../run-status-badge";
import { Timestamp } from "../timestamp";

export function RunsTable({ runs }: { runs: (RunView & { label: string })[] }) {
  return (
    <DataTable label="Sync runs" tall>
      <thead>
        <tr>
          <th className={th}>Status</th>
          <th className={th}>Sync</th>
          <th className={`${th} hidden sm:table-cell`}>Trigger</th>
          <th className={`${th} hidden sm:table-cell`}>Queued</th>
          <th className={thNum}>Duration</th>
          <th className={`${thNum} hidden sm:table-cell`}>Progress</th>
          <th className={`${thNum} hidden md:table-cell`}>Fetched</th>
          <th className={`${thNum} hidden md:table-cell`}>Created</th>
          <th className={`${thNum} hidden md:table-cell`}>Updated</th>
          <th className={`${thNum} hidden md:table-cell`}>Failed</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => {
          const duration = runDurationMs(run);
          return (
            <tr key={run.id} data-run-id={run.id}>
              <td className={td}>
                <RunStatusBadge status={run.status} cancelRequested={run.cancelRequested} />
              </td>
              <td className={td}>
                <Link href={`/admin/runs/${run.id}`} className={`font-medium ${link}`}>
                  {run.label}
                </Link>
                <span className="block font-mono text-xs text-muted wrap-anywhere">{run.kind}</span>
                <span className="block text-xs text-muted sm:hidden">
                  <Timestamp iso={run.queuedAt} mode="clock" /> · {run.trigger}
                </span>
              </td>
              <td className={`${td} hidden text-muted sm:table-cell`}>{run.trigger}</td>
              <td className={`${td} hidden text-muted sm:table-cell`}>
                <Timestamp iso={run.queuedAt} mode="clock" />
              </td>
              <td className={tdNum}>{duration === null ? "–" : formatDuration(duration)}</td>
              <td className={`${tdNum} hidden sm:table-cell`}>
                {formatCount(run.progressDone)}
                {run.progressTotal !== null ? <span className="text-muted"> / {formatCount(run.progressTotal)}</span> : null}
              </td>
              <td className={`${tdNum} hidden md:table-cell`}>{formatCount(run.counts.fetched)}</td>
              <td className={`${tdNum} hidden md:table-cell`}>{formatCount(run.counts.created)}</td>
              <td className={`${tdNum} hidden md:table-cell`}>{formatCount(run.counts.updated)}</td>
              <td className={`${tdNum} hidden md:table-cell ${run.counts.failed ? "text-bad" : ""}`}>{formatCount(run.counts.failed)}</td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
