import { setTimeout as sleep } from "node:timers/promises";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { apiCalls, httpCache } from "@/db/schema/platform";
import { resetEnvCache } from "@/lib/env";
import { cacheOrFetch, flushLedger, pruneLedger } from "@/lib/http";
import { startSimulator, type Simulator } from "@/sim/server";
import { useTestDatabase } from "../support/database";
import { arrivals, ledgerRows, probeClient } from "./support";

const probeSchema = z.object({ size: z.number(), items: z.array(z.object({ id: z.number() })) });

describe("response cache and ledger pruning", () => {
  const database = useTestDatabase();
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator();
  });

  afterAll(async () => {
    await sim.close();
  });

  /** A fetcher that counts its calls and returns a new value each time. */
  function counter() {
    let calls = 0;
    return {
      fetch: async () => ({ lap: ++calls }),
      get calls() {
        return calls;
      },
    };
  }

  it("fetches on a miss, serves a hit from Postgres, and records the hit in the ledger", async () => {
    const client = probeClient(sim, { source: "cached" });
    const fetcher = () => client.getJson("/json", { query: { size: 2 }, schema: probeSchema, endpoint: "probe/json" });
    const first = await cacheOrFetch("probe:json:2", 60, fetcher, { source: "cached", endpoint: "probe/json" });
    const second = await cacheOrFetch("probe:json:2", 60, fetcher, { source: "cached", endpoint: "probe/json" });
    expect(second).toEqual(first);
    expect(arrivals(sim)).toHaveLength(1);

    const rows = await ledgerRows(database, "cached");
    expect(rows.map((row) => [row.endpoint, row.cacheHit, row.status])).toEqual([
      ["probe/json", false, 200],
      ["probe/json", true, 200],
    ]);
    expect(rows[1]?.bytes).toBe(JSON.stringify(first).length);
  });

  it("bypasses the cached copy with refresh: true and stores the fresh one", async () => {
    const lap = counter();
    await cacheOrFetch("refresh", 60, lap.fetch, { source: "refresh" });
    await expect(cacheOrFetch("refresh", 60, lap.fetch, { source: "refresh", refresh: true })).resolves.toEqual({ lap: 2 });
    await expect(cacheOrFetch("refresh", 60, lap.fetch, { source: "refresh" })).resolves.toEqual({ lap: 2 });
    expect(lap.calls).toBe(2);
  });

  it("fetches again once the entry has expired", async () => {
    const lap = counter();
    await cacheOrFetch("expiring", 0.3, lap.fetch, { source: "expiry" });
    await expect(cacheOrFetch("expiring", 0.3, lap.fetch, { source: "expiry" })).resolves.toEqual({ lap: 1 });
    await sleep(400);
    await expect(cacheOrFetch("expiring", 0.3, lap.fetch, { source: "expiry" })).resolves.toEqual({ lap: 2 });
    const [entry] = await database.db.select().from(httpCache).where(eq(httpCache.key, "expiring"));
    expect(entry?.body).toBe('{"lap":2}');
    expect(entry!.expiresAt.getTime()).toBeGreaterThan(entry!.fetchedAt.getTime());
  });

  it("refetches a cached value that no longer has the expected shape", async () => {
    await cacheOrFetch("shape", 60, async () => ({ lap: "one" }), { source: "shape" });
    const value = await cacheOrFetch("shape", 60, async () => ({ lap: 1 }), { source: "shape", schema: z.object({ lap: z.number() }) });
    expect(value).toEqual({ lap: 1 });
  });

  it("shares one fetch between concurrent misses of a key", async () => {
    const lap = counter();
    const slow = async () => {
      await sleep(50);
      return lap.fetch();
    };
    const values = await Promise.all([1, 2, 3].map(() => cacheOrFetch("together", 60, slow, { source: "together" })));
    expect(values).toEqual([{ lap: 1 }, { lap: 1 }, { lap: 1 }]);
    expect(lap.calls).toBe(1);
  });

  it("does not cache a failed fetch", async () => {
    await expect(cacheOrFetch("failing", 60, () => Promise.reject(new Error("upstream down")), { source: "failing" })).rejects.toThrow("upstream down");
    const lap = counter();
    await expect(cacheOrFetch("failing", 60, lap.fetch, { source: "failing" })).resolves.toEqual({ lap: 1 });
  });

  it("prunes ledger rows past retention and expired cache entries, and returns the counts", async () => {
    await flushLedger(); // cache hits of the tests above
    await database.sql`delete from api_calls`;
    await database.sql`delete from http_cache`;
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    const row = { source: "prune", endpoint: "laps", durationMs: 5 };
    await database.db.insert(apiCalls).values([
      { ...row, at: daysAgo(45) },
      { ...row, at: daysAgo(31) },
      { ...row, at: daysAgo(10) },
      { ...row, at: daysAgo(0) },
    ]);
    await database.sql`insert into http_cache (key, source, body, status, expires_at) values
      ('stale', 'prune', '{}', 200, now() - interval '1 minute'), ('fresh', 'prune', '{}', 200, now() + interval '1 hour')`;

    await expect(pruneLedger(30)).resolves.toEqual({ callsDeleted: 2, cacheEntriesDeleted: 1 });
    const left = await database.sql<{ key: string }[]>`select key from http_cache`;
    expect(left.map((entry) => entry.key)).toEqual(["fresh"]);

    // Without an argument the retention comes from API_LEDGER_RETENTION_DAYS.
    process.env.API_LEDGER_RETENTION_DAYS = "7";
    resetEnvCache();
    try {
      await expect(pruneLedger()).resolves.toEqual({ callsDeleted: 1, cacheEntriesDeleted: 0 });
    } finally {
      delete process.env.API_LEDGER_RETENTION_DAYS;
      resetEnvCache();
    }
    const [total] = await database.sql<{ count: number }[]>`select count(*)::int as count from api_calls`;
    expect(total?.count).toBe(1);
  });
});
