import type { IncomingMessage, ServerResponse } from "node:http";
import { httpLatency, httpRequests } from "./catalogue";

const REMEMBERED_PATHS = 10_000;
const routeByPath = new Map<string, string>();

/**
 * A request path as a route: ids and other variable segments become placeholders, so that the label has a bounded
 * number of values (`/raceroom/drivers/4890333` -> `/raceroom/drivers/:id`). Next's own assets are one route.
 */
export function routeOf(path: string): string {
  const query = path.indexOf("?");
  const pathname = query < 0 ? path : path.slice(0, query);
  // Remembered per path: the same few paths take most requests, and the hottest answer in well under a millisecond.
  let route = routeByPath.get(pathname);
  if (route !== undefined) return route;
  route = pathname.startsWith("/_next/")
    ? "/_next/*"
    : pathname
        .split("/")
        .map((segment) => (/^\d+$/.test(segment) ? ":id" : /^[0-9a-f-]{36}$/i.test(segment) ? ":uuid" : segment.length > 40 ? ":value" : segment))
        .join("/");
  if (routeByPath.size >= REMEMBERED_PATHS) routeByPath.clear();
  routeByPath.set(pathname, route);
  return route;
}

/** Counts a request and its answer time once the response is sent (call from the HTTP server, before Next). */
export function observeRequest(req: IncomingMessage, res: ServerResponse): void {
  const started = performance.now();
  res.once("finish", () => {
    const route = routeOf(req.url ?? "/");
    const method = req.method ?? "GET";
    httpRequests().inc({ method, route, status: String(res.statusCode) });
    httpLatency().observe({ method, route }, (performance.now() - started) / 1000);
  });
}
