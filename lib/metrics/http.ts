import type { IncomingMessage, ServerResponse } from "node:http";
import { counter, histogram, LATENCY_BUCKETS } from "./registry";

const requests = () => counter({ name: "pitwall_http_requests_total", help: "HTTP requests answered, by route and status", labelNames: ["method", "route", "status"] as const });
const latency = () =>
  histogram({ name: "pitwall_http_request_duration_seconds", help: "Time to answer an HTTP request, by route", labelNames: ["method", "route"] as const, buckets: LATENCY_BUCKETS });

/**
 * A request path as a route: ids and other variable segments become placeholders, so that the label has a bounded
 * number of values (`/raceroom/drivers/4890333` -> `/raceroom/drivers/:id`). Next's own assets are one route.
 */
export function routeOf(path: string): string {
  const pathname = path.split("?")[0] ?? "/";
  if (pathname.startsWith("/_next/")) return "/_next/*";
  return pathname
    .split("/")
    .map((segment) => (/^\d+$/.test(segment) ? ":id" : /^[0-9a-f-]{36}$/i.test(segment) ? ":uuid" : segment.length > 40 ? ":value" : segment))
    .join("/");
}

/** Counts a request and its answer time once the response is sent (call from the HTTP server, before Next). */
export function observeRequest(req: IncomingMessage, res: ServerResponse): void {
  const started = performance.now();
  res.once("finish", () => {
    const route = routeOf(req.url ?? "/");
    const method = req.method ?? "GET";
    requests().inc({ method, route, status: String(res.statusCode) });
    latency().observe({ method, route }, (performance.now() - started) / 1000);
  });
}
