import { setTimeout as sleep } from "node:timers/promises";
import { asc, eq } from "drizzle-orm";
import { apiCalls } from "@/db/schema/platform";
import type { TestDatabase } from "@/tests/support/database";
import { createUpstreamClient, flushLedger, type UpstreamClientOptions } from "@/lib/http";
import type { SimResponse, Simulator, Upstream } from "@/sim/server";

/** One answer of a scripted upstream: a response, or a request left hanging for `hangMs`. */
export type ScriptStep = SimResponse | { hangMs: number };

/** A simulated upstream at `prefix` that answers its requests with `script` in order (the last step repeats). */
export function scriptedUpstream(prefix: string, script: ScriptStep[]): Upstream {
  let served = 0;
  return {
    prefix,
    name: `scripted ${prefix}`,
    async handle() {
      const step = script[Math.min(served, script.length - 1)];
      served += 1;
      if (!step) throw new Error("empty script");
      if ("hangMs" in step) {
        await sleep(step.hangMs);
        return { body: { late: true } };
      }
      return step;
    },
    reset() {
      served = 0;
    },
  };
}

/** A client for the simulator's /_probe upstream with test-sized timings; `overrides` replace fields. */
export function probeClient(sim: Simulator, overrides: Partial<UpstreamClientOptions> = {}) {
  return createUpstreamClient({
    source: "probe",
    baseUrl: `${sim.url}/_probe`,
    timeoutMs: 2_000,
    retries: { max: 3, baseDelayMs: 5, maxDelayMs: 20 },
    maxResponseBytes: 1_000_000,
    ...overrides,
  });
}

/** The ledger rows of one source, oldest first, after the buffered rows are written. */
export async function ledgerRows(database: TestDatabase, source: string) {
  await flushLedger();
  return database.db.select().from(apiCalls).where(eq(apiCalls.source, source)).orderBy(asc(apiCalls.id));
}

/** Arrival times (epoch ms) of the requests the simulator saw under `prefix`. */
export function arrivals(sim: Simulator, prefix = "/_probe"): number[] {
  return sim.stats().prefixes[prefix]?.recentRequestTimes ?? [];
}

/** Resolves once the simulator has seen `count` requests under `prefix`. */
export async function untilArrivals(sim: Simulator, count: number, prefix = "/_probe"): Promise<void> {
  while (arrivals(sim, prefix).length < count) await sleep(5);
}
