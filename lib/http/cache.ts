import { and, eq, gt, lte, sql } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/lib/db";
import { httpCache } from "@/db/schema/platform";
import { logger } from "@/lib/log";
import { recordCall } from "./ledger";

export interface CacheOptions<T> {
  /** Ledger source the cache hit is counted against, e.g. "raceroom". */
  source: string;
  /** Skip the cached copy, fetch and store a fresh one. */
  refresh?: boolean;
  /** Ledger endpoint name for hits; defaults to the key. */
  endpoint?: string;
  /** Checks a cached value still has the expected shape; one that does not is refetched. */
  schema?: z.ZodType<T>;
}

const log = logger("http.cache");

// Concurrent misses for one key share one fetch.
const inFlight = new Map<string, Promise<unknown>>();

async function readFresh(key: string): Promise<{ body: string; status: number } | undefined> {
  try {
    const [row] = await db()
      .select({ body: httpCache.body, status: httpCache.status })
      .from(httpCache)
      .where(and(eq(httpCache.key, key), gt(httpCache.expiresAt, sql`now()`)))
      .limit(1);
    return row;
  } catch (error) {
    log.warn({ err: error, key }, "response cache read failed; fetching from upstream");
    return undefined;
  }
}

async function store(key: string, source: string, body: string, ttlSeconds: number): Promise<void> {
  const expiresAt = sql`now() + make_interval(secs => ${ttlSeconds})`;
  try {
    await db()
      .insert(httpCache)
      .values({ key, source, body, status: 200, contentType: "application/json", expiresAt })
      .onConflictDoUpdate({ target: httpCache.key, set: { source, body, status: 200, contentType: "application/json", fetchedAt: sql`now()`, expiresAt } });
  } catch (error) {
    log.warn({ err: error, key }, "response cache write failed");
  }
}

function fromCache<T>(body: string, schema: z.ZodType<T> | undefined): { value: T } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!schema) return { value: parsed as T };
  const checked = schema.safeParse(parsed);
  return checked.success ? { value: checked.data } : undefined;
}

/**
 * Read-through cache in Postgres: a fresh entry for `key` is returned (and counted as a cache hit in the
 * ledger); otherwise `fetcher` runs and its JSON-serialisable result is kept for `ttlSeconds`.
 */
export async function cacheOrFetch<T>(key: string, ttlSeconds: number, fetcher: () => Promise<T>, options: CacheOptions<T>): Promise<T> {
  if (!options.refresh) {
    const at = new Date();
    const startedAt = performance.now();
    const cached = await readFresh(key);
    const hit = cached && fromCache(cached.body, options.schema);
    if (cached && hit) {
      recordCall({
        at,
        source: options.source,
        endpoint: options.endpoint ?? key,
        params: null,
        method: "GET",
        status: cached.status,
        durationMs: Math.round(performance.now() - startedAt),
        bytes: Buffer.byteLength(cached.body),
        cacheHit: true,
        retries: 0,
        error: null,
      });
      return hit.value;
    }
  }

  const pending = inFlight.get(key);
  if (pending) return pending as Promise<T>;
  const fetching = (async () => {
    const value = await fetcher();
    const body = JSON.stringify(value);
    if (body !== undefined) await store(key, options.source, body, ttlSeconds);
    return value;
  })().finally(() => inFlight.delete(key));
  inFlight.set(key, fetching);
  return fetching;
}

/** Deletes cache entries past their expiry; returns how many. */
export async function pruneExpiredCache(): Promise<number> {
  const result = await db().delete(httpCache).where(lte(httpCache.expiresAt, sql`now()`));
  return result.count;
}
