/**
 * `npm run bench`: runs every benchmark in bench/ (each a plain tsx script printing its figures), one after
 * another so they do not compete for the CPU. Exits non-zero if any of them failed.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

const dir = path.dirname(new URL(import.meta.url).pathname);
const scripts = readdirSync(dir)
  .filter((name) => name.endsWith(".ts") && name !== "run.ts")
  .sort();

let failed = 0;
for (const script of scripts) {
  console.log(`\n=== bench/${script}`);
  // The react-server condition lets a bench load Pitwall's server-only read models, as the app's server bundle does.
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(dir, script)], { stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    failed += 1;
    console.error(`bench/${script} failed (exit ${result.status ?? result.signal})`);
  }
}
process.exit(failed > 0 ? 1 : 0);
