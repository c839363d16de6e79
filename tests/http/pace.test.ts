import { afterAll, afterEach, describe, expect, it } from "vitest";
import { flushLedger, runBatch } from "@/lib/http";
import { startSimulator, type Simulator } from "@/sim/server";
import { useTestDatabase } from "../support/database";
import { probeClient, scriptedUpstream } from "./support";

const ok = { body: { ok: true } };

describe("an upstream's pace: deadlines that follow it, and Retry-After that holds only what it must", () => {
  useTestDatabase();
  let sim: Simulator | undefined;
  afterAll(() => flushLedger());
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it("cuts an answer that never comes after a few times the usual time, not the whole timeout", async () => {
    // 25 quick answers teach the client the endpoint's pace; the 26th never comes, the retry is answered.
    sim = await startSimulator({ upstreams: [scriptedUpstream("/paced", [...Array.from({ length: 25 }, () => ok), { hangMs: 60_000 }, ok])] });
    const client = probeClient(sim, { source: "paced", baseUrl: `${sim.url}/paced`, timeoutMs: 30_000, adaptiveTimeout: { factor: 4, minMs: 200 } });
    for (let i = 0; i < 25; i += 1) await client.getJson("/x");
    const started = performance.now();
    await expect(client.getJson("/x")).resolves.toEqual({ ok: true });
    // Cut at the floor (200 ms) and retried: far from the 30 s timeout.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("keeps the whole timeout until the endpoint's pace is known", async () => {
    sim = await startSimulator({ upstreams: [scriptedUpstream("/new", [{ hangMs: 700 }, ok])] });
    const client = probeClient(sim, { source: "new", baseUrl: `${sim.url}/new`, timeoutMs: 5_000, adaptiveTimeout: { factor: 4, minMs: 50 } });
    // The slow first answer arrives within the timeout and is used: no pace is known yet to cut it short.
    await expect(client.getJson("/x")).resolves.toEqual({ late: true });
  });

  it("with retryAfterScope request, one 429 delays only its own call", async () => {
    const limited = { status: 429, headers: { "retry-after": "3" }, body: { error: "slow down" } };
    sim = await startSimulator({ upstreams: [scriptedUpstream("/sporadic", [limited, ok])] });
    const client = probeClient(sim, { source: "sporadic", baseUrl: `${sim.url}/sporadic`, retryAfterScope: "request" });
    const waiting = client.getJson("/first");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await client.getJson("/second");
    expect(performance.now() - started).toBeLessThan(1_500);
    await expect(waiting).resolves.toEqual({ ok: true });
  });

  it("with the default host scope, a 429 holds every request to the host", async () => {
    const limited = { status: 429, headers: { "retry-after": "2" }, body: { error: "slow down" } };
    sim = await startSimulator({ upstreams: [scriptedUpstream("/window", [limited, ok])] });
    const client = probeClient(sim, { source: "window", baseUrl: `${sim.url}/window` });
    const waiting = client.getJson("/first");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await client.getJson("/second");
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_500);
    await waiting;
  });
});

describe("runBatch", () => {
  const later = (ms: number, signal: AbortSignal) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => resolve(ms), ms);
      signal.addEventListener("abort", () => {
        clearTimeout(timer);
        reject(signal.reason);
      });
    });

  it("leaves the item that holds up the end for later, and keeps the others", async () => {
    const items = [10, 10, 10, 10, 60_000, 10, 10];
    const started = performance.now();
    const { done, deferred } = await runBatch(items, { concurrency: 3, stragglerGraceMs: 200 }, (ms, signal) => later(ms, signal));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(done.map((d) => d.result)).toEqual([10, 10, 10, 10, 10, 10]);
    expect(deferred).toEqual([60_000]);
  });

  it("waits for every item without a grace", async () => {
    const { done, deferred } = await runBatch([30, 200, 30], { concurrency: 3 }, (ms, signal) => later(ms, signal));
    expect(done.map((d) => d.result).sort((a, b) => a - b)).toEqual([30, 30, 200]);
    expect(deferred).toEqual([]);
  });

  it("stops starting items once its budget is spent, after the minimum", async () => {
    const items = Array.from({ length: 20 }, () => 50);
    const { done, deferred } = await runBatch(items, { concurrency: 2, budgetMs: 120, minimum: 4 }, (ms, signal) => later(ms, signal));
    expect(done.length).toBeGreaterThanOrEqual(4);
    expect(done.length + deferred.length).toBe(20);
    expect(deferred.length).toBeGreaterThan(0);
  });

  it("rejects when an item fails for real, and stops the others", async () => {
    let aborted = 0;
    const run = runBatch([1, 2, 3], { concurrency: 3 }, async (n, signal) => {
      if (n === 2) throw new Error("engine failure");
      await later(5_000, signal).catch((error: unknown) => {
        aborted += 1;
        throw error;
      });
      return n;
    });
    await expect(run).rejects.toThrow("engine failure");
    expect(aborted).toBe(2);
  });
});
