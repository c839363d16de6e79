import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { databaseUrl } from "@/lib/env";
import * as schema from "./schema";
import { openNoDelaySocket } from "./socket";

export type Database = PostgresJsDatabase<typeof schema>;
export type Sql = postgres.Sql;

interface Client {
  url: string;
  sql: Sql;
  db: Database;
}

// One pool per process: Next dev reloads modules, globalThis survives them.
const g = globalThis as unknown as { __pitwallClient?: Client };

export function connect(url: string, max = Number(process.env.PITWALL_DB_POOL ?? 10)): Client {
  // `socket` is a documented postgres.js option that its type declarations lack.
  const options: postgres.Options<Record<string, never>> & { socket: typeof openNoDelaySocket } = {
    max,
    onnotice: () => {},
    socket: openNoDelaySocket,
    connection: { application_name: "pitwall" },
  };
  const sql = postgres(url, options);
  return { url, sql, db: drizzle(sql, { schema, casing: "snake_case" }) };
}

function client(): Client {
  const url = databaseUrl();
  if (!g.__pitwallClient || g.__pitwallClient.url !== url) {
    void g.__pitwallClient?.sql.end({ timeout: 5 });
    g.__pitwallClient = connect(url);
  }
  return g.__pitwallClient;
}

/** The Drizzle database for the configured DATABASE_URL. */
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

export { schema };
