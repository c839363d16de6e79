import { formatBytes } from "@/lib/admin/format";
import type { LedgerCall } from "@/lib/http/ledger-queries";
import { formatDuration } from "@/lib/ui/format";
import { DataTable, td, tdNum, th, thNum } from "../data-table";
import { Timestamp } from "../timestamp";

export function CallsTable({ calls }: { calls: LedgerCall[] }) {
  return (
    <DataTable label="API calls" tall>
      <thead>
        <tr>
          <th className={th}>Time</th>
          <th className={th}>Source</th>
          <th className={th}>Endpoint</th>
          <th className={thNum}>Status</th>
          <th className={thNum}>Duration</th>
          <th className={`${thNum} hidden sm:table-cell`}>Bytes</th>
          <th className={`${th} hidden sm:table-cell`}>Cache</th>
          <th className={`${thNum} hidden sm:table-cell`}>Retries</th>
          <th className={`${th} hidden md:table-cell`}>Error</th>
        </tr>
      </thead>
      <tbody>
        {calls.map((call) => (
          <tr key={call.id} data-call-status={call.error ? "error" : "ok"}>
            <td className={`${td} text-muted`}>
              <Timestamp iso={call.at.toISOString()} mode="clock" />
            </td>
            <td className={`${td} whitespace-nowrap`}>{call.source}</td>
            <td className={`${td} max-w-[16rem] break-all font-mono text-xs sm:max-w-md`} title={paramsText(call.params)}>
              {call.method !== "GET" ? <span className="text-muted">{call.method} </span> : null}
              {call.endpoint}
            </td>
            <td className={`${tdNum} ${call.error ? "text-bad" : ""}`} title={call.error ?? undefined}>
              {call.error ? <span aria-hidden>✕ </span> : null}
              {call.status ?? "–"}
            </td>
            <td className={tdNum}>{formatDuration(call.durationMs)}</td>
            <td className={`${tdNum} hidden sm:table-cell`}>{formatBytes(call.bytes)}</td>
            <td className={`${td} hidden whitespace-nowrap sm:table-cell`}>{call.cacheHit ? "hit" : <span className="text-muted">miss</span>}</td>
            <td className={`${tdNum} hidden sm:table-cell ${call.retries ? "text-warn" : ""}`}>{call.retries}</td>
            <td className={`${td} hidden max-w-xs truncate text-bad md:table-cell`} title={call.error ?? undefined}>
              {call.error ?? ""}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function paramsText(params: Record<string, string> | null): string | undefined {
  if (!params || !Object.keys(params).length) return undefined;
  return Object.entries(params)
    .map(([key, value]) => `${key}=${value}`)
    .join("\n");
}
