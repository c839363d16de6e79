import Link from "next/link";
import { formatBytes } from "@/lib/admin/format";
import type { LedgerCall } from "@/lib/http/ledger-queries";
import { link } from "@/lib/ui/controls";
import { formatDuration } from "@/lib/ui/format";
import { DataTable, type ServerColumn } from "@/lib/ui/table/data-table";
import { Timestamp } from "../timestamp";

const columns: ServerColumn<LedgerCall>[] = [
  { key: "time", header: "Time", className: "text-muted", cell: (call) => <Timestamp iso={call.at.toISOString()} mode="clock" /> },
  { key: "source", header: "Source", from: "sm", className: "whitespace-nowrap", cell: (call) => call.source },
  {
    key: "endpoint",
    header: "Endpoint",
    cell: (call) => {
      const params = paramsText(call.params);
      return (
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
      );
    },
  },
  {
    key: "status",
    header: "Status",
    numeric: true,
    cell: (call) => (
      <>
        <span className={call.error ? "text-bad" : undefined} title={call.error ?? undefined}>
          {call.error ? <span aria-hidden>✕ </span> : null}
          {call.status ?? "–"}
        </span>
        <span className="block text-xs text-muted sm:hidden">{formatDuration(call.durationMs)}</span>
      </>
    ),
  },
  { key: "duration", header: "Duration", numeric: true, from: "sm", cell: (call) => formatDuration(call.durationMs) },
  { key: "bytes", header: "Bytes", numeric: true, from: "sm", cell: (call) => formatBytes(call.bytes) },
  { key: "cache", header: "Cache", from: "sm", className: "whitespace-nowrap", cell: (call) => (call.cacheHit ? "hit" : <span className="text-muted">miss</span>) },
  { key: "retries", header: "Retries", numeric: true, from: "sm", cell: (call) => <span className={call.retries ? "text-warn" : undefined}>{call.retries}</span> },
  {
    key: "error",
    header: "Error",
    from: "md",
    className: "text-bad",
    cell: (call) => (
      <div className="max-w-xs truncate" title={call.error ?? undefined}>
        {call.error ?? ""}
      </div>
    ),
  },
];

/** Ledger rows. On a phone: time, endpoint (source, parameters and error folded in), status (duration folded in). */
export function CallsTable({ calls }: { calls: LedgerCall[] }) {
  return (
    <DataTable
      label="API calls"
      scroll="box"
      columns={columns}
      rows={calls}
      rowKey={(call) => call.id}
      rowOptions={(call) => ({ attributes: { "data-call-status": call.error ? "error" : "ok" } })}
    />
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
