import type { IncomingMessage, ServerResponse } from "node:http";
import { domains, type FastRoute } from "@/lib/domains";

/**
 * Every domain's hot endpoints by path, for the launcher's HTTP server: a request whose path is listed goes to its
 * route first, and to Next when the route declines it.
 */
export async function fastRoutes(): Promise<(req: IncomingMessage, res: ServerResponse) => boolean> {
  const byPath = new Map<string, FastRoute>();
  for (const domain of domains) for (const route of (await domain.fastRoutes?.()) ?? []) byPath.set(route.path, route);
  if (byPath.size === 0) return () => false;
  return (req, res) => {
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const route = byPath.get(query < 0 ? url : url.slice(0, query));
    return route ? route.serve(req, res) : false;
  };
}
