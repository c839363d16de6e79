import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { connect } from "@/db/client";
import { closeDatabase, type Database, type Sql } from "@/lib/db";
import { flushLedger } from "@/lib/http/ledger";
import { resetEnvCache } from "@/lib/env";

export interface TestDatabase {
  url: string;
  sql: Sql;
  db: Database;
}

/**
 * Gives the calling test file its own migrated database (a clone of the template) and points
 * DATABASE_URL at it, so application code under test uses it too. Dropped after the file.
 */
export function useTestDatabase(): TestDatabase {
  const handle = {} as TestDatabase;
  const templateUrl = inject("templateUrl");
  const name = `pitwall_t_${randomBytes(5).toString("hex")}`;
  const url = new URL(templateUrl);
  const template = url.pathname.slice(1);
  url.pathname = `/${name}`;
  let admin: Sql | undefined;

  beforeAll(async () => {
    admin = postgres(templateUrl.replace(`/${template}`, "/postgres"), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}" template "${template}"`);
    handle.url = url.toString();
    process.env.DATABASE_URL = handle.url;
    resetEnvCache();
    const client = connect(handle.url, 5);
    handle.sql = client.sql;
    handle.db = client.db;
  });

  afterAll(async () => {
    // Upstream calls made by the tests are written to the ledger in batches on a timer: written now, before the
    // database closes under them (a connection opened as it closed failed with CONNECTION_CLOSED).
    await flushLedger();
    await handle.sql?.end({ timeout: 5 });
    await closeDatabase();
    await admin?.unsafe(`drop database if exists "${name}" with (force)`);
    await admin?.end({ timeout: 5 });
  });

  return handle;
}
