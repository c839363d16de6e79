import { beforeAll, describe, expect, it } from "vitest";
import { GET, OPTIONS } from "@/app/api/v1/syncs/route";
import { encodeCursor } from "@/lib/api";
import { useTestDatabase } from "../support/database";
import { apiRequest, DocumentChecker, newClient } from "./support";

interface Page {
  data: { id: string; kind: string; status: string; queuedAt: string }[];
  page: { limit: number; nextCursor: string | null };
}

const kinds = ["raceroom.leaderboards", "iracing.series", "f1.sessions"];
const statuses = ["queued", "running", "succeeded", "failed", "cancelled"];

describe("GET /api/v1/syncs", () => {
  const database = useTestDatabase();
  const checker = new DocumentChecker();
  const client = newClient();
  const list = (query = "", headers: Record<string, string> = {}) => GET(apiRequest(`/api/v1/syncs${query}`, { headers }, client));

  /** Every id in the order the API must give them: newest first, ties broken by id. */
  let expected: { id: string; kind: string; status: string }[] = [];

  beforeAll(async () => {
    // 140 runs: groups of four share one queued_at (ties), and times differ by microseconds, below what a JS Date keeps.
    await database.sql`
      insert into sync_runs (kind, trigger, status, progress_done, progress_total, current_item, fetched, created, queued_at, started_at, ended_at, error)
      select (array['raceroom.leaderboards', 'iracing.series', 'f1.sessions'])[1 + i % 3],
             (array['cron', 'admin', 'api'])[1 + i % 3],
             (array['queued', 'running', 'succeeded', 'failed', 'cancelled'])[1 + i % 5],
             i, case when i % 2 = 0 then 200 end, case when i % 5 = 1 then 'layout ' || i end, i * 3, i,
             timestamptz '2026-11-01 12:00:00.000001+00' + (i / 4) * interval '7 microseconds',
             case when i % 5 > 0 then timestamptz '2026-11-01 12:00:01+00' end,
             case when i % 5 > 1 then timestamptz '2026-11-01 12:05:00+00' end,
             case when i % 5 = 3 then 'upstream said: token sk-secret-123 expired' end
      from generate_series(0, 139) as i`;
    expected = await database.sql`select id, kind, status from sync_runs order by queued_at desc, id desc`;
  });

  async function walk(query: string, limit: number): Promise<Page["data"]> {
    const seen: Page["data"] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 1000; pages++) {
      const response = await list(`?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ""}`);
      expect(response.status).toBe(200);
      const body = (await checker.expectDocumented("GET", "/api/v1/syncs", response)) as Page;
      expect(body.data.length).toBeLessThanOrEqual(limit);
      seen.push(...body.data);
      cursor = body.page.nextCursor;
      if (!cursor) return seen;
    }
    throw new Error("pagination never ended");
  }

  it("walks every run exactly once, newest first, whatever the page size", async () => {
    for (const limit of [1, 7, 10, 139, 140, 500]) {
      const ids = (await walk("", limit)).map((r) => r.id);
      expect(ids, `limit ${limit}`).toEqual(expected.map((r) => r.id));
    }
  });

  it("filters by kind and status, and pages through the filtered list", async () => {
    const failedF1 = await walk("&kind=f1.sessions&status=failed", 3);
    expect(failedF1.map((r) => r.id)).toEqual(expected.filter((r) => r.kind === "f1.sessions" && r.status === "failed").map((r) => r.id));
    expect(failedF1.length).toBeGreaterThan(3);
    expect(await walk("&kind=nothing.here", 50)).toEqual([]);
  });

  it("answers with the documented shape, counts and progress, and no error text", async () => {
    const response = await list("?limit=500");
    const text = await response.clone().text();
    expect(text).not.toContain("sk-secret");
    expect(text).not.toMatch(/"error"/);
    const body = (await checker.expectDocumented("GET", "/api/v1/syncs", response)) as Page;
    expect(body.page).toEqual({ limit: 500, nextCursor: null });
    const oldest = body.data.at(-1)!;
    expect(oldest).toEqual({
      id: expect.any(String),
      kind: expect.stringMatching(new RegExp(`^(${kinds.join("|")})$`)),
      trigger: expect.any(String),
      status: expect.stringMatching(new RegExp(`^(${statuses.join("|")})$`)),
      progress: { done: expect.any(Number), total: expect.toBeOneOf([200, null]), currentItem: expect.toBeOneOf([expect.any(String), null]) },
      counts: { fetched: expect.any(Number), created: expect.any(Number), updated: 0, unchanged: 0, skipped: 0, failed: 0 },
      queuedAt: "2026-11-01T12:00:00.000Z",
      startedAt: expect.toBeOneOf([expect.any(String), null]),
      endedAt: expect.toBeOneOf([expect.any(String), null]),
    });
  });

  it("answers 400 to a bad limit, status or cursor", async () => {
    const cases: [string, string][] = [
      ["?limit=501", "query.limit must be at most 500"],
      ["?limit=0", "query.limit must be at least 1"],
      ["?status=done", 'query.status must be one of "queued", "running", "succeeded", "failed", "cancelled"'],
      ["?cursor=%25%25%25", "query.cursor is not a cursor this endpoint gave out"],
      [`?cursor=${encodeCursor({ at: "2026-11-01", id: 7 })}`, "query.cursor is not a cursor this endpoint gave out"],
      ["?page=2", "query.page is not a known parameter"],
    ];
    for (const [query, message] of cases) {
      const response = await list(query);
      expect(response.status, query).toBe(400);
      const body = (await checker.expectDocumented("GET", "/api/v1/syncs", response)) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("invalid_request");
      expect(body.error.message, query).toContain(message);
    }
  });

  it("answers 304 while the list is unchanged and a new ETag once it changes", async () => {
    const first = await list("?limit=5");
    const etag = first.headers.get("etag")!;
    expect((await list("?limit=5", { "if-none-match": etag })).status).toBe(304);
    await database.sql`update sync_runs set progress_done = progress_done + 1 where id = ${expected[0]!.id}`;
    const changed = await list("?limit=5", { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("is open to other origins, preflight included", async () => {
    const response = await list();
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("public, max-age=5");
    expect(response.headers.get("ratelimit-limit")).toBe("600");
    const preflight = OPTIONS();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
  });
});
