import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { apiCalls } from "@/db/schema/platform";
import { callFilterSchema, listCalls, sourceTotals } from "@/lib/http/ledger-queries";
import { useTestDatabase } from "../support/database";

describe("API ledger queries", () => {
  const database = useTestDatabase();
  const base = Date.now() - 60_000;
  const at = (seconds: number) => new Date(base + seconds * 1_000);

  beforeAll(async () => {
    const raceroom = { source: "raceroom", endpoint: "leaderboard/listing", status: 200, bytes: 1_000 };
    const iracing = { source: "iracing", endpoint: "series/get", status: 200, bytes: 500 };
    await database.db.insert(apiCalls).values([
      // raceroom: 10 upstream calls lasting 10..100 ms, 2 of them failed, plus 2 cache hits.
      ...Array.from({ length: 10 }, (_, i) => ({ ...raceroom, at: at(i), durationMs: (i + 1) * 10, retries: i < 2 ? 3 : 0 })),
      { ...raceroom, at: at(10), durationMs: 1, cacheHit: true },
      { ...raceroom, at: at(11), durationMs: 1, cacheHit: true },
      // iracing reports headroom; the newest report is the one shown.
      { ...iracing, at: at(20), durationMs: 40, rateLimitRemaining: 200, rateLimitLimit: 240 },
      { ...iracing, at: at(21), durationMs: 60, rateLimitRemaining: 180, rateLimitLimit: 240 },
      { ...iracing, at: at(22), durationMs: 50, status: 503, error: "HTTP 503" },
      // Before the period asked for.
      { ...iracing, at: new Date(base - 3_600_000), durationMs: 9_999 },
    ]);
    await database.sql`update api_calls set error = 'HTTP 500', status = 500 where source = 'raceroom' and retries = 3`;
  });

  it("sums calls, errors, cache hits, durations and headroom per source", async () => {
    const totals = await sourceTotals({ since: new Date(base - 1_000) });
    expect(totals.map((t) => t.source)).toEqual(["iracing", "raceroom"]);
    const [iracing, raceroom] = totals;

    expect(raceroom).toMatchObject({ calls: 12, upstreamCalls: 10, errors: 2, cacheHits: 2, retries: 6, bytes: 12_000 });
    expect(raceroom?.errorRate).toBeCloseTo(0.2);
    expect(raceroom?.cacheHitRate).toBeCloseTo(2 / 12);
    // Durations of the upstream calls only: 10, 20, ..., 100 ms.
    expect(raceroom?.medianMs).toBeCloseTo(55);
    expect(raceroom?.p95Ms).toBeCloseTo(95.5);
    expect(raceroom).toMatchObject({ rateLimitRemaining: null, rateLimitLimit: null });
    expect(raceroom?.lastCallAt.getTime()).toBe(at(11).getTime());

    expect(iracing).toMatchObject({ calls: 3, errors: 1, cacheHits: 0, rateLimitRemaining: 180, rateLimitLimit: 240, medianMs: 50 });
    expect(iracing?.errorRate).toBeCloseTo(1 / 3);
  });

  it("filters the call list by source, status and endpoint, newest first", async () => {
    const errors = await listCalls({ status: "error", limit: 50 });
    expect(errors.calls.map((call) => call.error)).toEqual(["HTTP 503", "HTTP 500", "HTTP 500"]);

    const ok = await listCalls({ source: "iracing", status: "ok", limit: 50 });
    expect(ok.calls.map((call) => call.durationMs)).toEqual([60, 40, 9_999]);

    const recent = await listCalls({ source: "iracing", since: new Date(base), limit: 50 });
    expect(recent.calls).toHaveLength(3);

    const byEndpoint = await listCalls({ endpoint: "series/get", limit: 50 });
    expect(byEndpoint.calls.every((call) => call.source === "iracing")).toBe(true);
  });

  it("pages through every call once with the cursor", async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await listCalls({ source: "raceroom", limit: 5, cursor });
      seen.push(...page.calls.map((call) => call.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
  });

  it("accepts URL search params and refuses a forged cursor", async () => {
    const page = await listCalls(callFilterSchema.parse({ source: "raceroom", limit: "3", since: new Date(base - 1_000).toISOString() }));
    expect(page.calls).toHaveLength(3);
    await expect(listCalls({ limit: 10, cursor: "not-a-cursor" })).rejects.toBeInstanceOf(ZodError);
    await expect(listCalls({ limit: 10_000 })).rejects.toBeInstanceOf(ZodError);
  });
});
