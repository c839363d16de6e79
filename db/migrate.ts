import { readFile } from "node:fs/promises";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

// Any constant works; it only has to be the same for every Pitwall instance sharing a database.
const MIGRATION_LOCK = 7_041_946;

/** Applies pending migrations; safe when several app instances start at once (advisory lock). */
export async function runMigrations(url: string): Promise<{ applied: number; total: number }> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
    const before = await appliedCount(sql);
    await migrate(drizzle(sql), { migrationsFolder });
    const after = await appliedCount(sql);
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    return { applied: after - before, total: after };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function appliedCount(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ exists: boolean }[]>`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`;
  if (!row?.exists) return 0;
  const [count] = await sql<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`;
  return count?.n ?? 0;
}

/** Migrations shipped with this build versus those applied to the database. */
export async function migrationStatus(sql: postgres.Sql): Promise<{ expected: number; applied: number; current: boolean }> {
  const journal = JSON.parse(await readFile(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  const applied = await appliedCount(sql);
  return { expected: journal.entries.length, applied, current: applied === journal.entries.length };
}
