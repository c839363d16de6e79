import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError, decodeCursor, defineEndpoint, encodeCursor, handleEndpoint, handlePreflight, paginated, paginationQuery, toPage } from "@/lib/api";
import { clientOf, takeRequest } from "@/lib/api/rate-limit";
import { resetEnvCache } from "@/lib/env";
import { apiRequest, newClient, routeParams } from "./support";

const lap = z.object({ lap: z.number().int(), lapTimeMs: z.number().int() });

const lapsEndpoint = defineEndpoint({
  id: "test.laps",
  method: "GET",
  path: "/api/v1/test/drivers/{driverId}/laps",
  summary: "A driver's laps",
  tags: ["Test"],
  params: z.object({ driverId: z.coerce.number().int().positive() }),
  query: paginationQuery.extend({ track: z.enum(["spa", "monza"]).optional() }),
  response: paginated(lap),
  cache: { maxAge: 30, staleWhileRevalidate: 60 },
});

const laps = handleEndpoint(lapsEndpoint, ({ params, query }) => {
  if (params.driverId === 404) throw new ApiError(404, "not_found", "No driver 404");
  if (params.driverId === 500) throw new Error("connection to /var/secret/db refused");
  const rows = Array.from({ length: 3 }, (_, i) => ({ lap: i + 1, lapTimeMs: 83_000 + i + (query.track === "monza" ? 1 : 0) }));
  return toPage(rows, query.limit, (last) => ({ lap: last.lap }), (row) => row);
});

const get = (url: string, headers: Record<string, string> = {}, client?: string) => {
  const driverId = /drivers\/([^/]+)/.exec(url)?.[1] ?? "1";
  return laps(apiRequest(url, { headers }, client), routeParams({ driverId }));
};

const startEndpoint = defineEndpoint({
  id: "test.start",
  method: "POST",
  path: "/api/v1/test/syncs/{kind}",
  summary: "Start a sync",
  tags: ["Test"],
  params: z.object({ kind: z.enum(["raceroom.leaderboards"]) }),
  body: z.object({ full: z.boolean(), note: z.string().max(20).optional() }),
  response: z.object({ kind: z.string(), full: z.boolean() }),
  auth: "admin-token",
  successStatus: 202,
});

const start = handleEndpoint(startEndpoint, ({ params, body }) => ({ kind: params.kind, full: body.full }));

const post = (body: string, headers: Record<string, string> = {}, kind = "raceroom.leaderboards") =>
  start(apiRequest(`/api/v1/test/syncs/${kind}`, { method: "POST", body, headers: { "content-type": "application/json", ...headers } }), routeParams({ kind }));

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

describe("validation", () => {
  it("answers 400 with every problem listed, in plain words", async () => {
    const response = await get("/api/v1/test/drivers/abc/laps?limit=501&track=nurburgring");
    expect(response.status).toBe(400);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      error: {
        code: "invalid_request",
        message: 'Invalid request: params.driverId must be a number.',
        issues: [{ path: "params.driverId", message: "must be a number" }],
      },
    });
    const query = await (await get("/api/v1/test/drivers/1/laps?limit=501&track=nurburgring")).json();
    expect(query).toEqual({
      error: {
        code: "invalid_request",
        message: 'Invalid request: query.limit must be at most 500; query.track must be one of "spa", "monza".',
        issues: [
          { path: "query.limit", message: "must be at most 500" },
          { path: "query.track", message: 'must be one of "spa", "monza"' },
        ],
      },
    });
  });

  it("refuses unknown query parameters and treats empty values as absent", async () => {
    const typo = await (await get("/api/v1/test/drivers/1/laps?limt=10")).json();
    expect(typo.error.issues).toEqual([{ path: "query.limt", message: "is not a known parameter (known: limit, cursor, track)" }]);
    const empty = await get("/api/v1/test/drivers/1/laps?track=&limit=");
    expect(empty.status).toBe(200);
    expect((await empty.json()).page.limit).toBe(50);
    expect((await get("/api/v1/test/drivers/1/laps?limit=0")).status).toBe(400);
    expect((await (await get("/api/v1/test/drivers/1/laps?limit=2.5")).json()).error.issues).toEqual([
      { path: "query.limit", message: "must be a whole number" },
    ]);
  });

  it("validates a JSON body, and says so when it is not JSON", async () => {
    process.env.ADMIN_API_TOKEN = "a-long-enough-admin-token";
    resetEnvCache();
    const auth = { authorization: "Bearer a-long-enough-admin-token" };
    const notJson = await post("{full:", auth);
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.issues).toEqual([{ path: "body", message: "must be valid JSON" }]);
    const wrong = await (await post(JSON.stringify({ note: "x".repeat(21) }), auth)).json();
    expect(wrong.error.issues).toEqual([
      { path: "body.full", message: "is required" },
      { path: "body.note", message: "must be at most 20 characters long" },
    ]);
    const ok = await post(JSON.stringify({ full: true }), auth);
    expect(ok.status).toBe(202);
    expect(await ok.json()).toEqual({ kind: "raceroom.leaderboards", full: true });
  });
});

describe("errors", () => {
  it("answers an ApiError with its status and code", async () => {
    const response = await get("/api/v1/test/drivers/404/laps");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "No driver 404" } });
  });

  it("answers 500 without any detail of an unexpected error", async () => {
    const response = await get("/api/v1/test/drivers/500/laps");
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: "internal", message: "Internal error" } });
    expect(text).not.toContain("secret");
  });

  it("never lets out a response that breaks its contract, and drops fields the contract does not list", async () => {
    const leaky = defineEndpoint({ id: "test.leaky", method: "GET", path: "/api/v1/test/leaky", summary: "Leaky", tags: ["Test"], response: z.object({ name: z.string() }) });
    const extra = handleEndpoint(leaky, () => ({ name: "Lando", passwordHash: "x" }) as { name: string });
    expect(await (await extra(apiRequest("/api/v1/test/leaky"))).json()).toEqual({ name: "Lando" });
    const broken = handleEndpoint(leaky, () => ({ name: 4 }) as unknown as { name: string });
    const response = await broken(apiRequest("/api/v1/test/leaky"));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: "internal", message: "Internal error" } });
  });
});

describe("ETag and caching", () => {
  it("answers 304 to a matching If-None-Match, 200 otherwise", async () => {
    const first = await get("/api/v1/test/drivers/1/laps");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=30, stale-while-revalidate=60");

    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const again = await get("/api/v1/test/drivers/1/laps", { "if-none-match": ifNoneMatch });
      expect(again.status, ifNoneMatch).toBe(304);
      expect(await again.text()).toBe("");
      expect(again.headers.get("etag")).toBe(etag);
      expect(again.headers.get("cache-control")).toBe("public, max-age=30, stale-while-revalidate=60");
    }
    expect((await get("/api/v1/test/drivers/1/laps", { "if-none-match": '"stale"' })).status).toBe(200);
    const other = await get("/api/v1/test/drivers/1/laps?track=monza");
    expect(other.headers.get("etag")).not.toBe(etag);
  });

  it("defaults to no-cache (revalidate every time) and never caches admin endpoints", async () => {
    const plain = defineEndpoint({ id: "test.plain", method: "GET", path: "/api/v1/test/plain", summary: "Plain", tags: ["Test"], response: z.object({}) });
    const response = await handleEndpoint(plain, () => ({}))(apiRequest("/api/v1/test/plain"));
    expect(response.headers.get("cache-control")).toBe("no-cache");
    const admin = await post("{}");
    expect(admin.headers.get("cache-control")).toBe("no-store");
  });
});

describe("CORS", () => {
  it("opens public GET responses, errors and 304s included, to any origin", async () => {
    for (const response of [await get("/api/v1/test/drivers/1/laps"), await get("/api/v1/test/drivers/404/laps"), await get("/api/v1/test/drivers/1/laps?limit=x")]) {
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("access-control-expose-headers")).toBe("ETag, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After");
    }
  });

  it("answers the preflight of a public endpoint, and not for admin endpoints", async () => {
    const preflight = handlePreflight(lapsEndpoint)();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("If-None-Match");
    expect(handlePreflight(startEndpoint)().headers.get("access-control-allow-origin")).toBeNull();
    expect((await post("{}")).headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("rate limit", () => {
  it("counts per client and answers 429 with Retry-After after the limit", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "3";
    resetEnvCache();
    const client = newClient();
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await get("/api/v1/test/drivers/1/laps", {}, client);
      expect(response.status).toBe(200);
      expect(response.headers.get("ratelimit-limit")).toBe("3");
      remaining.push(response.headers.get("ratelimit-remaining"));
    }
    expect(remaining).toEqual(["2", "1", "0"]);
    const refused = await get("/api/v1/test/drivers/1/laps", {}, client);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(19);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(20);
    expect(refused.headers.get("access-control-allow-origin")).toBe("*");
    expect(await refused.json()).toEqual({
      error: { code: "rate_limited", message: expect.stringMatching(/^Too many requests: the limit is 3 a minute; retry after \d+ s\.$/) },
    });
    expect((await get("/api/v1/test/drivers/1/laps", {}, newClient())).status).toBe(200);
  });

  it("refills over the minute", () => {
    const client = newClient();
    const t0 = 1_000_000;
    for (let i = 0; i < 6; i++) expect(takeRequest(client, 6, t0).allowed).toBe(true);
    const refused = takeRequest(client, 6, t0);
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 10, resetSeconds: 60 });
    expect(takeRequest(client, 6, t0 + 9_999).allowed).toBe(false);
    expect(takeRequest(client, 6, t0 + 10_000)).toMatchObject({ allowed: true, remaining: 0 });
    expect(takeRequest(client, 6, t0 + 200_000)).toMatchObject({ allowed: true, remaining: 5, resetSeconds: 10 });
  });

  it("counts requests against the socket's address: forged forwarding headers choose no bucket", async () => {
    const peer = "203.0.113.50";
    const forged = (value: string) => apiRequest("/api/v1/test/drivers/1/laps", { headers: { "x-forwarded-for": value, "x-real-ip": value } }, peer);
    expect(clientOf(forged("198.51.100.7"))).toBe(peer);
    expect(clientOf(forged("198.51.100.8, 10.0.0.1"))).toBe(peer);
    process.env.API_RATE_LIMIT_PER_MINUTE = "3";
    resetEnvCache();
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await laps(forged(`198.51.100.${i}`), routeParams({ driverId: "1" }))).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});

describe("admin token", () => {
  it("is 401 when the server has no token configured, whatever is sent", async () => {
    delete process.env.ADMIN_API_TOKEN;
    resetEnvCache();
    const response = await post(JSON.stringify({ full: true }), { authorization: "Bearer anything-at-all-here" });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="pitwall"');
    expect((await response.json()).error.code).toBe("unauthorized");
  });

  it("is 401 for a missing or wrong token and passes the right one", async () => {
    process.env.ADMIN_API_TOKEN = "the-right-admin-token";
    resetEnvCache();
    const body = JSON.stringify({ full: false });
    expect((await post(body)).status).toBe(401);
    expect((await post(body, { authorization: "Bearer the-wrong-admin-token" })).status).toBe(401);
    expect((await post(body, { authorization: "Basic the-right-admin-token" })).status).toBe(401);
    expect((await post(body, { authorization: "Bearer the-right-admin-token" })).status).toBe(202);
  });

  it("checks the token before the input, so strangers learn nothing about it", async () => {
    process.env.ADMIN_API_TOKEN = "the-right-admin-token";
    resetEnvCache();
    expect((await post("not json", {}, "nope")).status).toBe(401);
  });
});

describe("cursors", () => {
  const position = z.object({ at: z.number().int(), id: z.uuid() });

  it("round-trip through an opaque base64url string", () => {
    const cursor = encodeCursor({ at: 1_793_000_000_123_456, id: "0b8a4c9e-5d0f-4f0e-9a53-3c1e2b7d9f10" });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, position)).toEqual({ at: 1_793_000_000_123_456, id: "0b8a4c9e-5d0f-4f0e-9a53-3c1e2b7d9f10" });
    expect(decodeCursor(undefined, position)).toBeUndefined();
  });

  it("reject anything they did not make with a 400 on query.cursor", () => {
    for (const bad of ["not a cursor!", Buffer.from("{nope").toString("base64url"), encodeCursor({ at: "yesterday" }), encodeCursor([1, 2])]) {
      let error: unknown;
      try {
        decodeCursor(bad, position);
      } catch (e) {
        error = e;
      }
      expect(error, bad).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(400);
      expect((error as ApiError).body.error.issues).toEqual([{ path: "query.cursor", message: "is not a cursor this endpoint gave out" }]);
    }
  });

  it("a page knows whether there is a next one from the extra row", () => {
    const rows = [1, 2, 3].map((lap) => ({ lap }));
    expect(toPage(rows, 3, (r) => r, (r) => r.lap)).toEqual({ data: [1, 2, 3], page: { limit: 3, nextCursor: null } });
    expect(toPage(rows, 2, (r) => r, (r) => r.lap)).toEqual({ data: [1, 2], page: { limit: 2, nextCursor: encodeCursor({ lap: 2 }) } });
  });
});
