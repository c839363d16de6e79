import type { IncomingMessage } from "node:http";
import { env } from "./env";

/**
 * The socket's address, set by Pitwall's own HTTP server for every request (scripts/launch.ts), overwriting any value a
 * client sent: the one address a client cannot choose. Next keeps an X-Forwarded-For that the client sent, so that
 * header alone proves nothing.
 */
export const PEER_HEADER = "x-pitwall-peer";

/** Marks a request with the address of the socket it came on (call before Next sees the request). */
export function markPeer(req: IncomingMessage): void {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "unknown";
}

/**
 * Who a request counts against, for the API and login limits alike. With TRUSTED_PROXY_HOPS = 0 (Pitwall reached
 * directly) it is the socket's address, whatever the headers say. With N trusted proxies in front, each appending the
 * address it saw to X-Forwarded-For, it is the address the outermost of them saw: the Nth entry from the right of
 * X-Forwarded-For followed by the socket's address. Entries further left are the client's own words and are ignored.
 */
export function clientAddress(headers: Headers, hops: number = env().TRUSTED_PROXY_HOPS): string {
  const peer = headers.get(PEER_HEADER)?.trim() || "unknown";
  if (hops === 0) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  return chain[chain.length - 1 - hops] ?? chain[0]!;
}
