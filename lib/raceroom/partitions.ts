import type postgres from "postgres";

type Sql = postgres.Sql | postgres.TransactionSql;

/** The tables that hold one partition per generation. */
export type GenerationTable = "raceroom_entries" | "raceroom_drivers" | "raceroom_name_words";
const TABLES: GenerationTable[] = ["raceroom_entries", "raceroom_drivers", "raceroom_name_words"];

/** The tables in which a pending generation's comparison with the live one waits for its promotion (history.ts). */
export type ComparisonTable = "raceroom_changes" | "raceroom_bests";
const COMPARISONS: ComparisonTable[] = ["raceroom_changes", "raceroom_bests"];

function generationTable(table: GenerationTable | ComparisonTable, generationId: number): string {
  if (!Number.isSafeInteger(generationId) || generationId <= 0) throw new Error(`not a generation id: ${generationId}`);
  return `${table}_g${generationId}`;
}

export const partitionName = (table: GenerationTable, generationId: number) => generationTable(table, generationId);
export const comparisonName = (table: ComparisonTable, generationId: number) => generationTable(table, generationId);

/** A standalone table shaped like `table`, without indexes, so that bulk loading stays fast. */
async function createLoadTable(sql: Sql, table: GenerationTable, generationId: number): Promise<string> {
  const name = partitionName(table, generationId);
  await sql.unsafe(`CREATE TABLE IF NOT EXISTS "${name}" (LIKE ${table} INCLUDING DEFAULTS INCLUDING GENERATED)`);
  // The check lets ATTACH PARTITION skip its validation scan.
  await sql.unsafe(
    `DO $$ BEGIN
       ALTER TABLE "${name}" ADD CONSTRAINT "${name}_generation" CHECK (generation_id = ${generationId});
     EXCEPTION WHEN duplicate_object THEN NULL; END $$`,
  );
  return name;
}

/** Where a pending generation's entries are loaded (by COPY) until it is indexed and attached. */
export function createEntriesTable(sql: Sql, generationId: number): Promise<string> {
  return createLoadTable(sql, "raceroom_entries", generationId);
}

async function isAttached(sql: Sql, name: string, parent: GenerationTable): Promise<boolean> {
  const rows = await sql`
    select 1 from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where c.relname = ${name} and i.inhparent = ${parent}::regclass`;
  return rows.length > 0;
}

// A fully loaded generation's tables are made ready to serve in two steps, none of it visible yet (readers filter on
// the live generation), on two connections at a time (two cores' worth of work, each statement on one core). Promotion
// runs step 1, then step 2 beside its comparison with the live generation. Idempotent: every part is one transaction,
// skipped when its table is attached already.

/**
 * Step 1: the entries' indexes, each built in one pass, then the entries attached (their indexes become the parent's),
 * while the drivers table is loaded: one row per driver with entry count and best position.
 */
export async function indexGeneration(sql: postgres.Sql, generationId: number): Promise<void> {
  await Promise.all([indexEntries(sql, generationId).then(() => attachEntries(sql, generationId)), loadDrivers(sql, generationId)]);
}

/** Step 2: the drivers' search indexes while the lexicon of their name words is built for the fuzzy search, then the drivers attached. */
export async function finishGeneration(sql: postgres.Sql, generationId: number): Promise<void> {
  await Promise.all([indexDrivers(sql, generationId), buildWords(sql, generationId)]);
  await attachDrivers(sql, generationId);
}

/** Settings for one bulk statement: room to sort in memory, and no parallel workers (the other connection has the other core). */
async function bulkSettings(tx: postgres.TransactionSql): Promise<void> {
  await tx.unsafe(`SET LOCAL maintenance_work_mem = '256MB'`);
  await tx.unsafe(`SET LOCAL work_mem = '128MB'`);
  await tx.unsafe(`SET LOCAL max_parallel_workers_per_gather = 0`);
  await tx.unsafe(`SET LOCAL max_parallel_maintenance_workers = 0`);
}

async function indexEntries(sql: postgres.Sql, generationId: number): Promise<void> {
  const entries = partitionName("raceroom_entries", generationId);
  if (await isAttached(sql, entries, "raceroom_entries")) return;
  await sql.begin(async (tx) => {
    await bulkSettings(tx);
    await tx.unsafe(`CREATE UNIQUE INDEX IF NOT EXISTS "${entries}_pkey" ON "${entries}" (generation_id, layout_id, class_id, position)`);
    await tx.unsafe(`CREATE INDEX IF NOT EXISTS "${entries}_driver_leaderboard_idx" ON "${entries}" (generation_id, driver_id, layout_id, class_id)`);
  });
}

async function attachEntries(sql: postgres.Sql, generationId: number): Promise<void> {
  const entries = partitionName("raceroom_entries", generationId);
  if (await isAttached(sql, entries, "raceroom_entries")) return;
  await sql.begin(async (tx) => {
    await addPrimaryKey(tx, entries);
    await tx.unsafe(`ANALYZE "${entries}"`);
    await tx.unsafe(`ALTER TABLE raceroom_entries ATTACH PARTITION "${entries}" FOR VALUES IN (${generationId})`);
  });
}

/** The drivers table, loaded from the entries without indexes (built afterwards, in one pass each); loaded anew when not attached yet. */
async function loadDrivers(sql: postgres.Sql, generationId: number): Promise<void> {
  const entries = partitionName("raceroom_entries", generationId);
  const drivers = partitionName("raceroom_drivers", generationId);
  if (await isAttached(sql, drivers, "raceroom_drivers")) return;
  await sql.begin(async (tx) => {
    await bulkSettings(tx);
    await tx.unsafe(`DROP TABLE IF EXISTS "${drivers}"`);
    await createLoadTable(tx, "raceroom_drivers", generationId);
    // Popular: at least as many entries as the top 5 % of drivers. Recorded, so that changes to one leaderboard keep the rule.
    await tx.unsafe(
      `WITH agg AS (
         SELECT driver_id, min(driver_name) AS name, min(country_code) AS country_code, min(country_name) AS country_name,
                count(*)::int AS entry_count, min(position) AS best_position
         FROM "${entries}" GROUP BY driver_id
       ),
       threshold AS (SELECT greatest(2, percentile_disc(0.95) WITHIN GROUP (ORDER BY entry_count)) AS popular_from FROM agg),
       recorded AS (UPDATE raceroom_generations g SET popular_from = t.popular_from FROM threshold t WHERE g.id = ${generationId})
       INSERT INTO "${drivers}" (generation_id, id, name, country_code, country_name, entry_count, best_position, popular)
       SELECT ${generationId}, a.driver_id, a.name, a.country_code, a.country_name, a.entry_count, a.best_position,
              a.entry_count >= t.popular_from
       FROM agg a, threshold t`,
    );
  });
}

async function indexDrivers(sql: postgres.Sql, generationId: number): Promise<void> {
  const drivers = partitionName("raceroom_drivers", generationId);
  if (await isAttached(sql, drivers, "raceroom_drivers")) return;
  // CREATE INDEX lets the lexicon be built from the same table meanwhile; a primary key constraint would lock it out.
  await sql.begin(async (tx) => {
    await bulkSettings(tx);
    await tx.unsafe(`CREATE UNIQUE INDEX IF NOT EXISTS "${drivers}_pkey" ON "${drivers}" (generation_id, id)`);
    // The same definitions as the parent's indexes, so that ATTACH adopts them instead of building new ones.
    await tx.unsafe(`CREATE INDEX IF NOT EXISTS "${drivers}_search_prefix_idx" ON "${drivers}" USING btree (search_name text_pattern_ops)`);
    await tx.unsafe(`CREATE INDEX IF NOT EXISTS "${drivers}_popular_prefix_idx" ON "${drivers}" USING btree (search_name text_pattern_ops) WHERE popular`);
    await tx.unsafe(`CREATE INDEX IF NOT EXISTS "${drivers}_popular_trgm_idx" ON "${drivers}" USING gin (search_name gin_trgm_ops) WHERE popular`);
    await tx.unsafe(`CREATE INDEX IF NOT EXISTS "${drivers}_other_trgm_idx" ON "${drivers}" USING gin (search_name gin_trgm_ops) WHERE NOT popular`);
    await tx.unsafe(`ANALYZE "${drivers}"`);
  });
}

async function attachDrivers(sql: postgres.Sql, generationId: number): Promise<void> {
  const drivers = partitionName("raceroom_drivers", generationId);
  if (await isAttached(sql, drivers, "raceroom_drivers")) return;
  await sql.begin(async (tx) => {
    await addPrimaryKey(tx, drivers);
    await tx.unsafe(`ALTER TABLE raceroom_drivers ATTACH PARTITION "${drivers}" FOR VALUES IN (${generationId})`);
  });
}

/** Makes the unique index `<table>_pkey` the table's primary key (the parent's primary key needs one); done once. */
async function addPrimaryKey(tx: postgres.TransactionSql, table: string): Promise<void> {
  await tx.unsafe(
    `DO $$ BEGIN
       ALTER TABLE "${table}" ADD CONSTRAINT "${table}_pkey" PRIMARY KEY USING INDEX "${table}_pkey";
     EXCEPTION WHEN invalid_table_definition THEN NULL; END $$`,
  );
}

async function buildWords(sql: postgres.Sql, generationId: number): Promise<void> {
  const drivers = partitionName("raceroom_drivers", generationId);
  const words = partitionName("raceroom_name_words", generationId);
  if (await isAttached(sql, words, "raceroom_name_words")) return;
  await sql.begin(async (tx) => {
    await bulkSettings(tx);
    await tx.unsafe(`DROP TABLE IF EXISTS "${words}"`);
    await createLoadTable(tx, "raceroom_name_words", generationId);
    await tx.unsafe(
      `INSERT INTO "${words}" (generation_id, word, drivers)
       SELECT ${generationId}, w, count(*)::int FROM "${drivers}", regexp_split_to_table(search_name, '\\s+') w WHERE w <> '' GROUP BY w`,
    );
    await tx.unsafe(`ALTER TABLE "${words}" ADD CONSTRAINT "${words}_pkey" PRIMARY KEY (generation_id, word)`);
    await tx.unsafe(`CREATE INDEX "${words}_trgm_idx" ON "${words}" USING gin (word gin_trgm_ops)`);
    await tx.unsafe(`ANALYZE "${words}"`);
    await tx.unsafe(`ALTER TABLE raceroom_name_words ATTACH PARTITION "${words}" FOR VALUES IN (${generationId})`);
  });
}

/**
 * Removes a generation's partitions. An attached partition is detached CONCURRENTLY first, so that readers of the
 * live generation are never blocked; a detach interrupted half-way is finished.
 */
export async function dropGenerationTables(sql: postgres.Sql, generationId: number): Promise<void> {
  for (const table of TABLES) {
    const name = partitionName(table, generationId);
    const [state] = await sql<{ pending: boolean }[]>`
      select i.inhdetachpending as pending from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where c.relname = ${name} and i.inhparent = ${table}::regclass`;
    if (state?.pending) await sql.unsafe(`ALTER TABLE ${table} DETACH PARTITION "${name}" FINALIZE`);
    else if (state) await sql.unsafe(`ALTER TABLE ${table} DETACH PARTITION "${name}" CONCURRENTLY`);
    await sql.unsafe(`DROP TABLE IF EXISTS "${name}"`);
  }
  await dropComparison(sql, generationId);
}

/** Drops a generation's comparison tables (once promoted, or abandoned). */
export async function dropComparison(sql: postgres.Sql, generationId: number): Promise<void> {
  await sql.unsafe(`DROP TABLE IF EXISTS ${COMPARISONS.map((table) => `"${comparisonName(table, generationId)}"`).join(", ")}`);
}

/** Generations that still have a table of their own (attached or not, or a comparison). */
export async function partitionGenerations(sql: Sql): Promise<number[]> {
  const rows = await sql<{ name: string }[]>`
    select relname as name from pg_class where relkind = 'r' and relname ~ '^raceroom_(entries|drivers|name_words|changes|bests)_g[0-9]+$'`;
  const ids = new Set(rows.map((row) => Number(row.name.slice(row.name.lastIndexOf("_g") + 2))));
  return [...ids].sort((a, b) => a - b);
}
