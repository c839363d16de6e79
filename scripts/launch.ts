import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { chooseDatabase } from "./database";

/**
 * Starts the app (`next dev` or `next start`) with a database: DATABASE_URL when set, otherwise the
 * embedded Postgres. Stops what it started on SIGINT/SIGTERM. Migrations run inside the app at boot.
 */
export async function launch(mode: "dev" | "start", extraEnv: Record<string, string> = {}): Promise<number> {
  if (mode === "start" && !existsSync(path.join(".next", "BUILD_ID"))) {
    console.error("pitwall: no production build found: run `npm run build` first (or `npm run demo`).");
    return 1;
  }
  const choice = await chooseDatabase();
  console.log(`pitwall: database ${choice.description}`);

  const next = path.join("node_modules", ".bin", "next");
  const port = process.env.PORT ?? "3000";
  const child = spawn(next, [mode, "--port", port], {
    stdio: "inherit",
    env: { ...process.env, ...extraEnv, DATABASE_URL: choice.url, NEXT_TELEMETRY_DISABLED: "1" },
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    child.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));

  const code = await new Promise<number>((resolve) => child.once("exit", (c, s) => resolve(c ?? (s ? 0 : 1))));
  if (choice.embedded && !choice.embedded.reused) {
    await choice.embedded.stop();
    console.log("pitwall: embedded Postgres stopped");
  }
  return code;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("launch.ts")) {
  const mode = process.argv[2] === "dev" ? "dev" : "start";
  process.exit(await launch(mode));
}
