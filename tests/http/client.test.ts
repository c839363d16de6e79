import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { UpstreamError, UpstreamParseError, UpstreamSizeError, UpstreamValidationError } from "@/lib/http";
import { startSimulator, type Simulator, type Upstream } from "@/sim/server";
import { useTestDatabase } from "../support/database";
import { arrivals, ledgerRows, probeClient, scriptedUpstream, untilArrivals } from "./support";

const itemsSchema = z.object({ size: z.number(), items: z.array(z.object({ id: z.number(), name: z.string() })) });

describe("upstream client", () => {
  const database = useTestDatabase();
  let sim: Simulator | undefined;

  // A simulator per test: each gets a fresh port, so host gates (pauses, limits) never leak between tests.
  async function simulator(upstreams: Upstream[] = []): Promise<Simulator> {
    sim = await startSimulator({ upstreams });
    return sim;
  }

  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it("fetches JSON, validates it and writes one ledger row", async () => {
    const s = await simulator();
    const client = probeClient(s, { source: "ok" });
    const body = await client.getJson("/json", { query: { size: 3 }, schema: itemsSchema, endpoint: "probe/json" });
    expect(body.items).toHaveLength(3);

    const [row, ...others] = await ledgerRows(database, "ok");
    expect(others).toHaveLength(0);
    expect(row).toMatchObject({ endpoint: "probe/json", params: { size: "3" }, status: 200, retries: 0, cacheHit: false, error: null, method: "GET" });
    expect(row?.bytes).toBeGreaterThan(50);
  });

  it("sends Accept-Encoding and decodes gzip bodies", async () => {
    const s = await simulator();
    const client = probeClient(s, { defaultHeaders: { "x-team": "pitwall" } });
    const echoed = await client.getJson<{ headers: Record<string, string> }>("/headers");
    expect(echoed.headers["accept-encoding"]).toBe("gzip, deflate, br");
    expect(echoed.headers["x-team"]).toBe("pitwall");
    const compressed = await client.getJson<{ compressed: boolean; items: unknown[] }>("/gzip");
    expect(compressed).toMatchObject({ compressed: true });
    expect(compressed.items).toHaveLength(50);
  });

  it("retries a 500 and then succeeds", async () => {
    const s = await simulator([scriptedUpstream("/flaky", [{ status: 500, body: { error: "boom" } }, { status: 502, body: "bad gateway" }, { body: { lap: 1 } }])]);
    const client = probeClient(s, { source: "retry-500", baseUrl: `${s.url}/flaky` });
    await expect(client.getJson("/laps")).resolves.toEqual({ lap: 1 });
    const [row] = await ledgerRows(database, "retry-500");
    expect(row).toMatchObject({ status: 200, retries: 2, error: null });
  });

  it("retries a 429 and then succeeds", async () => {
    const s = await simulator([scriptedUpstream("/busy", [{ status: 429, headers: { "retry-after": "0" }, body: {} }, { body: { lap: 2 } }])]);
    const client = probeClient(s, { source: "retry-429", baseUrl: `${s.url}/busy` });
    await expect(client.getJson("/laps")).resolves.toEqual({ lap: 2 });
    const [row] = await ledgerRows(database, "retry-429");
    expect(row).toMatchObject({ status: 200, retries: 1, error: null });
  });

  it("retries a request that times out and then succeeds", async () => {
    const s = await simulator([scriptedUpstream("/slow", [{ hangMs: 1_000 }, { body: { lap: 3 } }])]);
    const client = probeClient(s, { source: "retry-timeout", baseUrl: `${s.url}/slow`, timeoutMs: 150 });
    await expect(client.getJson("/laps")).resolves.toEqual({ lap: 3 });
    const [row] = await ledgerRows(database, "retry-timeout");
    expect(row).toMatchObject({ status: 200, retries: 1, error: null });
    expect(row?.durationMs).toBeGreaterThanOrEqual(150);
  });

  it("gives up after the retry limit with a typed error and a ledger row", async () => {
    const s = await simulator();
    s.setFaults({ errorRate: 1 });
    const client = probeClient(s, { source: "give-up", retries: { max: 2, baseDelayMs: 5, maxDelayMs: 10 } });
    const error = await client.getJson("/json", { endpoint: "probe/json" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ status: 500, attempts: 3, failure: "status", source: "give-up", endpoint: "probe/json" });
    expect((error as UpstreamError).url).toBe(`${s.url}/_probe/json`);
    expect(arrivals(s)).toHaveLength(3);

    const [row] = await ledgerRows(database, "give-up");
    expect(row).toMatchObject({ status: 500, retries: 2 });
    expect(row?.error).toMatch(/^HTTP 500/);
  });

  it("gives up on timeouts with a ledger row that says so", async () => {
    const s = await simulator();
    s.setFaults({ timeoutRate: 1 });
    const client = probeClient(s, { source: "timeouts", timeoutMs: 100, retries: { max: 1, baseDelayMs: 5, maxDelayMs: 10 } });
    await expect(client.getText("/json")).rejects.toMatchObject({ failure: "timeout", attempts: 2, status: undefined });
    const [row] = await ledgerRows(database, "timeouts");
    expect(row).toMatchObject({ status: null, retries: 1, error: "timed out after 100 ms" });
  });

  it("does not retry other 4xx answers", async () => {
    const s = await simulator();
    const client = probeClient(s, { source: "not-found" });
    await expect(client.getJson("/status/404")).rejects.toMatchObject({ status: 404, attempts: 1 });
    expect(arrivals(s)).toHaveLength(1);
  });

  it("records a status the caller names as an answer without an error, and still rejects for the caller to read", async () => {
    const s = await simulator();
    const client = probeClient(s, { source: "absent" });
    await expect(client.getText("/status/404", { endpoint: "absent", answeredBy: [403, 404] })).rejects.toMatchObject({ status: 404, attempts: 1 });
    await expect(client.getText("/status/500", { endpoint: "failed", answeredBy: [403, 404] })).rejects.toBeInstanceOf(UpstreamError);
    const rows = await ledgerRows(database, "absent");
    expect(rows.map((row) => [row.endpoint, row.status, row.error === null])).toEqual([
      ["absent", 404, true],
      ["failed", 500, false],
    ]);
  });

  it("honours Retry-After: the retry arrives no sooner than the header asks", async () => {
    const s = await simulator();
    s.setFaults({ rateLimitRate: 1, retryAfterSeconds: 1 });
    const client = probeClient(s, { source: "retry-after" });
    const call = client.getJson("/json", { query: { size: 1 } });
    await untilArrivals(s, 1);
    s.setFaults({ rateLimitRate: 0 });
    await expect(call).resolves.toMatchObject({ size: 1 });

    const [first, second] = arrivals(s);
    expect(second! - first!).toBeGreaterThanOrEqual(1_000);
    const [row] = await ledgerRows(database, "retry-after");
    expect(row).toMatchObject({ status: 200, retries: 1 });
  });

  it("holds the host until the rate-limit reset when the window is exhausted", async () => {
    const reset = Math.ceil(Date.now() / 1000) + 1;
    const exhausted = { "x-ratelimit-limit": "100", "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) };
    const s = await simulator([scriptedUpstream("/window", [{ headers: exhausted, body: { page: 1 } }, { body: { page: 2 } }])]);
    const client = probeClient(s, { source: "reset", baseUrl: `${s.url}/window` });
    await expect(client.getJson("/results")).resolves.toEqual({ page: 1 });
    await expect(client.getJson("/results")).resolves.toEqual({ page: 2 });
    const [, second] = arrivals(s, "/window");
    expect(second).toBeGreaterThanOrEqual(reset * 1000);
    const [row] = await ledgerRows(database, "reset");
    expect(row).toMatchObject({ rateLimitRemaining: 0, rateLimitLimit: 100, error: null });
  });

  it("fails at once, with retryAfterMs, when the upstream asks for a longer wait than allowed", async () => {
    const s = await simulator();
    s.setFaults({ rateLimitRate: 1, retryAfterSeconds: 3_600 });
    const client = probeClient(s, { source: "long-wait" });
    const error = (await client.getJson("/json").catch((e: unknown) => e)) as UpstreamError;
    expect(error).toMatchObject({ failure: "rate-limited", status: 429, attempts: 1 });
    expect(error.retryAfterMs).toBeGreaterThan(3_500_000);
    // The host stays paused: the next call fails without reaching the upstream.
    await expect(client.getJson("/json")).rejects.toMatchObject({ failure: "rate-limited", attempts: 1, status: undefined });
    expect(arrivals(s)).toHaveLength(1);
  });

  it("reports a truncated JSON body as UpstreamParseError, never as partial data", async () => {
    const s = await simulator();
    s.setFaults({ truncateRate: 1 });
    const client = probeClient(s, { source: "truncated", retries: { max: 1, baseDelayMs: 5, maxDelayMs: 10 } });
    const error = await client.getJson("/json", { query: { size: 40 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamParseError);
    const parseError = error as UpstreamParseError;
    expect(parseError.attempts).toBe(2);
    expect(parseError.url).toBe(`${s.url}/_probe/json?size=40`);
    expect(parseError.message).toMatch(/cut short after \d+ of \d+ bytes/);
    expect(parseError.snippet).toMatch(/^\{"seed":1,"size":40,"items":\[/);
    const [row] = await ledgerRows(database, "truncated");
    expect(row).toMatchObject({ status: 200, retries: 1 });
    expect(row?.error).toMatch(/cut short/);
  });

  it("reports a body that is not JSON with the URL and a snippet", async () => {
    const s = await simulator([scriptedUpstream("/html", [{ body: "<html><body>Service maintenance</body></html>" }])]);
    const client = probeClient(s, { source: "not-json", baseUrl: `${s.url}/html`, retries: { max: 0, baseDelayMs: 5, maxDelayMs: 10 } });
    const error = (await client.getJson("/standings").catch((e: unknown) => e)) as UpstreamParseError;
    expect(error).toBeInstanceOf(UpstreamParseError);
    expect(error.message).toContain(`${s.url}/html/standings`);
    expect(error.snippet).toBe("<html><body>Service maintenance</body></html>");
  });

  it("reports a wrong shape with the URL and the zod issues, without retrying", async () => {
    const s = await simulator();
    const client = probeClient(s, { source: "bad-shape" });
    const schema = z.object({ items: z.array(z.object({ id: z.string() })) });
    const error = (await client.getJson("/json", { query: { size: 2 }, schema }).catch((e: unknown) => e)) as UpstreamValidationError;
    expect(error).toBeInstanceOf(UpstreamValidationError);
    expect(error.attempts).toBe(1);
    expect(error.message).toContain(`${s.url}/_probe/json?size=2`);
    expect(error.issues[0]).toMatchObject({ path: ["items", 0, "id"], code: "invalid_type" });
    expect(error.message).toContain("items.0.id");
  });

  it("stops reading past maxResponseBytes, whether Content-Length says so or the decoded stream grows too big", async () => {
    const s = await simulator();
    const client = probeClient(s, { source: "size", maxResponseBytes: 1_000 });
    await expect(client.getText("/json", { query: { size: 100 } })).rejects.toBeInstanceOf(UpstreamSizeError);
    // /gzip sends ~0.9 kB compressed that inflates to ~3 kB: only counting decoded bytes catches it.
    const error = (await client.getText("/gzip").catch((e: unknown) => e)) as UpstreamSizeError;
    expect(error).toBeInstanceOf(UpstreamSizeError);
    expect(error).toMatchObject({ limitBytes: 1_000, attempts: 1 });
    const rows = await ledgerRows(database, "size");
    expect(rows.map((row) => row.error)).toEqual(["response larger than 1000 bytes", "response larger than 1000 bytes"]);
    expect(rows[0]?.bytes).toBe(0);
    expect(rows[1]?.bytes).toBeGreaterThan(1_000);
  });

  it("sends other methods through request() and returns the raw response", async () => {
    const s = await simulator([scriptedUpstream("/oauth", [{ status: 503, body: {} }, { headers: { "x-token-type": "bearer" }, body: "ok" }])]);
    const client = probeClient(s, { source: "oauth", baseUrl: `${s.url}/oauth` });
    const response = await client.request("/token", { method: "post", body: new URLSearchParams({ grant_type: "password" }), endpoint: "oauth/token" });
    expect(response).toMatchObject({ status: 200, attempts: 2, url: `${s.url}/oauth/token` });
    expect(response.headers.get("x-token-type")).toBe("bearer");
    expect(response.body.toString("utf8")).toBe("ok");
    const [row] = await ledgerRows(database, "oauth");
    expect(row).toMatchObject({ method: "POST", endpoint: "oauth/token", retries: 1, status: 200 });
  });

  it("removes secrets from ledger params and error URLs", async () => {
    const s = await simulator();
    const client = probeClient(s, { source: "secrets", secretParams: ["custId"] });
    await client.getJson("/json", { query: { size: 1, access_token: "tok-123", apiKey: "key-456", Signature: "sig", custId: "cust-77", page: 2 } });
    const error = (await client.getJson("/status/403?password=hunter2&lap=5").catch((e: unknown) => e)) as UpstreamError;
    expect(error.url).not.toContain("hunter2");
    expect(error.message).not.toContain("hunter2");
    expect(error.url).toContain("password=REDACTED");

    const [ok, failed] = await ledgerRows(database, "secrets");
    expect(ok?.params).toEqual({ size: "1", access_token: "REDACTED", apiKey: "REDACTED", Signature: "REDACTED", custId: "REDACTED", page: "2" });
    expect(failed?.params).toEqual({ password: "REDACTED", lap: "5" });
    expect(JSON.stringify([ok, failed])).not.toMatch(/tok-123|key-456|hunter2|"sig"|cust-77/);
  });

  it("records rate-limit headroom the upstream reports", async () => {
    const headers = { "x-ratelimit-limit": "240", "x-ratelimit-remaining": "239", "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + 60) };
    const s = await simulator([scriptedUpstream("/counted", [{ headers, body: {} }])]);
    const client = probeClient(s, { source: "headroom", baseUrl: `${s.url}/counted` });
    await client.getJson("/series");
    const [row] = await ledgerRows(database, "headroom");
    expect(row).toMatchObject({ rateLimitLimit: 240, rateLimitRemaining: 239 });
  });

  it("stops at once when the caller aborts, and records it", async () => {
    const s = await simulator([scriptedUpstream("/slow", [{ hangMs: 5_000 }])]);
    const client = probeClient(s, { source: "abort", baseUrl: `${s.url}/slow`, timeoutMs: 10_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    await expect(client.getJson("/laps", { signal: controller.signal })).rejects.toMatchObject({ failure: "aborted", attempts: 1 });
    expect(performance.now() - started).toBeLessThan(2_500);
    const [row] = await ledgerRows(database, "abort");
    expect(row).toMatchObject({ error: "aborted by the caller", retries: 0 });
  });

  it("keeps working when the ledger cannot be written, and never throws it at the caller", async () => {
    const s = await simulator();
    const client = probeClient(s, { source: "ledger-down" });
    const { resetEnvCache } = await import("@/lib/env");
    const { flushLedger } = await import("@/lib/http");
    const url = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:1/nowhere";
    resetEnvCache();
    try {
      await expect(client.getJson("/json", { query: { size: 1 } })).resolves.toMatchObject({ size: 1 });
      await expect(flushLedger()).resolves.toBeUndefined();
    } finally {
      process.env.DATABASE_URL = url;
      resetEnvCache();
    }
    await client.getJson("/json", { query: { size: 2 } });
    const rows = await ledgerRows(database, "ledger-down");
    expect(rows.map((row) => row.params)).toEqual([{ size: "2" }]);
  });
});
