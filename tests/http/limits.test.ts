import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { flushLedger } from "@/lib/http";
import { startSimulator, type Simulator, type Upstream } from "@/sim/server";
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
  // Before the file's database is dropped (after-hooks run in reverse order).
  afterAll(() => flushLedger());

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
    // A bucket of one token releases at most 21 requests in any second; one more is allowed for a request
    // whose arrival was held up on a busy machine while the next one arrived on time.
    expect(busiestSecond(times)).toBeLessThanOrEqual(22);
    const spanMs = Math.max(...times) - Math.min(...times);
    expect(spanMs).toBeGreaterThanOrEqual((35 / 20) * 1_000 * 0.95);
  });

  it("lets a burst through, then paces to the rate", async () => {
    sim = await startSimulator();
    const client = probeClient(sim, { rateLimit: { requestsPerSecond: 10, burst: 5 } });
    await Promise.all(Array.from({ length: 10 }, () => client.getText("/json", { query: { size: 1 } })));
    const times = arrivals(sim).map((t) => t - arrivals(sim!)[0]!);
    // Without the burst the fifth request would wait 400 ms for its token.
    expect(times[4]).toBeLessThan(300);
    // The remaining five wait for refills at 100 ms each: the last starts 500 ms after the first (less the
    // time the first may have spent opening its connection on a busy machine).
    expect(times[9]).toBeGreaterThanOrEqual(400);
  });

  it("never has more requests in flight than the concurrency limit, and uses all of it", async () => {
    let inFlight = 0;
    let peak = 0;
    const gauge: Upstream = {
      prefix: "/gauge",
      name: "in-flight gauge",
      async handle() {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await sleep(80);
        inFlight -= 1;
        return { body: {} };
      },
    };
    sim = await startSimulator({ upstreams: [gauge] });
    const client = probeClient(sim, { baseUrl: `${sim.url}/gauge`, rateLimit: { concurrency: 2 } });
    await Promise.all(Array.from({ length: 8 }, () => client.getText("/laps")));

    expect(peak).toBe(2);
    const times = arrivals(sim, "/gauge");
    expect(times).toHaveLength(8);
    // Each answer takes 80 ms from arrival, so a third request can only arrive after one of the first two was answered.
    for (let i = 2; i < times.length; i += 1) expect(times[i]! - times[i - 2]!).toBeGreaterThanOrEqual(79);
  });

  it("keeps the minimum interval between request starts", async () => {
    sim = await startSimulator();
    const client = probeClient(sim, { rateLimit: { minIntervalMs: 60 } });
    // One call first, so that connection setup does not skew the arrival times measured after it.
    await client.getText("/json", { query: { size: 1 } });
    await Promise.all(Array.from({ length: 6 }, () => client.getText("/json", { query: { size: 1 } })));
    const times = arrivals(sim);
    expect(times).toHaveLength(7);
    // Gaps are measured on arrival: on a busy machine a request held up on its way shortens the next gap,
    // so the bounds leave room for that, far above the ~1 ms of unpaced requests.
    expect((times[6]! - times[0]!) / 6).toBeGreaterThanOrEqual(50);
    for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBeGreaterThan(10);
  });
});
