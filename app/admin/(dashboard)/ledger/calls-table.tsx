import Link from "next/link";
import { formatBytes } from "@/lib/admin/format";
import type { LedgerCall } from "@/lib/http/ledger-queries";
import { formatDuration } from "@/lib/ui/format";
import { DataTable, link, td, tdNum, th, thNum } from "../data-table";
import { Timestamp } from "../timestamp";

/** Ledger rows. On a phone: time, endpoint (source, parameters and error folded in), status (duration folded in). */
export function CallsTable({ calls }: { calls: LedgerCall[] }) {
  return (
    <DataTable label="API calls" tall>
      <thead>
        <tr>
          <th className={th}>Time</th>
          <th className={`${th} hidden sm:table-cell`}>Source</th>
          <th className={th}>Endpoint</th>
          <th className={thNum}>Status</th>
          <th className={`${thNum} hidden sm:table-cell`}>Duration</th>
          <th className={`${thNum} hidden sm:table-cell`}>Bytes</th>
          <th className={`${th} hidden sm:table-cell`}>Cache</th>
          <th className={`${thNum} hidden sm:table-cell`}>Retries</th>
          <th className={`${th} hidden md:table-cell`}>Error</th>
        </tr>
      </thead>
      <tbody>
        {calls.map((call) => (
          <CallRow key={call.id} call={call} />
        ))}
      </tbody>
    </DataTable>
  );
}

function CallRow({ call }: { call: LedgerCall }) {
  const params = paramsText(call.params);
  return (
    <tr data-call-status={call.error ? "error" : "ok"}>
      <td className={`${td} text-muted`}>
        <Timestamp iso={call.at.toISOString()} mode="clock" />
      </td>
      <td className={`${td} hidden whitespace-nowrap sm:table-cell`}>{call.source}</td>
      <td className={td}>
        <div className="max-w-[10rem] sm:max-w-sm lg:max-w-md">
          <span className="block text-xs text-muted sm:hidden">{call.source}</span>
          <Link href={endpointHref(call)} className={`break-words font-mono text-xs ${link}`} title="Only calls to this endpoint">
            {call.method !== "GET" ? `${call.method} ` : ""}
            {call.endpoint}
          </Link>
          {params ? (
            <span className="block truncate font-mono text-xs text-muted" title={params}>
              {params}
            </span>
          ) : null}
          {call.error ? <span className="block text-xs text-bad md:hidden">{call.error}</span> : null}
        </div>
      </td>
      <td data-column="status" className={`${tdNum} ${call.error ? "text-bad" : ""}`} title={call.error ?? undefined}>
        {call.error ? <span aria-hidden>✕ </span> : null}
        {call.status ?? "–"}
        <span className="block text-xs text-muted sm:hidden">{formatDuration(call.durationMs)}</span>
      </td>
      <td className={`${tdNum} hidden sm:table-cell`}>{formatDuration(call.durationMs)}</td>
      <td className={`${tdNum} hidden sm:table-cell`}>{formatBytes(call.bytes)}</td>
      <td className={`${td} hidden whitespace-nowrap sm:table-cell`}>{call.cacheHit ? "hit" : <span className="text-muted">miss</span>}</td>
      <td className={`${tdNum} hidden sm:table-cell ${call.retries ? "text-warn" : ""}`}>{call.retries}</td>
      <td className={`${td} hidden text-bad md:table-cell`}>
        <div className="max-w-xs truncate" title={call.error ?? undefined}>
          {call.error ?? ""}
        </div>
      </td>
    </tr>
  );
}

/** The call's parameters as a query string (secrets were removed before they were recorded). */
function paramsText(params: Record<string, string> | null): string | undefined {
  if (!params || !Object.keys(params).length) return undefined;
  return Object.entries(params)
    .map(([key, value]) => `${key}=${value}`)
    .join("&");
}

function endpointHref(call: LedgerCall): string {
  return `/admin/ledger?${new URLSearchParams({ source: call.source, endpoint: call.endpoint })}`;
}
