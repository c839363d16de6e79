import path from "node:path";
import postgres from "postgres";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/db/embedded";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

export interface DatabaseChoice {
  url: string;
  embedded?: EmbeddedServer;
  description: string;
}

/** DATABASE_URL when set; otherwise the embedded Postgres under PITWALL_DATA_DIR, with a `pitwall` database. */
export async function chooseDatabase(): Promise<DatabaseChoice> {
  const config = env();
  if (config.DATABASE_URL) {
    const u = new URL(config.DATABASE_URL);
    return { url: config.DATABASE_URL, description: `DATABASE_URL (${u.hostname}:${u.port || 5432}${u.pathname})` };
  }
  const dataDir = path.resolve(config.PITWALL_DATA_DIR);
  const log = logger("db.embedded");
  const embedded = await startEmbeddedPostgres({
    dataDir,
    port: config.PITWALL_PG_PORT,
    onWarning: (message, details) => log.warn(details, message),
  });
  const url = await ensureDatabase(embedded.url, "pitwall");
  const how = embedded.reused ? "reused running" : "started";
  return {
    url,
    embedded,
    description: `embedded Postgres (${how}) at 127.0.0.1:${embedded.port}, data in ${path.join(dataDir, "postgres")}`,
  };
}

/** Creates the named database on the server if it is missing and returns its URL. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!row) await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
