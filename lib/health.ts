import { sql } from "@/lib/db";
import { migrationStatus } from "@/db/migrate";
import { startedAt } from "./boot";
import { jobRunnerMode } from "./env";
import { log } from "./log";
import packageJson from "../package.json" with { type: "json" };

export interface HealthReport {
  ok: boolean;
  version: string;
  uptimeSeconds: number;
  database: { reachable: boolean; latencyMs?: number };
  migrations: { current: boolean; applied: number; expected: number } | null;
  jobRunner: string;
}

export async function health(): Promise<HealthReport> {
  const started = performance.now();
  let database: HealthReport["database"];
  let migrations: HealthReport["migrations"] = null;
  try {
    await sql()`select 1`;
    database = { reachable: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
    migrations = await migrationStatus(sql());
  } catch (error) {
    // The reason goes to the log: the public answer says no more than that the database is out of reach.
    log.error({ err: error }, "health check: database unreachable");
    database = { reachable: false };
  }
  return {
    ok: database.reachable && (migrations?.current ?? false),
    version: packageJson.version,
    uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    database,
    migrations,
    jobRunner: jobRunnerMode(),
  };
}
