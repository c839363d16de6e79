import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineEndpoint, handleEndpoint, paginated, paginationQuery, type RouteHandler } from "@/lib/api";
import { openApiDocument } from "@/lib/api/openapi";
import type { ParameterObject } from "@/lib/api/openapi-types";
import type { MovedHandler } from "@/lib/api/moved";
import { apiEndpoints, apiTags } from "@/lib/api/registry";
import { apiReference } from "@/lib/api/reference";
import { parameterType, schemaText } from "@/lib/api/schema-text";
import { GET } from "@/app/api/v1/openapi.json/route";
import { apiRequest, DocumentChecker, ORIGIN } from "./support";

const root = path.resolve(__dirname, "../..");
const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** `/api/v1/raceroom/drivers/{driverId}` is served by `app/api/v1/raceroom/drivers/[driverId]/route.ts`. */
const routeFileOf = (apiPath: string) => path.join(root, "app", apiPath.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");

/** Every endpoint's route file; the catch-all that answers unknown paths with a JSON 404 is not an endpoint. */
function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name === "route.ts" && !entry.parentPath.includes("[..."))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

async function validate(document: unknown) {
  const result = await new Validator().validate(document as Record<string, unknown>);
  return result;
}

const lapsEndpoint = defineEndpoint({
  id: "test.laps",
  method: "GET",
  path: "/api/v1/test/drivers/{driverId}/laps",
  summary: "A driver's laps",
  tags: ["Test"],
  params: z.object({ driverId: z.coerce.number().int().positive().describe("The driver's user id") }),
  query: paginationQuery.extend({ track: z.string().optional().describe("Only laps on this track") }),
  response: paginated(z.object({ lapTimeMs: z.number().int() }).meta({ id: "TestLap" })),
});

const adminEndpoint = defineEndpoint({
  id: "test.start",
  method: "POST",
  path: "/api/v1/test/syncs/{kind}",
  summary: "Start a sync",
  tags: ["Test"],
  params: z.object({ kind: z.string() }),
  body: z.object({ full: z.boolean().default(false).describe("Refetch everything") }),
  response: z.object({ runId: z.uuid() }),
  auth: "admin-token",
  successStatus: 202,
  errors: [409],
});

const testTags = [...apiTags, { name: "Test", description: "Endpoints of the tests" }];

describe("OpenAPI document", () => {
  const document = openApiDocument({ serverUrl: ORIGIN });

  it("passes the OpenAPI 3.1 schema validator", async () => {
    const result = await validate(document);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it("fails the validator when something required is missing (the check is real)", async () => {
    const broken = structuredClone(document) as unknown as { paths: Record<string, Record<string, { responses: Record<string, object> }>> };
    broken.paths["/api/v1/syncs"]!.get!.responses["200"] = { content: {} };
    expect((await validate(broken)).valid).toBe(false);
  });

  it("is still valid with path parameters, a request body and admin-token endpoints", async () => {
    const withAll = openApiDocument({ serverUrl: ORIGIN, endpoints: [...apiEndpoints, lapsEndpoint, adminEndpoint], tags: testTags });
    const result = await validate(withAll);
    expect(result.errors).toBeUndefined();

    const laps = withAll.paths["/api/v1/test/drivers/{driverId}/laps"]!.get!;
    expect(laps.parameters).toEqual<ParameterObject[]>([
      { name: "driverId", in: "path", required: true, description: "The driver's user id", schema: { type: "integer", exclusiveMinimum: 0 } },
      expect.objectContaining({ name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 500, default: 50 } }),
      expect.objectContaining({ name: "cursor", in: "query", required: false }),
      { name: "track", in: "query", required: false, description: "Only laps on this track", schema: { type: "string" } },
    ]);
    expect(Object.keys(laps.responses)).toEqual(["200", "304", "400", "404", "429", "500"]);
    expect(laps.security).toBeUndefined();
    expect(withAll.components.schemas.TestLap).toBeDefined();

    const start = withAll.paths["/api/v1/test/syncs/{kind}"]!.post!;
    expect(start.security).toEqual([{ adminToken: [] }]);
    expect(Object.keys(start.responses)).toEqual(["202", "400", "401", "404", "409", "429", "500"]);
    expect(start.requestBody?.content["application/json"].schema).toMatchObject({ properties: { full: { type: "boolean", default: false } } });
    expect(withAll.components.securitySchemes.adminToken).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("shares one Error schema for every error response", () => {
    const { responses, schemas } = document.components;
    for (const name of ["BadRequest", "Unauthorized", "NotFound", "TooManyRequests", "InternalError"]) {
      expect(responses[name]?.content?.["application/json"].schema).toEqual({ $ref: "#/components/schemas/Error" });
    }
    expect(schemas.Error).toMatchObject({ required: ["error"], properties: { error: { required: ["code", "message"] } } });
    expect(responses.TooManyRequests?.headers).toHaveProperty("Retry-After");
  });

  it("describes the list parameters and the page envelope of /api/v1/syncs", () => {
    const syncs = document.paths["/api/v1/syncs"]!.get!;
    const names = syncs.parameters!.map((p) => [p.name, p.in, p.required, Boolean(p.description)]);
    expect(names).toEqual([
      ["limit", "query", false, true],
      ["cursor", "query", false, true],
      ["kind", "query", false, true],
      ["status", "query", false, true],
    ]);
    const ok = syncs.responses["200"]!;
    expect("content" in ok && ok.content?.["application/json"].schema).toMatchObject({
      properties: { data: { items: { $ref: "#/components/schemas/SyncRun" } }, page: { $ref: "#/components/schemas/PageInfo" } },
    });
  });

  it("refuses an undeclared tag, a duplicate operation and two different schemas with one name", () => {
    expect(() => openApiDocument({ serverUrl: ORIGIN, endpoints: [lapsEndpoint] })).toThrow(/tag Test is not declared/);
    expect(() => openApiDocument({ serverUrl: ORIGIN, endpoints: [lapsEndpoint, lapsEndpoint], tags: testTags })).toThrow(/used twice/);
    const clash = defineEndpoint({
      id: "test.clash",
      method: "GET",
      path: "/api/v1/test/clash",
      summary: "Clash",
      tags: ["Test"],
      response: z.object({ other: z.string() }).meta({ id: "TestLap" }),
    });
    expect(() => openApiDocument({ serverUrl: ORIGIN, endpoints: [lapsEndpoint, clash], tags: testTags })).toThrow(/two different schemas are both named "TestLap"/);
  });

  it("lets the response check catch a body that breaks the document", () => {
    const checker = new DocumentChecker();
    const run = { id: "not-a-uuid", kind: "f1.sessions", trigger: "cron", status: "done" };
    const errors = checker.errors("GET", "/api/v1/syncs", 200, { data: [run], page: { limit: 50, nextCursor: null }, extra: 1 });
    expect(errors.map((e) => `${e.instancePath} ${e.keyword}`)).toEqual(
      expect.arrayContaining([" additionalProperties", "/data/0 required", "/data/0/id format", "/data/0/status enum"]),
    );
    expect(checker.errors("GET", "/api/v1/syncs", 400, { error: { code: "invalid_request" } }).map((e) => e.keyword)).toEqual(["required"]);
  });

  it("is served at /api/v1/openapi.json, valid and matching its own description", async () => {
    const response = await GET(apiRequest("/api/v1/openapi.json"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const served = await new DocumentChecker().expectDocumented("GET", "/api/v1/openapi.json", response);
    expect((await validate(served)).valid).toBe(true);
    expect(served).toMatchObject({ openapi: "3.1.1", servers: [{ url: ORIGIN }] });
  });
});

describe("API registry", () => {
  it("has a route file exporting handleEndpoint for every endpoint", async () => {
    for (const endpoint of apiEndpoints) {
      const file = routeFileOf(endpoint.path);
      expect(existsSync(file), `${endpoint.id}: ${path.relative(root, file)} is missing`).toBe(true);
      const route = (await import(file)) as Record<string, RouteHandler | undefined>;
      expect(route[endpoint.method]?.endpoint, `${path.relative(root, file)} must export ${endpoint.method} = handleEndpoint(${endpoint.id})`).toBe(endpoint);
    }
  });

  it("lists every handler under app/api/v1, so the document and /docs/api miss nothing", async () => {
    for (const file of routeFiles(path.join(root, "app/api/v1"))) {
      const route = (await import(file)) as Record<string, RouteHandler | MovedHandler | undefined>;
      for (const method of methods) {
        const handler = route[method];
        if (!handler) continue;
        const where = `${method} in ${path.relative(root, file)}`;
        if ("movedTo" in handler) {
          expect(apiEndpoints.some((e) => e.path === handler.movedTo), `${where} moved to a documented endpoint`).toBe(true);
          continue;
        }
        expect(handler.endpoint, `${where} must be made with handleEndpoint`).toBeDefined();
        expect(apiEndpoints, `${where}: add ${handler.endpoint?.id} to apiEndpoints in lib/api/registry.ts`).toContain(handler.endpoint);
        expect(routeFileOf(handler.endpoint.path)).toBe(file);
      }
    }
  });
});

describe("defineEndpoint", () => {
  const base = { id: "test.bad", summary: "Bad", tags: ["Test"], response: z.object({}) };

  it("refuses a declaration that cannot be served as written", () => {
    expect(() => defineEndpoint({ ...base, method: "GET", path: "/api/v1/test/{lapId}" })).toThrow(/path parameters \{lapId\} must match the params schema \(none\)/);
    expect(() => defineEndpoint({ ...base, method: "GET", path: "/api/v1/test", body: z.object({}) })).toThrow(/GET endpoint takes no body/);
    expect(() => defineEndpoint({ ...base, method: "POST", path: "/api/v1/test", auth: "admin-token", cache: { maxAge: 60 } })).toThrow(/never cached/);
    expect(() => defineEndpoint({ ...base, method: "GET", path: "/api/test" })).toThrow(/must start with \/api\/v1\//);
  });

  it("gives the handler its inputs typed and parsed", async () => {
    const GETlaps = handleEndpoint(lapsEndpoint, ({ params, query }) => ({
      data: [{ lapTimeMs: params.driverId + query.limit }],
      page: { limit: query.limit, nextCursor: null },
    }));
    const response = await GETlaps(apiRequest("/api/v1/test/drivers/7/laps?limit=3"), { params: Promise.resolve({ driverId: "7" }) });
    expect(await response.json()).toEqual({ data: [{ lapTimeMs: 10 }], page: { limit: 3, nextCursor: null } });
  });
});

describe("schema text for the docs", () => {
  const document = openApiDocument({ serverUrl: ORIGIN });
  const { schemas } = document.components;

  it("renders a response as a compact type with its named parts below", () => {
    const ok = document.paths["/api/v1/syncs"]!.get!.responses["200"]!;
    const text = schemaText(("content" in ok && ok.content?.["application/json"].schema) || {}, schemas);
    expect(text).toContain("{\n  data: SyncRun[];\n  page: PageInfo;\n}");
    expect(text).toContain("SyncRun = {\n  id: string<uuid>;");
    expect(text).toContain('status: "queued" | "running" | "succeeded" | "failed" | "cancelled";');
    expect(text).toContain("startedAt: string<date-time> | null;");
    expect(text).toContain("nextCursor: string | null; // Pass it as `cursor`");
  });

  it("sums up a parameter in one line", () => {
    const [limit, cursor] = document.paths["/api/v1/syncs"]!.get!.parameters!;
    expect(parameterType(limit!.schema, schemas)).toBe("integer, 1 to 500, default 50");
    expect(parameterType(cursor!.schema, schemas)).toBe("string, at most 1000 characters");
  });
});

describe("API reference for /docs/api", () => {
  it("groups operations by tag with their parameters, response and a curl command", () => {
    const groups = apiReference(openApiDocument({ serverUrl: ORIGIN }), ORIGIN);
    expect(groups.map((g) => g.tag)).toEqual(apiTags.map((t) => t.name).filter((tag) => apiEndpoints.some((e) => e.tags[0] === tag)));
    const platform = groups.find((g) => g.tag === "Platform")!;
    expect(platform.operations.map((op) => op.id)).toEqual(["platform.status", "platform.syncs", "platform.openapi"]);
    const syncs = platform.operations.find((op) => op.id === "platform.syncs")!;
    expect(syncs).toMatchObject({ method: "GET", path: "/api/v1/syncs", adminOnly: false, requestBody: null, successStatus: "200" });
    expect(syncs.parameters[0]).toEqual({ name: "limit", in: "query", type: "integer, 1 to 500, default 50", required: false, description: "Items per page, 1 to 500" });
    expect(syncs.response).toMatch(/^\{\n  data: SyncRun\[\];/);
    expect(syncs.otherResponses.map((r) => r.status)).toEqual(["304", "400", "429", "500"]);
    expect(syncs.curl).toBe(`curl -s '${ORIGIN}/api/v1/syncs'`);
  });

  it("fills path parameters, the admin token and a sample body into the curl command", () => {
    const examples = defineEndpoint({
      ...adminEndpoint,
      id: "test.start.example",
      params: z.object({ kind: z.string().meta({ examples: ["raceroom.leaderboards"] }) }),
    });
    const document = openApiDocument({ serverUrl: ORIGIN, endpoints: [lapsEndpoint, examples], tags: testTags });
    const [laps, start] = apiReference(document, ORIGIN)[0]!.operations;
    expect(laps!.curl).toBe(`curl -s '${ORIGIN}/api/v1/test/drivers/1/laps'`);
    expect(start).toMatchObject({ adminOnly: true, successStatus: "202", response: "{\n  runId: string<uuid>;\n}" });
    expect(start!.otherResponses.map((r) => r.status)).toEqual(["400", "401", "404", "409", "429", "500"]);
    expect(start!.curl).toBe(
      [
        `curl -s -X POST '${ORIGIN}/api/v1/test/syncs/raceroom.leaderboards'`,
        `-H "Authorization: Bearer $ADMIN_API_TOKEN"`,
        `-H 'Content-Type: application/json'`,
        `-d '{"full":false}'`,
      ].join(" \\\n  "),
    );
    expect(start!.requestBody).toContain("full?: boolean; // Refetch everything");
  });
});

describe("unknown API paths", () => {
  it("answer 404 in the API's error shape", async () => {
    const { GET } = await import("@/app/api/v1/[...path]/route");
    const response = GET(new Request("http://localhost/api/v1/no/such/thing"));
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toMatchObject({ error: { code: "not_found", message: expect.stringContaining("/api/v1/no/such/thing") } });
  });
});
