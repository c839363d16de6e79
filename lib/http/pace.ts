// What the upstream's recent answers say about its pace, kept per process (Next dev reloads modules; globalThis stays).

/** The last `size` durations of successful attempts at one endpoint. */
export class LatencyWindow {
  private readonly samples: number[] = [];
  private next = 0;

  constructor(private readonly size = 200) {}

  add(ms: number): void {
    if (this.samples.length < this.size) this.samples.push(ms);
    else this.samples[this.next] = ms;
    this.next = (this.next + 1) % this.size;
  }

  get count(): number {
    return this.samples.length;
  }

  /** The p-quantile (0..1) of the window, or undefined while it is empty. */
  quantile(p: number): number | undefined {
    if (this.samples.length === 0) return undefined;
    const sorted = [...this.samples].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  }
}

/** The share of "slow down" answers (429, 503) among the last `size` answers of one host. */
export class ThrottleWindow {
  private readonly outcomes: boolean[] = [];
  private next = 0;

  constructor(private readonly size = 50) {}

  add(throttled: boolean): void {
    if (this.outcomes.length < this.size) this.outcomes.push(throttled);
    else this.outcomes[this.next] = throttled;
    this.next = (this.next + 1) % this.size;
  }

  /** True once at least `minAnswers` are known and `share` or more of them asked to slow down. */
  frequent(share: number, minAnswers = 10): boolean {
    return this.outcomes.length >= minAnswers && this.outcomes.filter(Boolean).length / this.outcomes.length >= share;
  }
}

const g = globalThis as unknown as { __pitwallPace?: { latency: Map<string, LatencyWindow>; throttle: Map<string, ThrottleWindow> } };
const state = (g.__pitwallPace ??= { latency: new Map(), throttle: new Map() });

export function latencyOf(key: string): LatencyWindow {
  let window = state.latency.get(key);
  if (!window) state.latency.set(key, (window = new LatencyWindow()));
  return window;
}

export function throttleOf(host: string): ThrottleWindow {
  let window = state.throttle.get(host);
  if (!window) state.throttle.set(host, (window = new ThrottleWindow()));
  return window;
}
