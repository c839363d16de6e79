import { beforeAll, describe, expect, it } from "vitest";
import { GET as searchGET } from "@/app/api/v1/raceroom/drivers/route";
import { GET as driverGET } from "@/app/api/v1/raceroom/drivers/[driverId]/route";
import { GET as boardGET } from "@/app/api/v1/raceroom/leaderboards/[layoutId]/[classId]/route";
import { GET as topLeaderboardsGET } from "@/app/api/v1/raceroom/leaderboards/route";
import { GET as movedGET } from "@/app/api/v1/raceroom/combinations/route";
import { GET as statusGET } from "@/app/api/v1/raceroom/status/route";
import { beginFullRefresh } from "@/lib/raceroom/generations";
import { apiRequest, DocumentChecker, routeParams } from "../api/support";
import { useTestDatabase } from "../support/database";
import { fetched, MONZA_GTR1, MONZA_GTR3, refreshWith, RRR_GP_GTR3, useSmallCatalogue } from "./support";

const checker = new DocumentChecker();

const SEARCH = "/api/v1/raceroom/drivers";
const DRIVER = "/api/v1/raceroom/drivers/{driverId}";
const LEADERBOARD = "/api/v1/raceroom/leaderboards/{layoutId}/{classId}";
const LEADERBOARDS = "/api/v1/raceroom/leaderboards";
const STATUS = "/api/v1/raceroom/status";

interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}
interface Page<T> {
  data: T[];
  page: { limit: number; nextCursor: string | null };
}
interface BoardBody extends Page<{ position: number; driverName: string; carName: string; difficulty: string | null; gapMs: number }> {
  leaderboard: { generationId: number; total: number; filteredTotal: number; trackName: string; className: string; recordLapTimeMs: number | null };
}

async function documented<T>(path: string, response: Response, status = 200): Promise<T> {
  expect(response.status).toBe(status);
  return (await checker.expectDocumented("GET", path, response)) as T;
}

const search = (query: string) => searchGET(apiRequest(`${SEARCH}${query}`));
const driver = (driverId: string) => driverGET(apiRequest(`${SEARCH}/${driverId}`), routeParams({ driverId }));
const leaderboard = (layoutId: number | string, classId: number | string, query = "") =>
  boardGET(apiRequest(`/api/v1/raceroom/leaderboards/${layoutId}/${classId}${query}`), routeParams({ layoutId: String(layoutId), classId: String(classId) }));
const leaderboards = (query = "") => topLeaderboardsGET(apiRequest(`${LEADERBOARDS}${query}`));

describe("RaceRoom JSON API", () => {
  useTestDatabase();

  beforeAll(async () => {
    await useSmallCatalogue();
  });

  it("answers with empty data before the first refresh", async () => {
    expect(await documented(STATUS, await statusGET(apiRequest(STATUS)))).toEqual({ live: null, running: null, lastIncrementalAt: null });
    expect(await documented(SEARCH, await search("?q=max"))).toEqual({ query: "max", data: [] });
    expect(await documented(LEADERBOARDS, await leaderboards())).toEqual({ data: [], page: { limit: 50, nextCursor: null } });
    await documented(LEADERBOARD, await leaderboard(1671, 1703), 404);
  });

  describe("with a live refresh", () => {
    beforeAll(async () => {
      await refreshWith([
        fetched(MONZA_GTR3, [
          { driverId: 1, name: "Élodie Brünnhilde", lapMs: 106_802, country: "fr" },
          { driverId: 2, name: "Max Mustermann", lapMs: 107_010, car: "Audi R8 LMS Ultra" },
          { driverId: 3, name: "Max Mustermann", lapMs: 107_500, difficulty: "Novice" },
          { driverId: 4, name: "<script>alert(1)</script> & Co", lapMs: 108_000, difficulty: "Amateur" },
          { driverId: 5, name: "Maximilian Rossi", lapMs: 109_250 },
        ]),
        fetched(RRR_GP_GTR3, [{ driverId: 2, name: "Max Mustermann", lapMs: 59_100 }]),
        fetched(MONZA_GTR1, [
          { driverId: 5, name: "Maximilian Rossi", lapMs: 105_000, car: "Saleen S7R" },
          { driverId: 1, name: "Élodie Brünnhilde", lapMs: 105_300, car: "Saleen S7R", country: "fr" },
        ]),
      ]);
    });

    it("searches partial, accent-free names and keeps namesakes apart", async () => {
      const body = await documented<{ query: string; data: { driverId: number; name: string; entryCount: number; bestPosition: number; match: string }[] }>(
        SEARCH,
        await search("?q=%20%20MAX%20%20mustermann%20"),
      );
      expect(body.query).toBe("MAX mustermann");
      expect(body.data.map((h) => [h.driverId, h.name, h.entryCount, h.bestPosition, h.match])).toEqual([
        [2, "Max Mustermann", 2, 1, "exact"],
        [3, "Max Mustermann", 1, 3, "exact"],
      ]);
      const accents = await documented<{ data: { driverId: number }[] }>(SEARCH, await search("?q=elodie"));
      expect(accents.data.map((h) => h.driverId)).toEqual([1]);
      const limited = await documented<{ data: unknown[] }>(SEARCH, await search("?q=ma&limit=1"));
      expect(limited.data).toHaveLength(1);
      const xss = await documented<{ data: { name: string }[] }>(SEARCH, await search(`?q=${encodeURIComponent("<script>")}`));
      expect(xss.data.map((h) => h.name)).toEqual(["<script>alert(1)</script> & Co"]);
    });

    it("gives a driver's results across leaderboards and their personal-best history", async () => {
      const body = await documented<{
        driver: { id: number; name: string; entryCount: number };
        results: { layoutId: number; classId: number; position: number; total: number; gapMs: number; percentOfRecord: number }[];
        personalBests: { layoutId: number; classId: number; points: { lapTimeMs: number }[] }[];
      }>(DRIVER, await driver("1"));
      expect(body.driver).toMatchObject({ id: 1, name: "Élodie Brünnhilde", entryCount: 2 });
      expect(body.results.map((r) => [r.layoutId, r.classId, r.position, r.total, r.gapMs])).toEqual([
        [1671, 1703, 1, 5, 0],
        [1671, 1687, 2, 2, 300],
      ]);
      expect(body.results[1]!.percentOfRecord).toBeCloseTo((105_000 / 105_300) * 100, 2);
      expect(body.personalBests.map((h) => [h.layoutId, h.classId, h.points.map((p) => p.lapTimeMs)])).toEqual(
        expect.arrayContaining([
          [1671, 1703, [106_802]],
          [1671, 1687, [105_300]],
        ]),
      );
      await documented(DRIVER, await driver("999"), 404);
    });

    it("pages through a leaderboard with cursors, under filters", async () => {
      const first = await documented<BoardBody>(LEADERBOARD, await leaderboard(1671, 1703, "?limit=2"));
      expect(first.leaderboard).toMatchObject({ trackName: "Monza Circuit", className: "GTR 3", total: 5, filteredTotal: 5, recordLapTimeMs: 106_802 });
      expect(first.data.map((e) => e.position)).toEqual([1, 2]);
      expect(first.page).toMatchObject({ limit: 2, nextCursor: expect.any(String) });
      const second = await documented<BoardBody>(LEADERBOARD, await leaderboard(1671, 1703, `?limit=2&cursor=${first.page.nextCursor}`));
      expect(second.data.map((e) => [e.position, e.gapMs])).toEqual([
        [3, 698],
        [4, 1198],
      ]);
      const last = await documented<BoardBody>(LEADERBOARD, await leaderboard(1671, 1703, `?limit=2&cursor=${second.page.nextCursor}`));
      expect(last.data.map((e) => e.position)).toEqual([5]);
      expect(last.page.nextCursor).toBeNull();

      const amateur = await documented<BoardBody>(LEADERBOARD, await leaderboard(1671, 1703, "?difficulty=Amateur"));
      expect(amateur.leaderboard.filteredTotal).toBe(1);
      expect(amateur.data.map((e) => e.driverName)).toEqual(["<script>alert(1)</script> & Co"]);
      const audi = await documented<BoardBody>(LEADERBOARD, await leaderboard(1671, 1703, "?carId=2037"));
      expect(audi.data.map((e) => [e.position, e.carName])).toEqual([[2, "Audi R8 LMS Ultra"]]);
    });

    it("lists the leaderboards with the most entries, page by page and by class", async () => {
      const first = await documented<Page<{ layoutId: number; classId: number; entryCount: number; leader: { name: string } | null }>>(
        LEADERBOARDS,
        await leaderboards("?limit=2"),
      );
      expect(first.data.map((c) => [c.layoutId, c.classId, c.entryCount, c.leader?.name])).toEqual([
        [1671, 1703, 5, "Élodie Brünnhilde"],
        [1671, 1687, 2, "Maximilian Rossi"],
      ]);
      const rest = await documented<Page<{ layoutId: number }>>(LEADERBOARDS, await leaderboards(`?limit=2&cursor=${first.page.nextCursor}`));
      expect(rest.data.map((c) => c.layoutId)).toEqual([263]);
      expect(rest.page.nextCursor).toBeNull();
      const gtr1 = await documented<Page<{ classId: number }>>(LEADERBOARDS, await leaderboards("?classId=1687"));
      expect(gtr1.data.map((c) => c.classId)).toEqual([1687]);
      const raceway = await documented<Page<{ layoutId: number }>>(LEADERBOARDS, await leaderboards("?trackId=262"));
      expect(raceway.data.map((c) => c.layoutId)).toEqual([263]);
    });

    it("refuses bad parameters with a 400 that names them", async () => {
      const cases: [string, Promise<Response>, string][] = [
        [SEARCH, search(""), "query.q"],
        [SEARCH, search(`?q=${"x".repeat(81)}`), "query.q"],
        [SEARCH, search("?q=max&limit=101"), "query.limit"],
        [SEARCH, search("?q=max&page=2"), "query.page"],
        [DRIVER, driver("abc"), "params.driverId"],
        [DRIVER, driver("-1"), "params.driverId"],
        [LEADERBOARD, leaderboard(1671, 1703, "?limit=501"), "query.limit"],
        [LEADERBOARD, leaderboard(1671, 1703, "?difficulty=Hard"), "query.difficulty"],
        [LEADERBOARD, leaderboard(1671, 1703, "?cursor=not-ours"), "query.cursor"],
        [LEADERBOARD, leaderboard("x", 1703), "params.layoutId"],
        [LEADERBOARDS, leaderboards("?classId=gt3"), "query.classId"],
      ];
      for (const [path, call, parameter] of cases) {
        const body = await documented<ErrorBody>(path, await call, 400);
        expect(body.error.code).toBe("invalid_request");
        expect(body.error.issues?.map((i) => i.path)).toContain(parameter);
        expect(body.error.message).toContain(parameter);
      }
      await documented(LEADERBOARD, await leaderboard(1671, 9999), 404);
    });

    it("answers 304 while nothing changed, and 409 for a cursor of an older refresh", async () => {
      const first = await leaderboard(1671, 1703, "?limit=2");
      const etag = first.headers.get("etag")!;
      const cursor = ((await first.json()) as BoardBody).page.nextCursor;
      const again = await boardGET(
        apiRequest("/api/v1/raceroom/leaderboards/1671/1703?limit=2", { headers: { "if-none-match": etag } }),
        routeParams({ layoutId: "1671", classId: "1703" }),
      );
      expect(again.status).toBe(304);

      await refreshWith([fetched(MONZA_GTR3, [{ driverId: 9, name: "New Leader", lapMs: 100_000 }])]);
      const stale = await documented<ErrorBody>(LEADERBOARD, await leaderboard(1671, 1703, `?limit=2&cursor=${cursor}`), 409);
      expect(stale.error.code).toBe("stale_cursor");
    });

    it("shows a full refresh under way next to the live data", async () => {
      const { generationId } = await beginFullRefresh();
      const status = await documented<{ live: { entries: number }; running: { generationId: number; leaderboardsDone: number; leaderboardsTotal: number } }>(
        STATUS,
        await statusGET(apiRequest(STATUS)),
      );
      // The last refresh replaced Monza GTR 3 with one entry and kept the other two leaderboards (their fetches came back empty).
      expect(status.live.entries).toBe(4);
      expect(status.running).toMatchObject({ generationId, leaderboardsDone: 0, leaderboardsTotal: 6 });
    });
  });
  it("sends clients of the old list address to the new one, with their query", () => {
    const response = movedGET(apiRequest("/api/v1/raceroom/combinations?trackId=1670&limit=5"));
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe("/api/v1/raceroom/leaderboards?trackId=1670&limit=5");
  });
});
