import type { FaultKind } from "./faults";

/** Request counts of one prefix, with the arrival times (epoch ms) of its most recent requests. */
export interface PrefixStats {
  requests: number;
  errors: number;
  rateLimited: number;
  timeouts: number;
  truncated: number;
  /** Oldest first; enough to count a client's requests per second. */
  recentRequestTimes: number[];
}

export interface SimStats {
  seed: number;
  /** When the counters were last reset (epoch ms). */
  since: number;
  prefixes: Record<string, PrefixStats>;
}

export const RECENT_REQUESTS_KEPT = 10_000;

const FAULT_COUNTER: Record<FaultKind, "errors" | "rateLimited" | "timeouts" | "truncated"> = {
  error: "errors",
  rateLimit: "rateLimited",
  timeout: "timeouts",
  truncate: "truncated",
};

class PrefixCounter {
  requests = 0;
  faults = { errors: 0, rateLimited: 0, timeouts: 0, truncated: 0 };
  private readonly times = new Float64Array(RECENT_REQUESTS_KEPT);
  private next = 0;

  arrived(at: number): void {
    this.times[this.next % RECENT_REQUESTS_KEPT] = at;
    this.next += 1;
    this.requests += 1;
  }

  recent(): number[] {
    const kept = Math.min(this.next, RECENT_REQUESTS_KEPT);
    const out: number[] = [];
    for (let i = this.next - kept; i < this.next; i += 1) out.push(this.times[i % RECENT_REQUESTS_KEPT] ?? 0);
    return out;
  }
}

export class StatsTable {
  private counters = new Map<string, PrefixCounter>();
  private since = Date.now();

  constructor(private readonly prefixes: string[]) {
    this.reset();
  }

  arrived(prefix: string, at: number): void {
    this.counter(prefix).arrived(at);
  }

  injected(prefix: string, kind: FaultKind): void {
    this.counter(prefix).faults[FAULT_COUNTER[kind]] += 1;
  }

  snapshot(seed: number): SimStats {
    const prefixes: Record<string, PrefixStats> = {};
    for (const [prefix, counter] of this.counters) {
      prefixes[prefix] = { requests: counter.requests, ...counter.faults, recentRequestTimes: counter.recent() };
    }
    return { seed, since: this.since, prefixes };
  }

  reset(): void {
    this.since = Date.now();
    this.counters = new Map(this.prefixes.map((prefix) => [prefix, new PrefixCounter()]));
  }

  private counter(prefix: string): PrefixCounter {
    const counter = this.counters.get(prefix);
    if (!counter) throw new Error(`no counter for ${prefix}`);
    return counter;
  }
}
