import { beforeAll, describe, expect, it } from "vitest";
import { GET as driverIndexGET } from "@/app/api/v1/raceroom/exports/driver_index.json/route";
import { GET as statusGET } from "@/app/api/v1/raceroom/exports/status.json/route";
import { GET as topGET } from "@/app/api/v1/raceroom/exports/top_combinations.json/route";
import { beginFullRefresh } from "@/lib/raceroom/generations";
import { apiRequest, DocumentChecker } from "../api/support";
import { useTestDatabase } from "../support/database";
import { ELODIE_INDEX_ENTRIES, EMPTY_STATUS, MONZA_GTR3_BOARD, TOP_COMBINATIONS } from "./export-fixtures";
import { fetched, MONZA_GTR3, refreshWith, RRR_GP_GTR3, useSmallCatalogue } from "./support";

const checker = new DocumentChecker();

const STATUS = "/api/v1/raceroom/exports/status.json";
const TOP = "/api/v1/raceroom/exports/top_combinations.json";
const INDEX = "/api/v1/raceroom/exports/driver_index.json";

// The original cache generator's keys, in its order: the files must carry exactly these.
const STATUS_KEYS = [
  "fetch_in_progress",
  "last_scrape_start",
  "last_scrape_end",
  "track_count",
  "total_drivers",
  "total_entries",
  "last_index_update",
  "index_build_time_ms",
];
const INDEX_ENTRY_KEYS = [
  "name",
  "position",
  "laptime",
  "time_diff",
  "country",
  "car",
  "car_class",
  "team",
  "rank",
  "difficulty",
  "track",
  "track_id",
  "class_id",
  "found",
  "total_entries",
];

async function documented(path: string, response: Response): Promise<Record<string, unknown>> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  return (await checker.expectDocumented("GET", path, response)) as Record<string, unknown>;
}

describe("RaceRoom export files over HTTP", () => {
  useTestDatabase();

  beforeAll(async () => {
    await useSmallCatalogue();
  });

  it("serves well-formed empty files before the first refresh", async () => {
    expect(await documented(STATUS, await statusGET(apiRequest(STATUS)))).toEqual(EMPTY_STATUS);
    expect(await documented(TOP, await topGET(apiRequest(TOP)))).toEqual({ count: 0, results: [] });
    const index = await driverIndexGET(apiRequest(INDEX));
    expect(index.headers.get("etag")).toBe('"generation-none"');
    expect(await documented(INDEX, index)).toEqual({});
  });

  describe("after a refresh", () => {
    let generationId = 0;

    beforeAll(async () => {
      generationId = await refreshWith([
        MONZA_GTR3_BOARD,
        fetched(RRR_GP_GTR3, [{ driverId: 4, name: '<img src=x onerror="alert(1)"> & "Co"', lapMs: 59_100 }]),
      ]);
    });

    it("status.json has the original keys, in order, with the live figures", async () => {
      const status = await documented(STATUS, await statusGET(apiRequest(STATUS)));
      expect(Object.keys(status)).toEqual(STATUS_KEYS);
      expect(status).toMatchObject({ fetch_in_progress: false, track_count: 2, total_drivers: 4, total_entries: 4 });
      expect(status.last_index_update).toBe(status.last_scrape_end);
      expect(Date.parse(String(status.last_scrape_start))).toBeLessThanOrEqual(Date.parse(String(status.last_scrape_end)));
    });

    it("top_combinations.json lists leaderboards by entries with ids as strings", async () => {
      expect(await documented(TOP, await topGET(apiRequest(TOP)))).toEqual(TOP_COMBINATIONS);
    });

    it("driver_index.json is streamed, keyed by lower-cased name, in the original entry shape", async () => {
      const response = await driverIndexGET(apiRequest(INDEX));
      expect(response.body).toBeInstanceOf(ReadableStream);
      expect(response.headers.get("etag")).toBe(`"generation-${generationId}"`);
      expect(response.headers.get("cache-control")).toBe("public, max-age=300");
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      const index = await documented(INDEX, response);
      expect(Object.keys(index).sort()).toEqual(['<img src=x onerror="alert(1)"> & "co"', "max mustermann", "élodie brünnhilde"]);
      for (const entries of Object.values(index) as Record<string, unknown>[][]) {
        for (const entry of entries) expect(Object.keys(entry)).toEqual(INDEX_ENTRY_KEYS);
      }
      // Namesakes share their key, as in the original file.
      expect((index["max mustermann"] as { name: string; laptime: string; time_diff: number }[]).map((e) => [e.name, e.laptime, e.time_diff])).toEqual([
        ["Max Mustermann", "1m 47.010s", 0.208],
        ["max mustermann", "1h 2m 05.190s", 3618.388],
      ]);
      expect(index["élodie brünnhilde"]).toEqual(ELODIE_INDEX_ENTRIES);
    });

    it("driver_index.json answers 304 for the generation it describes, and changes with the next one", async () => {
      const etag = `"generation-${generationId}"`;
      const cached = await driverIndexGET(apiRequest(INDEX, { headers: { "if-none-match": etag } }));
      expect(cached.status).toBe(304);
      expect(cached.body).toBeNull();
      expect(cached.headers.get("etag")).toBe(etag);

      const next = await refreshWith([fetched(MONZA_GTR3, [{ driverId: 1, name: "Élodie Brünnhilde", lapMs: 106_000 }])]);
      const fresh = await driverIndexGET(apiRequest(INDEX, { headers: { "if-none-match": etag } }));
      expect(fresh.status).toBe(200);
      expect(fresh.headers.get("etag")).toBe(`"generation-${next}"`);
      expect((await fresh.json())["élodie brünnhilde"][0].laptime).toBe("1m 46.000s");
    });

    it("status.json says when a full refresh is under way", async () => {
      await beginFullRefresh();
      expect(await documented(STATUS, await statusGET(apiRequest(STATUS)))).toMatchObject({ fetch_in_progress: true });
    });

    it("refuses unknown parameters with a 400", async () => {
      for (const [path, handler] of [
        [STATUS, statusGET],
        [TOP, topGET],
        [INDEX, driverIndexGET],
      ] as const) {
        const response = await handler(apiRequest(`${path}?v=2`));
        expect(response.status).toBe(400);
        const body = (await checker.expectDocumented("GET", path, response)) as { error: { code: string; message: string } };
        expect(body.error).toMatchObject({ code: "invalid_request", message: expect.stringContaining("query.v") });
      }
    });
  });
});
