import type { Sql } from "@/lib/db";

// Idempotent bulk writes: rows go in as one JSON parameter (jsonb_to_recordset), and a conflicting row is updated only
// when one of its columns differs, so a second run with the same upstream data writes nothing.

/** How a write went: rows inserted, rows whose columns changed, rows already as given. */
export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export const noWrites = (): WriteCounts => ({ created: 0, updated: 0, unchanged: 0 });

export function addCounts(into: WriteCounts, more: WriteCounts): WriteCounts {
  into.created += more.created;
  into.updated += more.updated;
  into.unchanged += more.unchanged;
  return into;
}

/** A table as the upsert sees it: its key columns and the other columns with their SQL types. Names are constants of this domain. */
export interface TableSpec {
  table: string;
  key: readonly string[];
  columns: Readonly<Record<string, string>>;
  /** Set to now() whenever a row is inserted or changed. */
  touch?: string;
}

/** Inserts or updates `rows` (objects keyed by column name); rows that match what is stored are left alone. */
export async function upsert(tx: Sql, spec: TableSpec, rows: readonly Record<string, unknown>[]): Promise<WriteCounts> {
  if (rows.length === 0) return noWrites();
  const names = Object.keys(spec.columns);
  const values = names.filter((name) => !spec.key.includes(name));
  const record = names.map((name) => `"${name}" ${spec.columns[name]}`).join(", ");
  const list = names.map((name) => `"${name}"`).join(", ");
  const touch = spec.touch ? `, "${spec.touch}" = now()` : "";
  const conflict =
    values.length === 0
      ? "do nothing"
      : `do update set ${values.map((name) => `"${name}" = excluded."${name}"`).join(", ")}${touch}
         where (${values.map((name) => `${spec.table}."${name}"`).join(", ")}) is distinct from (${values.map((name) => `excluded."${name}"`).join(", ")})`;
  const written = await tx.unsafe<{ created: boolean }[]>(
    `insert into ${spec.table} (${list}) select ${list} from jsonb_to_recordset($1::jsonb) as r(${record})
     on conflict (${spec.key.map((name) => `"${name}"`).join(", ")}) ${conflict}
     returning (xmax = 0) as created`,
    [JSON.stringify(rows)],
  );
  const created = written.filter((row) => row.created).length;
  return { created, updated: written.length - created, unchanged: rows.length - written.length };
}

/** Deletes the rows of `table` under `scope` (column = value) whose key is not among `keep`; returns how many. */
export async function deleteOthers(tx: Sql, table: string, scope: { column: string; values: readonly number[] }, keyColumns: readonly string[], keep: readonly unknown[][]): Promise<number> {
  if (scope.values.length === 0) return 0;
  const keys = keyColumns.map((name) => `"${name}"`).join(", ");
  const deleted = await tx.unsafe(
    `delete from ${table} where "${scope.column}" = any($1::int[])
       and (${keys}) not in (select ${keyColumns.map((_, i) => `(k->>${i})::int`).join(", ")} from jsonb_array_elements($2::jsonb) as k)`,
    [scope.values as number[], JSON.stringify(keep)],
  );
  return deleted.count;
}
