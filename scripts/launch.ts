import { existsSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { markPeer } from "@/lib/client-address";
import { observeRequest } from "@/lib/metrics/http";
import { fastRoutes } from "@/lib/site/fast-routes";
import { chooseDatabase } from "./database";

/**
 * Runs the app (Next in dev or production mode) in this process with a database: DATABASE_URL when set,
 * otherwise the embedded Postgres. One process, so `kill -9` leaves no orphaned web server behind; the
 * embedded Postgres runs detached and is reused by the next start. Migrations run at app boot.
 */
export interface LaunchOptions {
  env?: Record<string, string>;
  /** Called once the server listens, with its base URL. */
  onReady?: (baseUrl: string) => void | Promise<void>;
  onStop?: () => Promise<void>;
}

export async function launch(mode: "dev" | "start", options: LaunchOptions = {}): Promise<number> {
  const distDir = process.env.PITWALL_DIST_DIR ?? ".next";
  if (mode === "start" && !existsSync(path.join(distDir, "BUILD_ID"))) {
    console.error("pitwall: no production build found: run `npm run build` first (or `npm run demo`).");
    return 1;
  }
  const choice = await chooseDatabase();
  console.log(`pitwall: database ${choice.description}`);
  Object.assign(process.env, options.env, { DATABASE_URL: choice.url, NEXT_TELEMETRY_DISABLED: "1" });
  if (mode === "start") Object.assign(process.env, { NODE_ENV: "production" });

  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOSTNAME ?? "0.0.0.0";
  const app = next({ dev: mode === "dev", dir: process.cwd(), port, hostname: "localhost" });
  await app.prepare();
  const handle = app.getRequestHandler();
  // Hot endpoints (a domain's fastRoutes) are answered here, without the framework's per-request work.
  const fast = await fastRoutes();
  // Every request carries the socket's address in a header a client cannot set (lib/client-address.ts), and is counted.
  const server = createServer((req, res) => {
    markPeer(req);
    observeRequest(req, res);
    if (!fast(req, res)) void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, resolve);
  });
  console.log(`pitwall: ready on http://localhost:${port}`);
  await options.onReady?.(`http://127.0.0.1:${port}`);

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      console.log("pitwall: shutting down");
      server.close();
      server.closeAllConnections();
      await app.close().catch(() => {});
      await options.onStop?.();
      await choice.embedded?.stop();
      resolve(0);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

if (process.argv[1]?.endsWith(path.join("scripts", "launch.ts"))) {
  const mode = process.argv[2] === "dev" ? "dev" : "start";
  process.exit(await launch(mode));
}
