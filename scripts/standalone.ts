/**
 * Runs after `next build` (npm's postbuild): completes Next's standalone output into the folder the production image
 * runs (.next/standalone): the static assets and public files Next leaves out, the migrations, and Pitwall's own entry
 * points bundled with esbuild (pitwall-server.mjs serves like `npm start`; pitwall-migrate.mjs applies migrations).
 */
import { existsSync } from "node:fs";
import { cp } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";

const distDir = process.env.PITWALL_DIST_DIR ?? ".next";
const out = path.join(distDir, "standalone");
if (!existsSync(out)) {
  console.error(`standalone: ${out} is missing (next.config.ts sets output: "standalone")`);
  process.exit(1);
}
await cp("public", path.join(out, "public"), { recursive: true });
await cp(path.join(distDir, "static"), path.join(out, distDir, "static"), { recursive: true });
await cp(path.join("db", "migrations"), path.join(out, "db", "migrations"), { recursive: true });
await build({
  entryPoints: { "pitwall-server": "scripts/standalone-server.ts", "pitwall-migrate": "scripts/standalone-migrate.ts" },
  outdir: out,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  // The packages the app itself loads from node_modules stay shared with it (one Next, one metrics registry, one pool).
  external: ["next", "prom-client", "postgres", "pino", "pino-pretty"],
  // Bundled CommonJS code may still call require().
  banner: { js: "import { createRequire as pitwallRequire } from 'node:module'; const require = pitwallRequire(import.meta.url);" },
  logLevel: "warning",
});
console.log(`standalone: ${out} ready (node ${path.join(out, "pitwall-server.mjs")})`);
