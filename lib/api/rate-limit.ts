import { clientAddress } from "@/lib/client-address";
import { env } from "@/lib/env";

/**
 * A token bucket per client, kept in this process's memory: each app instance counts on its own, so with N
 * replicas behind a load balancer a client may make up to N times API_RATE_LIMIT_PER_MINUTE requests a minute.
 * The bucket holds `limit` requests and refills continuously over one minute, so bursts are allowed but the
 * average stays under the limit.
 */
const WINDOW_MS = 60_000;

interface Bucket {
  tokens: number;
  at: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
  /** Seconds until the next request is allowed (only when refused). */
  retryAfterSeconds?: number;
}

// One store per process: every route handler is bundled on its own, but they all share globalThis.
const g = globalThis as unknown as { __pitwallRateLimits?: { buckets: Map<string, Bucket>; lastSweep: number } };
const store = (g.__pitwallRateLimits ??= { buckets: new Map(), lastSweep: 0 });
const { buckets } = store;

/** Buckets kept at most; past it the least recently used go first (a full bucket is the same as none). */
const MAX_BUCKETS = 100_000;

/** Who a request counts against: its client address (lib/client-address.ts), the same one the login limit uses. */
export function clientOf(request: Request): string {
  return clientAddress(request.headers);
}

// A bucket idle for a whole window is full again, the same as no bucket: forget it so memory stays bounded.
function sweep(now: number): void {
  if (now - store.lastSweep < WINDOW_MS) return;
  store.lastSweep = now;
  for (const [client, bucket] of buckets) if (now - bucket.at >= WINDOW_MS) buckets.delete(client);
}

/** Keeps at most MAX_BUCKETS: a Map iterates in insertion order, and a used bucket is moved to the end. */
function remember(client: string, bucket: Bucket): void {
  buckets.delete(client);
  buckets.set(client, bucket);
  while (buckets.size > MAX_BUCKETS) buckets.delete(buckets.keys().next().value!);
}

/** Counts one request for `client`. */
export function takeRequest(client: string, limit: number = env().API_RATE_LIMIT_PER_MINUTE, now: number = Date.now()): RateLimitDecision {
  sweep(now);
  const perMs = limit / WINDOW_MS;
  const bucket = buckets.get(client) ?? { tokens: limit, at: now };
  bucket.tokens = Math.min(limit, bucket.tokens + (now - bucket.at) * perMs);
  bucket.at = now;
  remember(client, bucket);
  const allowed = bucket.tokens >= 1;
  if (allowed) bucket.tokens -= 1;
  return {
    allowed,
    limit,
    remaining: Math.floor(bucket.tokens),
    resetSeconds: Math.ceil((limit - bucket.tokens) / perMs / 1000),
    ...(allowed ? {} : { retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) }),
  };
}

/** The RateLimit-* headers (IETF draft names) every API response carries, plus Retry-After on a 429. */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  return {
    "RateLimit-Limit": String(decision.limit),
    "RateLimit-Remaining": String(decision.remaining),
    "RateLimit-Reset": String(decision.resetSeconds),
    ...(decision.retryAfterSeconds !== undefined ? { "Retry-After": String(decision.retryAfterSeconds) } : {}),
  };
}
