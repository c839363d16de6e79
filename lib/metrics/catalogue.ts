import { counter, gauge, histogram, LATENCY_BUCKETS } from "./registry";

// Every metric Pitwall exports, defined in one place (made on first use in the shared registry). A scrape defines them
// all first, so that a metric nothing has counted yet still appears, at zero.

export const httpRequests = () =>
  counter({ name: "pitwall_http_requests_total", help: "HTTP requests answered, by route and status", labelNames: ["method", "route", "status"] as const });
export const httpLatency = () =>
  histogram({ name: "pitwall_http_request_duration_seconds", help: "Time to answer an HTTP request, by route", labelNames: ["method", "route"] as const, buckets: LATENCY_BUCKETS });

export const upstreamCalls = () =>
  counter({ name: "pitwall_upstream_calls_total", help: "Calls to upstream services (retries folded in), by source, status and outcome", labelNames: ["source", "status", "outcome"] as const });
export const upstreamRetries = () => counter({ name: "pitwall_upstream_retries_total", help: "Retried attempts of upstream calls, by source", labelNames: ["source"] as const });
export const upstreamLatency = () =>
  histogram({ name: "pitwall_upstream_call_duration_seconds", help: "Time of an upstream call, retries included, by source", labelNames: ["source"] as const, buckets: LATENCY_BUCKETS });

export const jobSteps = () =>
  histogram({
    name: "pitwall_job_step_duration_seconds",
    help: "Time of one step of a job run by this instance's executor, by job and outcome",
    labelNames: ["job", "outcome"] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
  });
export const jobRunsFinished = () =>
  counter({ name: "pitwall_job_runs_finished_total", help: "Job runs this instance's executor finished, by job and status", labelNames: ["job", "status"] as const });

export const syncRuns = () => gauge({ name: "pitwall_sync_runs", help: "Sync runs recorded (every instance), by kind and status", labelNames: ["kind", "status"] as const });
export const queueDepth = () =>
  gauge({ name: "pitwall_executor_queue_depth", help: "Job runs waiting for the local executors (every instance), due now or later", labelNames: ["due"] as const });
export const queueLag = () => gauge({ name: "pitwall_executor_queue_lag_seconds", help: "How long the oldest due job run has waited for an executor" });
export const dbConnections = () => gauge({ name: "pitwall_db_connections", help: "This instance's database connections, by state", labelNames: ["state"] as const });
export const dbPoolMax = () => gauge({ name: "pitwall_db_pool_max", help: "This instance's database pool size" });

export function defineAllMetrics(): void {
  for (const define of [httpRequests, httpLatency, upstreamCalls, upstreamRetries, upstreamLatency, jobSteps, jobRunsFinished, syncRuns, queueDepth, queueLag, dbConnections, dbPoolMax]) {
    define();
  }
}
