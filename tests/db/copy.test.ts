import type postgres from "postgres";
import { describe, expect, it } from "vitest";
import { copyBinary } from "@/db/copy";
import { useTestDatabase } from "../support/database";

interface Row {
  id: number;
  big: number | null;
  label: string | null;
  at: Date | null;
}

describe("binary COPY", () => {
  const database = useTestDatabase();

  it("round-trips integers, text and timestamps, NULLs and values larger than a chunk", async () => {
    const { sql } = database;
    await sql`create table copied (id int4 primary key, big int8, label text, at timestamptz)`;
    const huge = "é".repeat(700_000); // 1.4 MB of UTF-8: more than one chunk
    const rows: Row[] = [
      { id: 1, big: 0, label: "", at: new Date("2000-01-01T00:00:00.000Z") },
      { id: -2_147_483_648, big: Number.MAX_SAFE_INTEGER, label: "Tab\tNew\nline \\N 🏁 <b>", at: new Date("1999-12-31T23:59:59.999Z") },
      { id: 2_147_483_647, big: -Number.MAX_SAFE_INTEGER, label: "Алексей 佐藤", at: new Date("2026-11-28T13:45:01.123Z") },
      { id: 4, big: null, label: null, at: null },
      { id: 5, big: 4_294_967_296, label: huge, at: new Date(Number.NaN) },
      ...Array.from({ length: 30_000 }, (_, i) => ({ id: 10 + i, big: i * 1_000_003, label: `driver ${i}`, at: new Date(1_600_000_000_000 + i) })),
    ];
    await copyBinary(sql, "copied", ["id", "big", "label", "at"], rows, (out, row) => {
      out.row(4);
      out.int4(row.id);
      if (row.big === null) out.null();
      else out.int8(row.big);
      out.textOrNull(row.label);
      out.timestamptzOrNull(row.at);
    });

    const stored = await sql<{ id: number; big: string | null; label: string | null; at: string | null }[]>`
      select id, big::text as big, label, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') as at from copied order by id`;
    expect(stored).toHaveLength(rows.length);
    const byId = new Map(stored.map((row) => [row.id, row]));
    for (const row of rows) {
      const got = byId.get(row.id)!;
      expect(got.big).toBe(row.big === null ? null : String(row.big));
      expect(got.label).toBe(row.label);
      const valid = row.at !== null && Number.isFinite(row.at.getTime());
      expect(got.at).toBe(valid ? row.at!.toISOString().slice(0, 23) : null);
    }
  });

  it("fails, rolls back and frees its connection when the server refuses a row after the last chunk", async () => {
    const { sql } = database;
    await sql`create table refused (id int4 primary key)`;
    const copyIds = (tx: postgres.Sql | postgres.TransactionSql, ids: number[]) =>
      copyBinary(tx, "refused", ["id"], ids, (out, id) => {
        out.row(1);
        out.int4(id);
      });
    await expect(copyIds(sql, [1, 2, 2, 3])).rejects.toThrow(/duplicate key/);
    await expect(
      sql.begin(async (tx) => {
        await tx`insert into refused values (100)`;
        await copyIds(tx, [4, 4]);
      }),
    ).rejects.toThrow(/duplicate key/);
    const [count] = await sql<{ n: number }[]>`select count(*)::int as n from refused`;
    expect(count!.n).toBe(0);
    const aborted = await sql`select 1 from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`;
    expect(aborted).toHaveLength(0);
    await copyIds(sql, [7, 8]);
    expect((await sql`select id from refused order by id`).map((r) => r.id)).toEqual([7, 8]);
  });
});
