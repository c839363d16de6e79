import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as triggerSync } from "@/app/api/v1/admin/syncs/[kind]/route";
import { GET as getSyncRun } from "@/app/api/v1/admin/sync-runs/[id]/route";
import { resetEnvCache } from "@/lib/env";
import { apiRequest, DocumentChecker, routeParams } from "../api/support";
import { useTestDatabase } from "../support/database";

const TOKEN = "admin-api-token-for-these-tests";
const TRIGGER_PATH = "/api/v1/admin/syncs/{kind}";
const RUN_PATH = "/api/v1/admin/sync-runs/{id}";

const post = (kind: string, headers: Record<string, string> = {}) =>
  triggerSync(apiRequest(`/api/v1/admin/syncs/${kind}`, { method: "POST", headers }), routeParams({ kind }));
const get = (id: string, headers: Record<string, string> = {}) => getSyncRun(apiRequest(`/api/v1/admin/sync-runs/${id}`, { headers }), routeParams({ id }));
const bearer = { authorization: `Bearer ${TOKEN}` };

describe("admin API: start a sync and follow it", () => {
  const database = useTestDatabase();
  const checker = new DocumentChecker();

  beforeAll(() => {
    process.env.ADMIN_API_TOKEN = TOKEN;
    resetEnvCache();
  });
  afterAll(() => {
    delete process.env.ADMIN_API_TOKEN;
    resetEnvCache();
  });

  it("answers 401 without the token or with a wrong one, and starts nothing", async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: "Bearer not-the-admin-token-at-all" }, { authorization: TOKEN }];
    for (const headers of attempts) {
      const response = await post("platform.selftest", headers);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await checker.expectDocumented("POST", TRIGGER_PATH, response)).toMatchObject({ error: { code: "unauthorized" } });
    }
    const [row] = await database.sql`select count(*)::int as n from sync_runs`;
    expect(row?.n).toBe(0);
  });

  it("queues a run with 202, sends the kind's event, and the run can be polled", async () => {
    const response = await post("platform.selftest", bearer);
    expect(response.status).toBe(202);
    const body = (await checker.expectDocumented("POST", TRIGGER_PATH, response)) as { syncRunId: string; statusUrl: string; kind: string };
    expect(body.kind).toBe("platform.selftest");
    expect(body.statusUrl).toBe(`http://pitwall.test/api/v1/admin/sync-runs/${body.syncRunId}`);

    const [run] = await database.sql`select kind, trigger, status from sync_runs where id = ${body.syncRunId}`;
    expect(run).toEqual({ kind: "platform.selftest", trigger: "api", status: "queued" });
    const events = await database.sql`select name, payload -> 'data' ->> 'syncRunId' as "syncRunId" from job_events`;
    expect(events).toEqual([{ name: "platform/selftest.requested", syncRunId: body.syncRunId }]);

    const status = await get(body.syncRunId, bearer);
    expect(status.status).toBe(200);
    expect(await checker.expectDocumented("GET", RUN_PATH, status)).toMatchObject({
      id: body.syncRunId,
      kind: "platform.selftest",
      trigger: "api",
      status: "queued",
      progress: { done: 0, total: null, currentItem: null },
      counts: { fetched: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 },
      error: null,
      cancelRequested: false,
    });
  });

  it("answers 404 for a kind that does not exist, naming the known ones", async () => {
    const response = await post("raceroom.nothing-like-this", bearer);
    expect(response.status).toBe(404);
    const body = (await checker.expectDocumented("POST", TRIGGER_PATH, response)) as { error: { message: string } };
    expect(body.error.message).toContain("platform.selftest");
  });

  it("answers 400 for a kind that cannot be one", async () => {
    const response = await post("Not A Kind!", bearer);
    expect(response.status).toBe(400);
  });

  it("polling needs the token too; an unknown run is 404 and a malformed id 400", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    expect((await get(id)).status).toBe(401);
    const missing = await get(id, bearer);
    expect(missing.status).toBe(404);
    await checker.expectDocumented("GET", RUN_PATH, missing);
    expect((await get("42", bearer)).status).toBe(400);
  });
});
