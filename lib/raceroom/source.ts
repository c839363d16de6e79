import { setTimeout as sleep } from "node:timers/promises";
import { raceroomEnv } from "./env";
import { createUpstreamClient, type UpstreamClient } from "@/lib/http/client";
import { runBatch } from "@/lib/http/pool";
import { logger } from "@/lib/log";
import { parseCatalogue, type Catalogue } from "./catalogue";
import { listingResponseSchema, parseListingPage, type ListingEntry } from "./listing";

/** The upstream returns at most this many entries per request; a shorter page is the last one. */
export const PAGE_SIZE = 1500;
/** A leaderboard longer than this many pages is cut off there (the upstream would be looping). */
const MAX_PAGES = 100;
const EMPTY_RETRY_DELAY_MS = 250;

const log = logger("raceroom.source");

/** A leaderboard: one layout (the upstream's `track`) and one car class. */
export interface LeaderboardKey {
  layoutId: number;
  classId: number;
}

export interface LeaderboardEntry extends ListingEntry {
  /** 1-based and unique on the leaderboard. */
  position: number;
}

export interface FetchedLeaderboard extends LeaderboardKey {
  entries: LeaderboardEntry[];
  requests: number;
  /** Entries that failed validation (logged and left out). */
  rejected: number;
  /** The first page came back empty and was asked for again. */
  retriedEmpty: boolean;
}

export interface RaceroomClientOptions {
  baseUrl?: string;
  concurrency?: number;
  /** Each of the `concurrency` request slots waits this long between two requests (on average, across the host). */
  minIntervalMs?: number;
  timeoutMs?: number;
  retries?: { max: number; baseDelayMs: number; maxDelayMs: number };
}

/**
 * The HTTP client for game.raceroom.com (or the simulator), with the politeness settings from the environment: at most
 * RACEROOM_CONCURRENCY requests in flight, and on average RACEROOM_MIN_INTERVAL_MS between two requests of each slot,
 * paced by the host's gate (shared by every refresh of this process).
 */
export function raceroomClient(options: RaceroomClientOptions = {}): UpstreamClient {
  const settings = raceroomEnv();
  const baseUrl = options.baseUrl ?? settings.RACEROOM_BASE_URL;
  const concurrency = options.concurrency ?? settings.RACEROOM_CONCURRENCY;
  const minIntervalMs = options.minIntervalMs ?? settings.RACEROOM_MIN_INTERVAL_MS;
  return createUpstreamClient({
    source: "raceroom",
    baseUrl,
    rateLimit: { concurrency, ...(minIntervalMs > 0 ? { requestsPerSecond: (concurrency * 1000) / minIntervalMs, burst: concurrency } : {}) },
    timeoutMs: options.timeoutMs ?? settings.RACEROOM_TIMEOUT_MS,
    // An answer that never comes costs a few times the usual time of a page, not the whole timeout.
    adaptiveTimeout: { factor: 6, minMs: 100 },
    // No published rate limit: an occasional 429 delays its own request; frequent ones still pause the host.
    retryAfterScope: "request",
    // Short waits between tries: a leaderboard that keeps failing is fetched again in a later batch, with fresh tries.
    retries: options.retries ?? { max: 4, baseDelayMs: 200, maxDelayMs: 10_000 },
    maxResponseBytes: 64 * 1024 * 1024,
    // Without this header the listing answers with the HTML page instead of JSON.
    defaultHeaders: { "x-requested-with": "XMLHttpRequest", referer: new URL("/leaderboard/", baseUrl).toString() },
  });
}

export interface FetchLeaderboardOptions {
  /** Ask once more when the first page is empty: set for leaderboards known to have entries (an empty answer may be transient). */
  retryEmpty?: boolean;
  signal?: AbortSignal;
  pageSize?: number;
  /** Called after each page that arrived. */
  onPage?: () => void;
}

/**
 * The upstream's order is the ranking. One entry per driver and car: a leaderboard that shifted between two page
 * requests can repeat an entry, and its second copy is dropped. Positions are 1..n in that order.
 */
export function rankEntries(entries: readonly ListingEntry[]): LeaderboardEntry[] {
  const seen = new Set<string>();
  const ranked: LeaderboardEntry[] = [];
  for (const e of entries) {
    const key = `${e.driverId}\u0000${e.carName}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // A literal, not `{ ...e, position }`: V8 gives spread copies a slow shape, and every entry of a refresh is read
    // field by field when it is stored (measured 0.7 us against 0.05 us per entry for five fields).
    ranked.push({
      position: ranked.length + 1,
      driverId: e.driverId,
      driverName: e.driverName,
      countryCode: e.countryCode,
      countryName: e.countryName,
      carName: e.carName,
      lapTimeMs: e.lapTimeMs,
      team: e.team,
      rank: e.rank,
      difficulty: e.difficulty,
      achievedAt: e.achievedAt,
    });
  }
  return ranked;
}

/** Every entry of one leaderboard: pages of `PAGE_SIZE` from offset 0 until a short page. */
export async function fetchLeaderboard(client: UpstreamClient, leaderboard: LeaderboardKey, options: FetchLeaderboardOptions = {}): Promise<FetchedLeaderboard> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const collected: ListingEntry[] = [];
  let requests = 0;
  let rejected = 0;
  let retriedEmpty = false;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const start = page * pageSize;
    const get = async () => {
      requests += 1;
      const body = await client.getJson("/leaderboard/listing/0", {
        // The next pages of a leaderboard go first: the leaderboard under way finishes before new ones start.
        urgent: page > 0,
        query: { track: leaderboard.layoutId, car_class: `class-${leaderboard.classId}`, start, count: pageSize },
        endpoint: "leaderboard/listing",
        schema: listingResponseSchema,
        signal: options.signal,
      });
      options.onPage?.();
      return parseListingPage(body);
    };
    let result = await get();
    if (page === 0 && result.size === 0 && options.retryEmpty) {
      retriedEmpty = true;
      await sleep(EMPTY_RETRY_DELAY_MS, undefined, { signal: options.signal });
      result = await get();
    }
    collected.push(...result.entries);
    rejected += result.rejected.length;
    // One line per page: a change of format upstream would otherwise log every entry.
    if (result.rejected.length > 0) {
      log.warn({ ...leaderboard, start, rejected: result.rejected.length, examples: result.rejected.slice(0, 3) }, "leaderboard entries rejected");
    }
    if (result.size < pageSize) break;
    if (page === MAX_PAGES - 1) log.warn({ ...leaderboard, pages: MAX_PAGES }, "leaderboard cut off at the page limit");
  }
  return { ...leaderboard, entries: rankEntries(collected), requests, rejected, retriedEmpty };
}

export type LeaderboardOutcome = { ok: true; leaderboard: FetchedLeaderboard } | { ok: false; key: LeaderboardKey; error: string };

/** The layout and class an outcome is about, whether the fetch succeeded or not. */
export function keyOf(outcome: LeaderboardOutcome): LeaderboardKey {
  return outcome.ok ? { layoutId: outcome.leaderboard.layoutId, classId: outcome.leaderboard.classId } : outcome.key;
}

export interface FetchLeaderboardsOptions {
  /** Leaderboards in flight at once; their requests pass the host's gate, which keeps the politeness. */
  concurrency: number;
  /** Leaderboards (as "layoutId:classId") that had entries last time. */
  populated?: ReadonlySet<string>;
  /** Stop starting leaderboards after this long (once `minimum` have started): the rest are left for later. */
  budgetMs?: number;
  minimum?: number;
  /** Leave leaderboards that hold up the end of the call for later (see runBatch); unset: wait for all of them. */
  stragglerGraceMs?: number;
  /** A leaderboard whose fetch failed after the client's retries is left for later too (a later batch), not failed. */
  deferFailures?: boolean;
  signal?: AbortSignal;
}

export interface FetchedBatch {
  outcomes: LeaderboardOutcome[];
  /** Not fetched this time (not started within the budget, or left as stragglers): fetch them again later. */
  deferred: LeaderboardKey[];
}

export const leaderboardKey = (c: LeaderboardKey) => `${c.layoutId}:${c.classId}`;

/**
 * Fetches many leaderboards, `concurrency` at a time. One that fails (after the client's retries) is reported as failed;
 * the others are unaffected. Many leaderboards are in flight while only a few requests are: a leaderboard waiting for a
 * retry holds no request slot, and one that hangs is left for later instead of holding the call.
 */
export async function fetchLeaderboards(client: UpstreamClient, leaderboards: readonly LeaderboardKey[], options: FetchLeaderboardsOptions): Promise<FetchedBatch> {
  const { done, deferred } = await runBatch(leaderboards, options, async (key, signal, progress): Promise<LeaderboardOutcome | undefined> => {
    try {
      const leaderboard = await fetchLeaderboard(client, key, { signal, onPage: progress, retryEmpty: options.populated?.has(leaderboardKey(key)) ?? false });
      return { ok: true, leaderboard };
    } catch (error) {
      if (signal.aborted) throw error;
      const message = error instanceof Error ? error.message : String(error);
      if (options.deferFailures) {
        log.info({ ...key, err: message }, "leaderboard fetch failed; left for a later batch");
        return undefined;
      }
      log.warn({ ...key, err: message }, "leaderboard fetch failed");
      return { ok: false, key, error: message };
    }
  });
  const outcomes = done.flatMap((d) => (d.result ? [d.result] : []));
  const failedForLater = done.flatMap((d) => (d.result ? [] : [d.item]));
  if (deferred.length + failedForLater.length > 0) log.info({ deferred: deferred.length + failedForLater.length }, "leaderboards left for a later batch");
  return { outcomes, deferred: [...deferred, ...failedForLater] };
}

/** The catalogue from RACEROOM_CATALOGUE_URL (the shipped copy is in catalogue.ts). */
export async function fetchCatalogue(url: string = raceroomEnv().RACEROOM_CATALOGUE_URL): Promise<Catalogue> {
  const client = createUpstreamClient({
    source: "raceroom",
    baseUrl: new URL(url).origin,
    timeoutMs: raceroomEnv().RACEROOM_TIMEOUT_MS,
    retries: { max: 3, baseDelayMs: 1000, maxDelayMs: 30_000 },
    maxResponseBytes: 64 * 1024 * 1024,
  });
  return parseCatalogue(await client.getJson(url, { endpoint: "r3e-data.json" }));
}
