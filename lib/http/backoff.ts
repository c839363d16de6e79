/** Exponential backoff with full jitter: a random wait in [0, min(max, base * 2^(retry-1))). */
export function backoffDelayMs(retry: number, baseDelayMs: number, maxDelayMs: number): number {
  return Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (retry - 1));
}

function integerHeader(headers: Headers, ...names: string[]): number | undefined {
  for (const name of names) {
    const value = headers.get(name);
    if (value === null) continue;
    // "ratelimit-limit: 100, 100;w=60" (IETF draft) leads with the number we want.
    const parsed = Number.parseInt(value, 10);
    if (Number.isFinite(parsed)) return parsed;
  }
  return undefined;
}

/** Rate-limit headroom the upstream reports, when it does. */
export function rateLimitHeadroom(headers: Headers): { remaining: number | undefined; limit: number | undefined } {
  return {
    remaining: integerHeader(headers, "x-ratelimit-remaining", "ratelimit-remaining"),
    limit: integerHeader(headers, "x-ratelimit-limit", "ratelimit-limit"),
  };
}

/** Retry-After as milliseconds from now: delta seconds or an HTTP date. */
function retryAfterHeaderMs(headers: Headers, nowMs: number): number | undefined {
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** The reset of an exhausted rate-limit window as milliseconds from now. */
function rateLimitResetMs(headers: Headers, nowMs: number): number | undefined {
  if (rateLimitHeadroom(headers).remaining !== 0) return undefined;
  const reset = integerHeader(headers, "x-ratelimit-reset", "ratelimit-reset");
  if (reset === undefined) return undefined;
  // x-ratelimit-reset is epoch seconds; small values are delta seconds (IETF ratelimit-reset, some APIs).
  return reset > 1_000_000_000 ? Math.max(0, reset * 1000 - nowMs) : reset * 1000;
}

/** How long the upstream asks us to wait before the next request, if it says so. */
export function requestedWaitMs(headers: Headers, nowMs = Date.now()): number | undefined {
  const retryAfter = retryAfterHeaderMs(headers, nowMs);
  const reset = rateLimitResetMs(headers, nowMs);
  if (retryAfter === undefined) return reset;
  if (reset === undefined) return retryAfter;
  return Math.max(retryAfter, reset);
}
