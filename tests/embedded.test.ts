import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres, stopEmbeddedPostgres } from "@/db/embedded";

async function query(url: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ n: number }[]>`select 41 + 1 as n`;
    return row?.n ?? 0;
  } finally {
    await sql.end();
  }
}

describe("embedded Postgres", () => {
  let checkoutParent: string;
  let dataDir: string;
  let port: number;

  beforeAll(async () => {
    // A checkout inside a directory closed to others (mkdtemp makes it 0700), as `git clone . "$(mktemp -d)"` does:
    // as root, the postgres user must still reach the cluster.
    checkoutParent = await mkdtemp(path.join(tmpdir(), "pitwall-embedded-"));
    dataDir = path.join(checkoutParent, "checkout", ".data");
    port = await freePort();
  });

  afterAll(async () => {
    await stopEmbeddedPostgres(path.join(dataDir, "postgres"));
    await rm(checkoutParent, { recursive: true, force: true });
  });

  it("initialises a cluster, serves queries and keeps data across restarts", async () => {
    const first = await startEmbeddedPostgres({ dataDir, port });
    expect(first.reused).toBe(false);
    const sql = postgres(first.url, { max: 1, onnotice: () => {} });
    await sql`create table lap (n int)`;
    await sql`insert into lap values (7)`;
    await sql.end();
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir, port });
    const again = postgres(second.url, { max: 1, onnotice: () => {} });
    const [row] = await again<{ n: number }[]>`select n from lap`;
    await again.end();
    expect(row?.n).toBe(7);
  });

  it("reuses a server that is already running on the data directory", async () => {
    const reused = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    expect(reused.reused).toBe(true);
    expect(reused.port).toBe(port);
    expect(await query(reused.url)).toBe(42);
  });

  it("recovers from a stale postmaster.pid left by a crash", async () => {
    const cluster = path.join(dataDir, "postgres");
    const lock = await readFile(path.join(cluster, "postmaster.pid"), "utf8");
    await stopEmbeddedPostgres(cluster);
    // What a crashed server leaves: the lock file naming a process that no longer exists.
    const lines = lock.split("\n");
    lines[0] = "999999";
    await writeFile(path.join(cluster, "postmaster.pid"), lines.join("\n"));
    const server = await startEmbeddedPostgres({ dataDir, port });
    expect(server.reused).toBe(false);
    expect(await query(server.url)).toBe(42);
  });
});
