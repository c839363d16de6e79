import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { SimControlError, startSimulator, type Simulator, type Upstream } from "@/sim/server";

/** A second upstream, to check per-prefix overrides and forwarded control actions. */
const echo: Upstream = {
  prefix: "/echo",
  name: "echo",
  handle: (req, ctx) => ({ body: { path: req.path, query: Object.fromEntries(req.query), draw: ctx.random() } }),
  control(action, body) {
    if (action !== "greet") throw new SimControlError(`unknown action ${action}`);
    return { hello: z.strictObject({ name: z.string() }).parse(body).name };
  },
};

type Outcome = number | "timeout" | "truncated";

/** One request as a client sees it: the status, or how it failed. */
async function outcome(url: string, timeoutMs = 20_000): Promise<Outcome> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    try {
      await response.text();
    } catch {
      return "truncated";
    }
    return response.status;
  } catch (error) {
    if (error instanceof DOMException && error.name === "TimeoutError") return "timeout";
    throw error;
  }
}

/** Runs `count` requests, at most `concurrency` at a time, and tallies the outcomes. */
async function tally(url: string, count: number, concurrency = 1, timeoutMs?: number): Promise<Map<Outcome, number>> {
  const counts = new Map<Outcome, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        const result = await outcome(url, timeoutMs);
        counts.set(result, (counts.get(result) ?? 0) + 1);
      }
    }),
  );
  return counts;
}

async function control(sim: Simulator, method: string, path: string, body?: unknown) {
  const response = await fetch(`${sim.url}/_control/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("simulator fault knobs", () => {
  let sim: Simulator;

  beforeEach(async () => {
    sim ??= await startSimulator({ seed: 42, upstreams: [echo] });
    sim.reset(42);
  });
  afterAll(async () => {
    await sim?.close();
  });

  it("adds the configured latency, spread by the jitter", async () => {
    sim.setFaults({ latencyMs: 120 });
    for (let i = 0; i < 3; i += 1) {
      const started = performance.now();
      expect(await outcome(`${sim.url}/_probe/json`)).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    }
    sim.setFaults({ latencyMs: 50, jitterMs: 150 });
    const durations: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const started = performance.now();
      await outcome(`${sim.url}/_probe/json`);
      durations.push(performance.now() - started);
    }
    expect(Math.min(...durations)).toBeGreaterThanOrEqual(45);
    expect(Math.max(...durations)).toBeLessThan(50 + 150 + 1_000);
    expect(Math.max(...durations) - Math.min(...durations)).toBeGreaterThan(40);
  });

  it("answers 500 with a JSON error at the error rate", async () => {
    sim.setFaults({ errorRate: 0.25 });
    const counts = await tally(`${sim.url}/_probe/json`, 400, 8);
    expect(counts.get(500)).toBeGreaterThan(80);
    expect(counts.get(500)).toBeLessThan(120);
    expect(counts.get(200)).toBe(400 - (counts.get(500) ?? 0));
    expect(sim.stats().prefixes["/_probe"]?.errors).toBe(counts.get(500));

    sim.setFaults({ errorRate: 1 });
    const response = await fetch(`${sim.url}/_probe/json`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: "simulated upstream failure" });
  });

  it("answers 429 with Retry-After and rate-limit headers at the 429 rate", async () => {
    sim.setFaults({ rateLimitRate: 0.2, retryAfterSeconds: 7 });
    const counts = await tally(`${sim.url}/_probe/json`, 400, 8);
    expect(counts.get(429)).toBeGreaterThan(60);
    expect(counts.get(429)).toBeLessThan(100);

    sim.setFaults({ rateLimitRate: 1 });
    const response = await fetch(`${sim.url}/_probe/json`);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(response.headers.get("x-ratelimit-limit")).toMatch(/^\d+$/);
    expect(response.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(response.headers.get("x-ratelimit-reset"))).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 6);
  });

  it("never answers a timed-out request until the client gives up", async () => {
    sim.setFaults({ timeoutRate: 0.1 });
    const counts = await tally(`${sim.url}/_probe/json`, 400, 50, 2_000);
    const injected = sim.stats().prefixes["/_probe"]?.timeouts ?? 0;
    expect(injected).toBeGreaterThan(25);
    expect(injected).toBeLessThan(55);
    // Every injected timeout went unanswered; on a busy machine a slow answer may add a few more.
    expect(counts.get("timeout")).toBeGreaterThanOrEqual(injected);
    expect(counts.get("timeout")).toBeLessThan(injected + 40);
    expect(counts.get(200)).toBe(400 - (counts.get("timeout") ?? 0));
  });

  it("cuts the body in half at the truncation rate, after announcing its full length", async () => {
    sim.setFaults({ truncateRate: 0.2 });
    const counts = await tally(`${sim.url}/_probe/json?size=200`, 400, 8);
    expect(counts.get("truncated")).toBeGreaterThan(60);
    expect(counts.get("truncated")).toBeLessThan(100);
    expect(counts.get(200)).toBe(400 - (counts.get("truncated") ?? 0));

    sim.setFaults({ truncateRate: 1 });
    const response = await fetch(`${sim.url}/_probe/json?size=200`);
    expect(Number(response.headers.get("content-length"))).toBeGreaterThan(1000);
    await expect(response.text()).rejects.toThrow();
  });

  it("decides the same faults for the same seed and request sequence", async () => {
    const sequence = async () => {
      const statuses: Outcome[] = [];
      for (let i = 0; i < 60; i += 1) statuses.push(await outcome(`${sim.url}/_probe/json?size=3`));
      return statuses;
    };
    const profile = { errorRate: 0.2, rateLimitRate: 0.2, truncateRate: 0.2 };
    sim.reset(7);
    sim.setFaults(profile);
    const first = await sequence();
    sim.reset(7);
    sim.setFaults(profile);
    expect(await sequence()).toEqual(first);
    sim.reset(8);
    sim.setFaults(profile);
    expect(await sequence()).not.toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 500, 429, "truncated"]));
  });

  it("resets faults, counters and upstream streams through the control API", async () => {
    sim.setFaults({ errorRate: 1 });
    const draw = async () => ((await (await fetch(`${sim.url}/echo/x`)).json().catch(() => ({}))) as { draw?: number }).draw;
    await fetch(`${sim.url}/_probe/json`);
    const reset = await control(sim, "POST", "reset", { seed: 5 });
    expect(reset).toEqual({ status: 200, body: { seed: 5 } });
    expect(sim.stats().prefixes["/_probe"]?.requests).toBe(0);
    expect((await control(sim, "GET", "faults")).body.global).toMatchObject({ errorRate: 0 });
    const first = [await draw(), await draw()];
    await control(sim, "POST", "reset", { seed: 5 });
    expect([await draw(), await draw()]).toEqual(first);
    expect(first[0]).not.toBe(first[1]);
  });

  it("overrides the global profile for one prefix", async () => {
    const put = await control(sim, "PUT", "faults", { prefix: "/echo", errorRate: 1 });
    expect(put.status).toBe(200);
    await control(sim, "PUT", "faults", { latencyMs: 5 });
    const faults = await control(sim, "GET", "faults");
    expect(faults.body.effective).toMatchObject({
      "/echo": { errorRate: 1, latencyMs: 5 },
      "/_probe": { errorRate: 0, latencyMs: 5 },
    });
    expect(await tally(`${sim.url}/echo/a`, 20)).toEqual(new Map([[500, 20]]));
    expect(await tally(`${sim.url}/_probe/json`, 20)).toEqual(new Map([[200, 20]]));
  });

  it("refuses bad control bodies with a 400 that says why", async () => {
    const cases: Array<[string, string, unknown, RegExp]> = [
      ["PUT", "faults", { errorRate: 1.5 }, /errorRate/],
      ["PUT", "faults", { latencyMs: "slow" }, /latencyMs/],
      ["PUT", "faults", { brakeBias: 0.5 }, /brakeBias/],
      ["PUT", "faults", { prefix: "/nowhere", errorRate: 0.1 }, /unknown prefix/],
      ["PUT", "faults", { errorRate: 0.6, timeoutRate: 0.6 }, /more than 1/],
      ["PUT", "faults", "{not json", /not valid JSON/],
      ["POST", "reset", { seed: -1 }, /seed/],
      ["POST", "echo/greet", { name: 3 }, /name/],
      ["POST", "echo/launch", {}, /unknown action launch/],
    ];
    for (const [method, path, body, message] of cases) {
      const response = await control(sim, method, path, body);
      expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(String(response.body.error)).toMatch(message);
    }
    expect((await control(sim, "GET", "faults")).body.global).toMatchObject({ errorRate: 0, timeoutRate: 0 });
    expect(await control(sim, "POST", "echo/greet", { name: "Senna" })).toEqual({ status: 200, body: { hello: "Senna" } });
    expect((await control(sim, "DELETE", "stats")).status).toBe(405);
  });

  it("counts requests per prefix with their arrival times", async () => {
    const before = Date.now();
    await tally(`${sim.url}/_probe/json`, 15, 3);
    await tally(`${sim.url}/echo/y`, 4);
    const stats = (await control(sim, "GET", "stats")).body as { prefixes: Record<string, { requests: number; recentRequestTimes: number[] }> };
    expect(stats.prefixes["/_probe"]?.requests).toBe(15);
    expect(stats.prefixes["/echo"]?.requests).toBe(4);
    const times = stats.prefixes["/_probe"]?.recentRequestTimes ?? [];
    expect(times).toHaveLength(15);
    expect(times[0]).toBeGreaterThanOrEqual(before);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it("serves the probe routes", async () => {
    const json = async (path: string) => (await fetch(`${sim.url}/_probe/${path}`)).json() as Promise<Record<string, unknown>>;
    const document = await json("json?size=5");
    expect(document.items).toHaveLength(5);
    expect(await json("json?size=5")).toEqual(document);
    expect((await fetch(`${sim.url}/_probe/json?size=lots`)).status).toBe(400);
    expect((await fetch(`${sim.url}/_probe/status/418`)).status).toBe(418);
    expect((await fetch(`${sim.url}/_probe/status/204`)).status).toBe(204);
    const echoed = await fetch(`${sim.url}/_probe/headers`, { headers: { "x-requested-with": "XMLHttpRequest" } });
    expect(((await echoed.json()) as { headers: Record<string, string> }).headers["x-requested-with"]).toBe("XMLHttpRequest");
    const gzip = await fetch(`${sim.url}/_probe/gzip`);
    expect(gzip.headers.get("content-encoding")).toBe("gzip");
    expect(((await gzip.json()) as { compressed: boolean }).compressed).toBe(true);
    expect((await fetch(`${sim.url}/nowhere`)).status).toBe(404);
  });

  it("destroys hanging sockets on close", async () => {
    const own = await startSimulator({ faults: { timeoutRate: 1 } });
    const hanging = fetch(`${own.url}/_probe/json`).then(
      () => "answered",
      () => "dropped",
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await own.close();
    expect(await hanging).toBe("dropped");
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
