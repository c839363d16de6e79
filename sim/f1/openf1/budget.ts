/**
 * OpenF1's rate limit: 30 requests per 10 seconds per client (`@rate_limiter.limit("30/10seconds")`, keyed by the
 * remote address). Counted over a moving window, and only the requests let through count.
 */
export class RequestBudget {
  private readonly recent = new Map<string, number[]>();

  constructor(
    readonly requests: number,
    readonly windowMs: number,
  ) {}

  /** Counts a request at `now`; when over budget, how long until the oldest counted one leaves the window. */
  take(client: string, now: number): { allowed: true } | { allowed: false; retryAfterMs: number } {
    const times = (this.recent.get(client) ?? []).filter((at) => at > now - this.windowMs);
    if (times.length >= this.requests) {
      this.recent.set(client, times);
      return { allowed: false, retryAfterMs: (times[0] ?? now) + this.windowMs - now };
    }
    times.push(now);
    this.recent.set(client, times);
    return { allowed: true };
  }

  clear(): void {
    this.recent.clear();
  }
}
