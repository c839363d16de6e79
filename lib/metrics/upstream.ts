import { upstreamCalls, upstreamLatency, upstreamRetries } from "./catalogue";

/** One upstream call as the ledger records it. */
export function observeUpstreamCall(call: { source: string; status: number | null; error: string | null; cacheHit: boolean; retries: number; durationMs: number }): void {
  const outcome = call.cacheHit ? "cache" : call.error ? "error" : "ok";
  upstreamCalls().inc({ source: call.source, status: call.status === null ? "none" : String(call.status), outcome });
  if (call.retries > 0) upstreamRetries().inc({ source: call.source }, call.retries);
  if (!call.cacheHit) upstreamLatency().observe({ source: call.source }, call.durationMs / 1000);
}
