/** The data API's per-user limit: a fixed window of `limit` requests, told in `x-ratelimit-*` headers. */
export class RateWindow {
  private startMs = 0;
  private used = 0;

  constructor(
    public limit: number,
    public windowMs: number,
  ) {}

  /** Counts one request at `nowMs`; `allowed` false once the window's requests are spent. */
  take(nowMs: number): { allowed: boolean; headers: Record<string, string> } {
    if (nowMs >= this.startMs + this.windowMs) {
      this.startMs = nowMs;
      this.used = 0;
    }
    const allowed = this.used < this.limit;
    if (allowed) this.used += 1;
    return {
      allowed,
      headers: {
        "x-ratelimit-limit": String(this.limit),
        "x-ratelimit-remaining": String(this.limit - this.used),
        "x-ratelimit-reset": String(Math.ceil((this.startMs + this.windowMs) / 1000)),
      },
    };
  }

  restart(): void {
    this.startMs = 0;
    this.used = 0;
  }
}
