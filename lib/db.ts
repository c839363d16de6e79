import { hostname } from "node:os";
import { connect, type Client, type Database, type Sql } from "@/db/client";
import { databaseUrl, env } from "./env";

export type { Database, Sql } from "@/db/client";

/** How this instance names its connections in Postgres (pg_stat_activity), so that its pool can be told apart. */
export const APPLICATION_NAME = `pitwall ${hostname()}:${process.pid}`.slice(0, 63);

// One pool per process: Next dev reloads modules, globalThis survives them.
const g = globalThis as unknown as { __pitwallClient?: Client };

function client(): Client {
  const url = databaseUrl();
  if (!g.__pitwallClient || g.__pitwallClient.url !== url) {
    void g.__pitwallClient?.sql.end({ timeout: 5 });
    g.__pitwallClient = connect(url, env().PITWALL_DB_POOL, APPLICATION_NAME);
  }
  return g.__pitwallClient;
}

/** The Drizzle query builder for the configured DATABASE_URL. */
export function db(): Database {
  return client().db;
}

/** The raw postgres.js client, for COPY, unnest bulk writes and LISTEN. */
export function sql(): Sql {
  return client().sql;
}

export async function closeDatabase(): Promise<void> {
  const current = g.__pitwallClient;
  g.__pitwallClient = undefined;
  await current?.sql.end({ timeout: 5 });
}
