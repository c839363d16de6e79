import type postgres from "postgres";

type Sql = postgres.Sql | postgres.TransactionSql;

/** Each generation's entries live in their own partition of raceroom_entries. */
export function partitionName(generationId: number): string {
  if (!Number.isSafeInteger(generationId) || generationId <= 0) throw new Error(`not a generation id: ${generationId}`);
  return `raceroom_entries_g${generationId}`;
}

/** A standalone table shaped like raceroom_entries, without indexes, so that bulk loading stays fast. */
export async function createLoadTable(sql: Sql, generationId: number): Promise<void> {
  const table = partitionName(generationId);
  await sql.unsafe(`CREATE TABLE IF NOT EXISTS "${table}" (LIKE raceroom_entries INCLUDING DEFAULTS)`);
  // The check lets ATTACH PARTITION skip its validation scan.
  await sql.unsafe(
    `DO $$ BEGIN
       ALTER TABLE "${table}" ADD CONSTRAINT "${table}_generation" CHECK (generation_id = ${generationId});
     EXCEPTION WHEN duplicate_object THEN NULL; END $$`,
  );
}

async function isAttached(sql: Sql, table: string): Promise<boolean> {
  const rows = await sql`
    select 1 from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where c.relname = ${table} and i.inhparent = 'raceroom_entries'::regclass`;
  return rows.length > 0;
}

/** Builds the partition's indexes in one pass each and attaches it (its indexes become the parent's). Idempotent. */
export async function indexAndAttach(sql: postgres.Sql, generationId: number): Promise<void> {
  const table = partitionName(generationId);
  if (await isAttached(sql, table)) return;
  await sql.begin(async (tx) => {
    await tx.unsafe(`SET LOCAL maintenance_work_mem = '256MB'`);
    await tx.unsafe(
      `DO $$ BEGIN
         ALTER TABLE "${table}" ADD CONSTRAINT "${table}_pkey" PRIMARY KEY (generation_id, layout_id, class_id, position);
       EXCEPTION WHEN invalid_table_definition THEN NULL; END $$`,
    );
    await tx.unsafe(`CREATE INDEX IF NOT EXISTS "${table}_driver_idx" ON "${table}" (generation_id, driver_id)`);
    await tx.unsafe(`ANALYZE "${table}"`);
    await tx.unsafe(`ALTER TABLE raceroom_entries ATTACH PARTITION "${table}" FOR VALUES IN (${generationId})`);
  });
}

/**
 * Removes a generation's entries. An attached partition is detached CONCURRENTLY first, so that readers of the
 * live generation are never blocked; a detach interrupted half-way is finished.
 */
export async function dropPartition(sql: postgres.Sql, generationId: number): Promise<void> {
  const table = partitionName(generationId);
  const [state] = await sql<{ pending: boolean }[]>`
    select i.inhdetachpending as pending from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where c.relname = ${table} and i.inhparent = 'raceroom_entries'::regclass`;
  if (state?.pending) await sql.unsafe(`ALTER TABLE raceroom_entries DETACH PARTITION "${table}" FINALIZE`);
  else if (state) await sql.unsafe(`ALTER TABLE raceroom_entries DETACH PARTITION "${table}" CONCURRENTLY`);
  await sql.unsafe(`DROP TABLE IF EXISTS "${table}"`);
}

/** Generations that still have an entries table (attached or not). */
export async function partitionGenerations(sql: Sql): Promise<number[]> {
  const rows = await sql<{ name: string }[]>`
    select relname as name from pg_class where relkind = 'r' and relname ~ '^raceroom_entries_g[0-9]+$'`;
  return rows.map((row) => Number(row.name.slice("raceroom_entries_g".length))).sort((a, b) => a - b);
}
