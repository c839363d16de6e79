import { createServer } from "node:http";
import next from "next";
import type { NextConfig } from "next";
import { markPeer } from "@/lib/client-address";
import { observeRequest } from "@/lib/metrics/http";
import { fastRoutes } from "@/lib/site/fast-routes";

export interface ServeOptions {
  dev: boolean;
  /** The app's directory: the checkout, or the standalone build's folder. */
  dir: string;
  port: number;
  hostname: string;
  /** The build's own config (a standalone build has no next.config.ts to read). */
  conf?: NextConfig;
}

export interface RunningApp {
  close(): Promise<void>;
}

/**
 * Next behind Pitwall's own HTTP server, the one way Pitwall is served (`npm start`, the demo, the standalone image):
 * every request carries the socket's address in a header a client cannot set (lib/client-address.ts), and is counted.
 */
export async function serveNext(options: ServeOptions): Promise<RunningApp> {
  const app = next({ dev: options.dev, dir: options.dir, port: options.port, hostname: "localhost", conf: options.conf });
  await app.prepare();
  const handle = app.getRequestHandler();
  // Hot endpoints (a domain's fastRoutes) are answered here, without the framework's per-request work.
  const fast = await fastRoutes();
  const server = createServer((req, res) => {
    markPeer(req);
    observeRequest(req, res);
    if (!fast(req, res)) void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, resolve);
  });
  return {
    close: async () => {
      server.close();
      server.closeAllConnections();
      await app.close().catch(() => {});
    },
  };
}
