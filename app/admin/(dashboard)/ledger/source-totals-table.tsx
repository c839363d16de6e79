import { formatBytes, formatPercent } from "@/lib/admin/format";
import type { SourceTotals } from "@/lib/http/ledger-queries";
import { formatCount, formatDuration } from "@/lib/ui/format";
import { DataTable, td, tdNum, th, thNum } from "../data-table";
import { Timestamp } from "../timestamp";

export function SourceTotalsTable({ totals }: { totals: SourceTotals[] }) {
  return (
    <DataTable label="Totals per source">
      <thead>
        <tr>
          <th className={th}>Source</th>
          <th className={thNum}>Calls</th>
          <th className={`${thNum} hidden sm:table-cell`}>Errors</th>
          <th className={thNum}>
            <Short phone="Errors" full="Error rate" />
          </th>
          <th className={thNum}>
            <Short phone="Cache" full="Cache hits" />
          </th>
          <th className={`${thNum} hidden sm:table-cell`}>Retries</th>
          <th className={`${thNum} hidden sm:table-cell`}>Median</th>
          <th className={`${thNum} hidden sm:table-cell`}>p95</th>
          <th className={`${thNum} hidden md:table-cell`}>Bytes</th>
          <th className={thNum}>
            <Short phone="Quota" full="Rate-limit headroom" />
          </th>
          <th className={`${thNum} hidden md:table-cell`}>Last call</th>
        </tr>
      </thead>
      <tbody>
        {totals.map((row) => (
          <tr key={row.source} data-source={row.source}>
            <td className={`${td} font-medium`}>{row.source}</td>
            <td className={tdNum} title={`${formatCount(row.upstreamCalls)} upstream, ${formatCount(row.cacheHits)} from cache`}>
              {formatCount(row.calls)}
            </td>
            <td className={`${tdNum} hidden sm:table-cell ${row.errors ? "text-bad" : ""}`}>{formatCount(row.errors)}</td>
            <td className={`${tdNum} ${row.errorRate >= 0.05 ? "font-semibold text-bad" : ""}`}>
              {row.errorRate >= 0.05 ? <span aria-label="high">▲ </span> : null}
              {formatPercent(row.errorRate)}
            </td>
            <td className={tdNum}>{formatPercent(row.cacheHitRate)}</td>
            <td className={`${tdNum} hidden sm:table-cell`}>{formatCount(row.retries)}</td>
            <td className={`${tdNum} hidden sm:table-cell`}>{row.medianMs === null ? "–" : formatDuration(row.medianMs)}</td>
            <td className={`${tdNum} hidden sm:table-cell`}>{row.p95Ms === null ? "–" : formatDuration(row.p95Ms)}</td>
            <td className={`${tdNum} hidden md:table-cell`}>{formatBytes(row.bytes)}</td>
            <td className={tdNum}>
              <Headroom remaining={row.rateLimitRemaining} limit={row.rateLimitLimit} />
            </td>
            <td className={`${tdNum} hidden md:table-cell`}>
              <Timestamp iso={row.lastCallAt.toISOString()} />
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
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
    <span className={low ? "font-semibold text-bad" : undefined}>
      {low ? <span aria-label="low">▼ </span> : null}
      {formatCount(remaining)}
      {limit ? <span className="text-muted"> / {formatCount(limit)}</span> : null}
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
