import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { openNoDelaySocket } from "./socket";

// The database layer knows how to connect, not where to: lib/db.ts reads the settings (lib/env.ts) and keeps the pool.

export type Database = PostgresJsDatabase;
export type Sql = postgres.Sql;

export interface Client {
  url: string;
  sql: Sql;
  db: Database;
}

/** A connection pool of `max` connections to `url`, with the query builder on top. */
export function connect(url: string, max: number, applicationName = "pitwall"): Client {
  // `socket` is a documented postgres.js option that its type declarations lack.
  const options: postgres.Options<Record<string, never>> & { socket: typeof openNoDelaySocket } = {
    max,
    onnotice: () => {},
    socket: openNoDelaySocket,
    connection: { application_name: applicationName },
  };
  const sql = postgres(url, options);
  return { url, sql, db: drizzle(sql, { casing: "snake_case" }) };
}
