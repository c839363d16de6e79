import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/database";

const folder = path.join(process.cwd(), "db/functions");

// The files in db/functions are the readable truth of the SQL functions; the migrations apply them. Here both must
// agree: the migrated definition of each function is the one its file creates.
describe("db/functions", () => {
  const database = useTestDatabase();

  it("holds the current text of every function the migrations define", async () => {
    const files = (await readdir(folder)).filter((file) => file.endsWith(".sql"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = await readFile(path.join(folder, file), "utf8");
      const name = /CREATE OR REPLACE FUNCTION (\w+)\(/.exec(text)?.[1];
      expect(name, `${file} defines a function`).toBe(path.basename(file, ".sql"));
      const definition = () => database.sql<{ text: string }[]>`select pg_get_functiondef(p.oid) as text from pg_proc p where p.proname = ${name!}`;
      const migrated = await definition();
      expect(migrated, `${name} exists once in the migrated database`).toHaveLength(1);
      // Created again from the file inside a transaction that is rolled back: the same definition, or the file is stale.
      const fromFile = await database.sql
        .begin(async (tx) => {
          await tx.unsafe(text);
          const [row] = await tx<{ text: string }[]>`select pg_get_functiondef(p.oid) as text from pg_proc p where p.proname = ${name!}`;
          throw Object.assign(new Error("rollback"), { definition: row?.text });
        })
        .catch((error: { definition?: string }) => error.definition);
      expect(fromFile, `db/functions/${file} matches the migrations`).toBe(migrated[0]!.text);
    }
  });

  it("lists every function of the migrated database that Pitwall owns", async () => {
    const owned = await database.sql<{ name: string }[]>`
      select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
      order by 1`;
    const files = (await readdir(folder)).filter((file) => file.endsWith(".sql")).map((file) => path.basename(file, ".sql"));
    expect(owned.map((row) => row.name)).toEqual(files.sort());
  });
});
