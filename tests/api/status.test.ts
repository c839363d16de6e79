import { describe, expect, it } from "vitest";
import { GET, OPTIONS } from "@/app/api/v1/status/route";
import { sections } from "@/lib/site/sections";
import { useTestDatabase } from "../support/database";
import { apiRequest, DocumentChecker } from "./support";

interface Status {
  sections: { slug: string; hasData: boolean; lastSuccessfulSync: unknown; runningSync: unknown }[];
}

describe("GET /api/v1/status", () => {
  const database = useTestDatabase();
  const checker = new DocumentChecker();
  const status = async () => (await checker.expectDocumented("GET", "/api/v1/status", await GET(apiRequest("/api/v1/status")))) as Status;

  it("lists every section, saying when nothing has synced yet", async () => {
    const body = await status();
    expect(body.sections.map((s) => s.slug)).toEqual(sections.map((s) => s.slug));
    for (const section of body.sections) expect(section).toMatchObject({ lastSuccessfulSync: null, runningSync: null });
  });

  it("shows the last successful sync and the one running now", async () => {
    await database.sql`
      insert into sync_runs (kind, trigger, status, progress_done, progress_total, queued_at, started_at, ended_at, error) values
        ('raceroom.full-refresh', 'cron', 'succeeded', 186, 186, '2026-11-01 10:00+00', '2026-11-01 10:00:01+00', '2026-11-01 10:04:00+00', null),
        ('raceroom.full-refresh', 'cron', 'succeeded', 186, 186, '2026-11-01 11:00+00', '2026-11-01 11:00:01+00', '2026-11-01 11:03:30.5+00', null),
        ('raceroom.full-refresh', 'cron', 'failed', 3, 186, '2026-11-01 12:00+00', '2026-11-01 12:00:01+00', '2026-11-01 12:00:09+00', 'boom'),
        ('raceroom.full-refresh', 'admin', 'running', 42, null, '2026-11-01 13:00+00', '2026-11-01 13:00:01+00', null, null)`;
    const raceroom = (await status()).sections.find((s) => s.slug === "raceroom");
    expect(raceroom?.lastSuccessfulSync).toEqual({
      kind: "raceroom.full-refresh",
      status: "succeeded",
      startedAt: "2026-11-01T11:00:01.000Z",
      endedAt: "2026-11-01T11:03:30.500Z",
      progress: { done: 186, total: 186 },
    });
    expect(raceroom?.runningSync).toEqual({
      kind: "raceroom.full-refresh",
      status: "running",
      startedAt: "2026-11-01T13:00:01.000Z",
      endedAt: null,
      progress: { done: 42, total: null },
    });
  });

  it("carries the API headers and answers 304 while nothing changed", async () => {
    const first = await GET(apiRequest("/api/v1/status"));
    expect(first.headers.get("cache-control")).toBe("public, max-age=5");
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    const again = await GET(apiRequest("/api/v1/status", { headers: { "if-none-match": first.headers.get("etag")! } }));
    expect(again.status).toBe(304);
    expect(OPTIONS().headers.get("access-control-allow-origin")).toBe("*");
  });
});
