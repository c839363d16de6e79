import { formatBytes, formatPercent } from "@/lib/admin/format";
import type { SourceTotals } from "@/lib/http/ledger-queries";
import { formatCount, formatDuration } from "@/lib/ui/format";
import { DataTable, type ServerColumn } from "@/lib/ui/table/data-table";
import { Timestamp } from "../timestamp";

const columns: ServerColumn<SourceTotals>[] = [
  { key: "source", header: "Source", className: "font-medium", cell: (row) => row.source },
  {
    key: "calls",
    header: "Calls",
    numeric: true,
    cell: (row) => <span title={`${formatCount(row.upstreamCalls)} upstream, ${formatCount(row.cacheHits)} from cache`}>{formatCount(row.calls)}</span>,
  },
  { key: "errors", header: "Errors", numeric: true, from: "sm", cell: (row) => <span className={row.errors ? "text-bad" : undefined}>{formatCount(row.errors)}</span> },
  {
    key: "error-rate",
    header: <Short phone="Errors" full="Error rate" />,
    numeric: true,
    cell: (row) =>
      row.errorRate >= 0.05 ? (
        <span className="font-semibold text-bad">
          <span aria-label="high">▲ </span>
          {formatPercent(row.errorRate)}
        </span>
      ) : (
        formatPercent(row.errorRate)
      ),
  },
  { key: "cache-hits", header: <Short phone="Cache" full="Cache hits" />, numeric: true, cell: (row) => formatPercent(row.cacheHitRate) },
  { key: "retries", header: "Retries", numeric: true, from: "sm", cell: (row) => formatCount(row.retries) },
  { key: "median", header: "Median", numeric: true, from: "sm", cell: (row) => (row.medianMs === null ? "–" : formatDuration(row.medianMs)) },
  { key: "p95", header: "p95", numeric: true, from: "sm", cell: (row) => (row.p95Ms === null ? "–" : formatDuration(row.p95Ms)) },
  { key: "bytes", header: "Bytes", numeric: true, from: "md", cell: (row) => formatBytes(row.bytes) },
  { key: "headroom", header: <Short phone="Quota" full="Rate-limit headroom" />, numeric: true, cell: (row) => <Headroom remaining={row.rateLimitRemaining} limit={row.rateLimitLimit} /> },
  { key: "last-call", header: "Last call", numeric: true, from: "md", cell: (row) => <Timestamp iso={row.lastCallAt.toISOString()} /> },
];

export function SourceTotalsTable({ totals }: { totals: SourceTotals[] }) {
  return <DataTable label="Totals per source" columns={columns} rows={totals} rowKey={(row) => row.source} rowOptions={(row) => ({ attributes: { "data-source": row.source } })} />;
}

/** What the upstream said was left of its rate limit at the last call: "412 / 500", low values flagged. */
function Headroom({ remaining, limit }: { remaining: number | null; limit: number | null }) {
  if (remaining === null) {
    return (
      <span className="text-muted" title="This upstream does not report a rate limit">
        <Short phone="–" full="not reported" />
      </span>
    );
  }
  const low = limit ? remaining / limit < 0.1 : remaining === 0;
  return (
    <span className={low ? "font-semibold text-bad" : undefined} title={limit ? `${formatCount(remaining)} of ${formatCount(limit)} left` : undefined}>
      {low ? <span aria-label="low">▼ </span> : null}
      {formatCount(remaining)}
      {/* The limit is left out on phones, where the key columns must fit the screen. */}
      {limit ? <span className="hidden text-muted sm:inline"> / {formatCount(limit)}</span> : null}
    </span>
  );
}

/** A narrower label on phones, the full one from the `sm` breakpoint up. */
function Short({ phone, full }: { phone: string; full: string }) {
  return (
    <>
      <span className="sm:hidden" aria-hidden>
        {phone}
      </span>
      <span className="sr-only sm:not-sr-only">{full}</span>
    </>
  );
}
