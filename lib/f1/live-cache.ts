import type { IncomingMessage, ServerResponse } from "node:http";
import { etagMatches } from "@/lib/api/http-cache";
import { sql } from "@/lib/db";
import { logger } from "@/lib/log";
import type { LiveFeed } from "./feed";
import { latestSnapshotText, SNAPSHOT_CHANNEL } from "./snapshots";

const log = logger("f1.live");

/** A lost notification (a reconnect) costs at most this long: the newest snapshot is read again on this beat. */
const SAFETY_REFRESH_MS = 5_000;
export const LIVE_CACHE_CONTROL = "public, max-age=1, s-maxage=1, stale-while-revalidate=1";

export interface LiveAnswer {
  sequence: number;
  etag: string;
  body: Buffer;
}

const IDLE: Omit<LiveFeed, "sequence"> = {
  mode: "idle",
  status: "idle",
  message: "No session is being followed yet: one starts when OpenF1 has a live session, or when an operator starts a replay.",
  publishedAt: new Date(0).toISOString(),
  session: null,
  source: null,
  replay: null,
  feeds: {},
  state: null,
};

function answerOf(sequence: number, body: string): LiveAnswer {
  return { sequence, etag: `"${sequence}"`, body: Buffer.from(body) };
}

// One copy per process, whatever bundle asks (the launcher's fast path and Next's route handler share it).
interface LiveCache {
  current: LiveAnswer;
  ready: Promise<void> | null;
  stop: (() => Promise<void>) | null;
  /** Reads under way, which stopping waits for. */
  reloads: Set<Promise<void>>;
}
const idleAnswer = () => answerOf(0, JSON.stringify({ sequence: 0, ...IDLE }));
const g = globalThis as unknown as { __pitwallF1Live?: LiveCache };
const cache = (g.__pitwallF1Live ??= { current: idleAnswer(), ready: null, stop: null, reloads: new Set() });

function reload(): Promise<void> {
  const reading = (async () => {
    const latest = await latestSnapshotText();
    if (latest && latest.sequence > cache.current.sequence) cache.current = answerOf(latest.sequence, latest.body);
  })();
  cache.reloads.add(reading);
  void reading.catch(() => undefined).finally(() => cache.reloads.delete(reading));
  return reading;
}

/**
 * The newest snapshot, kept in memory: read once, then again only when Postgres announces a new sequence
 * (LISTEN f1_snapshot), so a request costs no database work whatever the number of viewers.
 */
export async function liveAnswer(): Promise<LiveAnswer> {
  cache.ready ??= (async () => {
    let stopped = false;
    const listening = await sql().listen(
      SNAPSHOT_CHANNEL,
      (payload) => {
        if (!stopped && Number(payload) > cache.current.sequence)
          void reload().catch((error: unknown) => log.warn({ err: error }, "reading the new snapshot failed"));
      },
      // Also after every reconnect: notifications sent while away are lost.
      () => void (stopped ? undefined : reload().catch(() => undefined)),
    );
    await reload();
    const safety = setInterval(() => void reload().catch(() => undefined), SAFETY_REFRESH_MS).unref();
    cache.stop = async () => {
      stopped = true;
      clearInterval(safety);
      await listening.unlisten();
    };
  })().catch((error: unknown) => {
    cache.ready = null;
    throw error;
  });
  await cache.ready;
  return cache.current;
}

/** Stops listening and forgets the snapshot (before the database is closed: tests). */
export async function stopLiveAnswers(): Promise<void> {
  await cache.ready?.catch(() => undefined);
  const stop = cache.stop;
  Object.assign(cache, { current: idleAnswer(), ready: null, stop: null });
  await stop?.();
  await Promise.allSettled([...cache.reloads]);
}

/** The current answer without waiting (the fast path, once warm). */
export function liveAnswerNow(): LiveAnswer | null {
  return cache.ready ? cache.current : null;
}

function send(req: IncomingMessage, res: ServerResponse, answer: LiveAnswer): void {
  const headers = {
    "content-type": "application/json; charset=utf-8",
    etag: answer.etag,
    "cache-control": LIVE_CACHE_CONTROL,
    "access-control-allow-origin": "*",
    "access-control-expose-headers": "ETag",
    "x-content-type-options": "nosniff",
  };
  if (etagMatches(req.headers["if-none-match"] ?? null, answer.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, "content-length": answer.body.length });
  res.end(req.method === "HEAD" ? undefined : answer.body);
}

/**
 * /api/v1/f1/live without the framework: the launcher hands GET and HEAD here before Next sees them. Other methods
 * (CORS preflight) go on to the route handler, which serves the same answer with the API's conventions.
 */
export function serveLive(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const ready = liveAnswerNow();
  if (ready) send(req, res, ready);
  else
    liveAnswer().then(
      (answer) => send(req, res, answer),
      () => {
        res.writeHead(503, { "content-type": "application/json; charset=utf-8", "retry-after": "1" });
        res.end(JSON.stringify({ error: { code: "unavailable", message: "The live snapshot is not readable yet." } }));
      },
    );
  return true;
}
