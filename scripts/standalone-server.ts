/**
 * The production image's entry (bundled into .next/standalone/pitwall-server.mjs by scripts/standalone.ts): the
 * standalone build served like `npm start`, without the embedded Postgres (DATABASE_URL is required). Next's own
 * standalone server.js would let clients choose their address (see scripts/serve.ts), so it is not used.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";
import { serveNext } from "./serve";

const dir = path.dirname(process.argv[1] ?? ".");
process.chdir(dir);
if (!process.env.DATABASE_URL) {
  console.error("pitwall: DATABASE_URL is required (postgres://…)");
  process.exit(1);
}
const distDir = process.env.PITWALL_DIST_DIR ?? ".next";
const { config } = JSON.parse(readFileSync(path.join(dir, distDir, "required-server-files.json"), "utf8")) as { config: NextConfig };
// Next's standalone mode reads its build config from here instead of a next.config file.
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
Object.assign(process.env, { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const app = await serveNext({ dev: false, dir, port, hostname, conf: config });
console.log(`pitwall: ready on http://${hostname}:${port}`);
const stop = () => {
  console.log("pitwall: shutting down");
  void app.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
