import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as syncsGET } from "@/app/api/v1/syncs/route";
import { ApiRequestError, endpointUrl, fetchEndpoint } from "@/lib/api/fetcher";
import { syncsEndpoint } from "@/lib/api/platform-contract";
import { leaderboardEndpoint } from "@/lib/raceroom/api-contract";
import { useTestDatabase } from "../support/database";

// The browser's fetcher over real HTTP: a server that hands each request to the route handler, as Next does.
describe("fetchEndpoint", () => {
  const database = useTestDatabase();
  let server: Server;
  let origin = "";

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const response = await syncsGET(new Request(`http://127.0.0.1${req.url}`, { headers: req.headers as Record<string, string> }));
      res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("returns the answer parsed by the endpoint's own schema", async () => {
    await database.sql`insert into sync_runs (kind, trigger, status) values ('platform.selftest', 'admin', 'queued')`;
    const page = await fetchEndpoint(syncsEndpoint, { origin, query: { limit: 5, kind: "platform.selftest" } });
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({ kind: "platform.selftest", status: "queued", trigger: "admin" });
    expect(page.page).toEqual({ limit: 5, nextCursor: null });
  });

  it("turns the error envelope into an ApiRequestError with the issues", async () => {
    const failure = await fetchEndpoint(syncsEndpoint, { origin, query: { limit: 0 } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiRequestError);
    expect(failure).toMatchObject({ status: 400, code: "invalid_request", issues: [{ path: "query.limit", message: "must be at least 1" }] });
  });

  it("fills path parameters and leaves out empty query values", () => {
    expect(endpointUrl(leaderboardEndpoint, { layoutId: 1671, classId: 1703 }, { limit: 50, cursor: undefined, difficulty: "" })).toBe(
      "/api/v1/raceroom/leaderboards/1671/1703?limit=50",
    );
  });
});
