/** How hard Pitwall may press one upstream host. Omitted fields mean "no limit". */
export interface RateLimit {
  /** Token-bucket refill rate. */
  requestsPerSecond?: number;
  /** Token-bucket size: requests that may start back to back after a quiet spell (default 1: evenly spaced). */
  burst?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Minimum time between the starts of two requests. */
  minIntervalMs?: number;
}

interface Waiter {
  grant: (release: () => void) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/**
 * The gate every request to one host passes: a token bucket, a concurrency limit, a minimum interval and a
 * pause that Retry-After and rate-limit reset headers set. Waiters are served first come, first served.
 */
export class HostGate {
  private requestsPerSecond = Infinity;
  private burst = Infinity;
  private concurrency = Infinity;
  private minIntervalMs = 0;
  private tokens = Infinity;
  private refilledAt = performance.now();
  private active = 0;
  private lastStartAt = -Infinity;
  private pausedUntil = 0;
  /** Waiters in order; the first `urgentWaiting` of them are urgent ones. */
  private readonly queue: Waiter[] = [];
  private urgentWaiting = 0;
  private timer: NodeJS.Timeout | undefined;

  /** Several clients may share a host: the strictest setting of each kind wins. */
  tighten(limit: RateLimit): void {
    if (limit.requestsPerSecond !== undefined) {
      this.refill(performance.now());
      this.requestsPerSecond = Math.min(this.requestsPerSecond, limit.requestsPerSecond);
      this.burst = Math.min(this.burst, limit.burst ?? 1);
      this.tokens = Math.min(this.tokens, this.burst);
    }
    if (limit.concurrency !== undefined) this.concurrency = Math.min(this.concurrency, limit.concurrency);
    if (limit.minIntervalMs !== undefined) this.minIntervalMs = Math.max(this.minIntervalMs, limit.minIntervalMs);
  }

  /**
   * Waits for a slot; call the returned function when the request is over (body read or failed). An `urgent` request
   * (the next page of something already under way) goes before the others still waiting: work started finishes first.
   */
  acquire(signal?: AbortSignal, urgent = false): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: resolve,
        reject,
        signal,
        onAbort: () => {
          const at = this.queue.indexOf(waiter);
          if (at >= 0) this.queue.splice(at, 1);
          if (at >= 0 && at < this.urgentWaiting) this.urgentWaiting -= 1;
          reject(signal?.reason);
          this.pump();
        },
      };
      signal?.addEventListener("abort", waiter.onAbort, { once: true });
      if (urgent) this.queue.splice(this.urgentWaiting++, 0, waiter);
      else this.queue.push(waiter);
      this.pump();
    });
  }

  /** Holds every request to this host for `ms` (the upstream told us to back off). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, performance.now() + ms);
    this.pump();
  }

  /** How long the current pause still lasts. */
  pauseRemainingMs(): number {
    return Math.max(0, this.pausedUntil - performance.now());
  }

  private refill(now: number): void {
    if (this.requestsPerSecond === Infinity) return;
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) * this.requestsPerSecond) / 1000);
    this.refilledAt = now;
  }

  private pump(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.queue.length > 0) {
      if (this.active >= this.concurrency) return; // a release pumps again
      const now = performance.now();
      this.refill(now);
      const tokenWait = this.tokens >= 1 ? 0 : ((1 - this.tokens) * 1000) / this.requestsPerSecond;
      const wait = Math.max(this.pausedUntil - now, this.lastStartAt + this.minIntervalMs - now, tokenWait);
      if (wait > 0) {
        this.timer = setTimeout(() => this.pump(), Math.ceil(wait));
        return;
      }
      const waiter = this.queue.shift()!;
      if (this.urgentWaiting > 0) this.urgentWaiting -= 1;
      waiter.signal?.removeEventListener("abort", waiter.onAbort);
      if (this.requestsPerSecond !== Infinity) this.tokens -= 1;
      this.active += 1;
      this.lastStartAt = now;
      let released = false;
      waiter.grant(() => {
        if (released) return;
        released = true;
        this.active -= 1;
        this.pump();
      });
    }
  }
}

// One gate per host for the whole process; Next dev reloads modules, globalThis survives them.
const g = globalThis as unknown as { __pitwallHostGates?: Map<string, HostGate> };

/** The shared gate for `host` (host:port), tightened to `limit`. */
export function hostGate(host: string, limit: RateLimit): HostGate {
  const gates = (g.__pitwallHostGates ??= new Map());
  let gate = gates.get(host);
  if (!gate) {
    gate = new HostGate();
    gates.set(host, gate);
  }
  gate.tighten(limit);
  return gate;
}
