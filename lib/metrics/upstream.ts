import { counter, histogram, LATENCY_BUCKETS } from "./registry";

const calls = () =>
  counter({ name: "pitwall_upstream_calls_total", help: "Calls to upstream services (retries folded in), by source, status and outcome", labelNames: ["source", "status", "outcome"] as const });
const retries = () => counter({ name: "pitwall_upstream_retries_total", help: "Retried attempts of upstream calls, by source", labelNames: ["source"] as const });
const latency = () =>
  histogram({ name: "pitwall_upstream_call_duration_seconds", help: "Time of an upstream call, retries included, by source", labelNames: ["source"] as const, buckets: LATENCY_BUCKETS });

/** One upstream call as the ledger records it. */
export function observeUpstreamCall(call: { source: string; status: number | null; error: string | null; cacheHit: boolean; retries: number; durationMs: number }): void {
  const outcome = call.cacheHit ? "cache" : call.error ? "error" : "ok";
  calls().inc({ source: call.source, status: call.status === null ? "none" : String(call.status), outcome });
  if (call.retries > 0) retries().inc({ source: call.source }, call.retries);
  if (!call.cacheHit) latency().observe({ source: call.source }, call.durationMs / 1000);
}
