import { afterEach, describe, expect, it } from "vitest";
import { GET, POST, PUT } from "@/app/api/inngest/route";
import { LOCAL_EVENT_ORIGIN, routedFetch } from "@/inngest/inline/events";
import { loadSigningKey, signatureHeader } from "@/inngest/inline/keys";
import { resetEnvCache } from "@/lib/env";
import { useTestDatabase } from "../support/database";

// The self-test's first step opens a sync run when its event names none: a row in sync_runs shows that it ran.
const URL_ = "http://localhost/api/inngest?fnId=pitwall-platform-selftest&stepId=step";
const body = {
  version: -1,
  event: { name: "platform/selftest.requested", data: {}, id: "e", ts: 1 },
  events: [],
  steps: {},
  ctx: { run_id: "r", attempt: 0, stack: { stack: [], current: 0 } },
};

function post(headers: Record<string, string> = {}) {
  return POST(new Request(URL_, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", ...headers } }), undefined);
}

// NODE_ENV is typed read-only; the endpoint reads it at request time, so tests switch it per case.
function setEnv(name: string, value: string) {
  (process.env as Record<string, string>)[name] = value;
  resetEnvCache();
}

describe("/api/inngest", () => {
  const database = useTestDatabase();
  const saved = { NODE_ENV: process.env.NODE_ENV, INNGEST_DEV: process.env.INNGEST_DEV };

  afterEach(() => {
    Object.assign(process.env, saved);
    if (saved.INNGEST_DEV === undefined) delete process.env.INNGEST_DEV;
    resetEnvCache();
  });

  it("rejects unsigned, wrongly signed and expired requests with 401 in production", async () => {
    setEnv("NODE_ENV", "production");
    const key = await loadSigningKey();
    const stranger = `signkey-prod-${"0".repeat(64)}`;
    expect((await post()).status).toBe(401);
    expect((await post({ "x-inngest-signature": signatureHeader(body, stranger) })).status).toBe(401);
    expect((await post({ "x-inngest-signature": signatureHeader(body, key, Date.now() - 10 * 60_000) })).status).toBe(401);
    const sync = new Request("http://localhost/api/inngest", {
      method: "PUT",
      body: JSON.stringify({ url: "http://localhost/api/inngest" }),
      headers: { "content-type": "application/json", "x-inngest-sync-kind": "in_band" },
    });
    expect((await PUT(sync, undefined)).status).toBe(401);
    // Nothing ran: the step would have opened a sync run.
    const [runs] = await database.sql<{ n: number }[]>`select count(*)::int as n from sync_runs`;
    expect(runs?.n).toBe(0);
  });

  it("runs a request signed with the installation key", async () => {
    const key = await loadSigningKey();
    const response = await post({ "x-inngest-signature": signatureHeader(body, key) });
    expect(response.status).toBe(206);
    const [op] = (await response.json()) as { op: string; displayName: string }[];
    expect(op).toMatchObject({ op: "StepRun", displayName: "open-sync-run" });
    const introspection = await GET(new Request("http://localhost/api/inngest", { headers: { "x-inngest-signature": signatureHeader("", key) } }), undefined);
    expect(await introspection.json()).toMatchObject({ mode: "cloud", has_signing_key: true, authentication_succeeded: true });
  });

  it("keeps the signing key in the database, one per installation", async () => {
    const key = await loadSigningKey();
    expect(key).toMatch(/^signkey-prod-[0-9a-f]{64}$/);
    const rows = await database.sql<{ signingKey: string }[]>`select signing_key as "signingKey" from job_installation`;
    expect(rows).toEqual([{ signingKey: key }]);
  });

  it("refuses the SDK's dev mode (unsigned requests) on a production server", async () => {
    setEnv("NODE_ENV", "production");
    setEnv("INNGEST_DEV", "1");
    const response = await post();
    expect(response.status).toBe(403);
    expect(((await response.json()) as { message: string }).message).toContain("INNGEST_DEV");
  });

  it("answers only event sends at the local event origin", async () => {
    const other = await routedFetch(`${LOCAL_EVENT_ORIGIN}/v1/runs/x`, { method: "GET" });
    expect(other.status).toBe(404);
    const bad = await routedFetch(`${LOCAL_EVENT_ORIGIN}/e/local`, { method: "POST", body: JSON.stringify([{ data: {} }]) });
    expect(bad.status).toBe(400);
    const sent = await routedFetch(`${LOCAL_EVENT_ORIGIN}/e/local`, {
      method: "POST",
      body: JSON.stringify([{ name: "platform/test.nobody-listens", data: { lap: 1 }, id: "same-id" }]),
    });
    expect(await sent.json()).toEqual({ ids: ["same-id"], status: 200 });
    // The same id again is the same event, as on Inngest.
    await routedFetch(`${LOCAL_EVENT_ORIGIN}/e/local`, { method: "POST", body: JSON.stringify([{ name: "platform/test.nobody-listens", id: "same-id" }]) });
    const [events] = await database.sql<{ n: number }[]>`select count(*)::int as n from job_events where id = 'same-id'`;
    expect(events?.n).toBe(1);
  });
});
