import { afterEach, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "@/sim/server";
import { useTestDatabase } from "../support/database";
import { arrivals, probeClient } from "./support";

/** The most requests that arrived within any one-second window. */
function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while (sorted[end]! - sorted[start]! >= 1_000) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

describe("per-host limits, measured at the simulator", () => {
  useTestDatabase();
  let sim: Simulator | undefined;

  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it("holds requests per second to the token bucket, shared by every client of the host", async () => {
    sim = await startSimulator();
    const rateLimit = { requestsPerSecond: 20 };
    const drivers = probeClient(sim, { source: "drivers", rateLimit });
    const laps = probeClient(sim, { source: "laps", rateLimit });
    await Promise.all(Array.from({ length: 36 }, (_, i) => (i % 2 ? drivers : laps).getJson("/json", { query: { size: 1 } })));

    const times = arrivals(sim);
    expect(times).toHaveLength(36);
    // A bucket of one token: at most 20 refills plus the one it starts with in any second.
    expect(busiestSecond(times)).toBeLessThanOrEqual(21);
    const spanMs = Math.max(...times) - Math.min(...times);
    expect(spanMs).toBeGreaterThanOrEqual((35 / 20) * 1_000 * 0.95);
  });

  it("lets a burst through, then paces to the rate", async () => {
    sim = await startSimulator();
    const client = probeClient(sim, { rateLimit: { requestsPerSecond: 10, burst: 5 } });
    await Promise.all(Array.from({ length: 10 }, () => client.getText("/json", { query: { size: 1 } })));
    const times = arrivals(sim).map((t) => t - arrivals(sim!)[0]!);
    expect(times[4]).toBeLessThan(50);
    // The remaining five wait for refills at 100 ms each.
    expect(times[9]).toBeGreaterThanOrEqual(450);
  });

  it("never has more requests in flight than the concurrency limit, and uses all of it", async () => {
    sim = await startSimulator({ faults: { latencyMs: 80 } });
    const client = probeClient(sim, { rateLimit: { concurrency: 2 } });
    await Promise.all(Array.from({ length: 8 }, () => client.getText("/json", { query: { size: 1 } })));

    const times = arrivals(sim);
    expect(times).toHaveLength(8);
    // Each answer takes 80 ms, so a third request can only start once one of the first two has finished.
    for (let i = 2; i < times.length; i += 1) expect(times[i]! - times[i - 2]!).toBeGreaterThanOrEqual(78);
    // Pairs start together: two in flight, not one.
    for (let i = 1; i < times.length; i += 2) expect(times[i]! - times[i - 1]!).toBeLessThan(40);
  });

  it("keeps the minimum interval between request starts", async () => {
    sim = await startSimulator();
    const client = probeClient(sim, { rateLimit: { minIntervalMs: 60 } });
    // One call first, so that connection setup does not skew the arrival times measured after it.
    await client.getText("/json", { query: { size: 1 } });
    await Promise.all(Array.from({ length: 6 }, () => client.getText("/json", { query: { size: 1 } })));
    const times = arrivals(sim);
    expect(times).toHaveLength(7);
    for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(55);
  });
});
