import { hasBearer } from "@/lib/api/auth";
import { env } from "@/lib/env";
import { defineAllMetrics } from "@/lib/metrics/catalogue";
import { collectDatabaseMetrics } from "@/lib/metrics/database";
import { metricsRegistry } from "@/lib/metrics/registry";

export const dynamic = "force-dynamic";

const text = (body: string, status: number, headers: Record<string, string> = {}) =>
  new Response(`${body}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers } });

/** Prometheus metrics of this instance (and the cluster-wide figures kept in Postgres), for a scraper holding METRICS_TOKEN. */
export async function GET(request: Request): Promise<Response> {
  const token = env().METRICS_TOKEN;
  if (!token) return text("Metrics are off: set METRICS_TOKEN and scrape /metrics with it as a bearer token.", 404);
  if (!hasBearer(request, token)) return text("Send `Authorization: Bearer <METRICS_TOKEN>`.", 401, { "WWW-Authenticate": 'Bearer realm="pitwall-metrics"' });
  defineAllMetrics();
  await collectDatabaseMetrics();
  const registry = metricsRegistry();
  return new Response(await registry.metrics(), { headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" } });
}
