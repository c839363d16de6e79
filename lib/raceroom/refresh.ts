import { raceroomEnv } from "./env";
import type { UpstreamClient } from "@/lib/http/client";
import { logger } from "@/lib/log";
import { shippedCatalogue } from "./catalogue";
import { populatedLeaderboards, storeBatch, type BatchResult } from "./batch";
import { storeCatalogue } from "./catalogue-store";
import { nextLeaderboards } from "./generations";
import { replaceLeaderboard, staleLeaderboards } from "./replacement";

export { beginFullRefresh } from "./generations";
export { promoteGeneration } from "./promotion";
import { fetchLeaderboards, fetchCatalogue, raceroomClient } from "./source";

// The steps of a refresh, each small enough for one durable step; syncs.ts strings them together.

const log = logger("raceroom.refresh");

/** Leaderboards a batch (one durable step) takes at most. */
export const BATCH_SIZE = 2000;
/** A batch stops starting leaderboards after this long, so that a step stays short whatever the upstream's pace. */
const BATCH_BUDGET_MS = 20_000;
/** Once a batch has nothing left to start, leaderboards still running this long after the last one finished wait for a later batch. */
const STRAGGLER_GRACE_MS = 500;
/**
 * Leaderboards in flight per request slot. A leaderboard waiting to retry (backoff, Retry-After) holds no slot; with a
 * fifth of the answers failing, a leaderboard waits most of the time, and only many of them keep the slots busy.
 */
const IN_FLIGHT_PER_SLOT = 64;

export interface Politeness {
  /** Leaderboards fetched at once. */
  concurrency: number;
}

export function politeness(): Politeness {
  return { concurrency: raceroomEnv().RACEROOM_CONCURRENCY };
}

/**
 * Stores the catalogue from RACEROOM_CATALOGUE_URL, or the shipped copy when that cannot be fetched (a refresh
 * does not depend on GitHub being up). Returns where it came from and its size.
 */
export async function refreshCatalogue(): Promise<{ source: "remote" | "shipped"; layouts: number; classes: number; error?: string }> {
  try {
    const catalogue = await fetchCatalogue();
    await storeCatalogue(catalogue);
    return { source: "remote", layouts: catalogue.layouts.length, classes: catalogue.classes.length };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.warn({ err: message }, "catalogue fetch failed; using the shipped copy");
    const catalogue = await shippedCatalogue();
    await storeCatalogue(catalogue);
    return { source: "shipped", layouts: catalogue.layouts.length, classes: catalogue.classes.length, error: message };
  }
}

export interface BatchReport extends BatchResult {
  requests: number;
  /** Leaderboards left for a later batch (not started in time, or held up the end of this one). */
  deferred: number;
  /** Leaderboards the generation still lacks after this batch. */
  remaining: boolean;
}

/**
 * Fetches and stores the next batch of a pending generation. A batch ends on time: leaderboards it could not start within
 * its budget, or that held up its end, are left for the next batch; the last batch waits for every one (those that still
 * fail keep their previous rows, flagged). A batch replayed after a crash fetches nothing twice.
 */
export async function refreshNextBatch(
  generationId: number,
  options: {
    batchSize?: number;
    minimum?: number;
    budgetMs?: number;
    /** How long a leaderboard may show no progress once nothing is left to start (STRAGGLER_GRACE_MS by default). */
    stragglerGraceMs?: number;
    client?: UpstreamClient;
    politeness?: Politeness;
    signal?: AbortSignal;
  } = {},
): Promise<BatchReport> {
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const leaderboards = await nextLeaderboards(generationId, batchSize);
  if (leaderboards.length === 0) {
    return { leaderboards: 0, fetched: 0, empty: 0, kept: 0, failed: 0, entries: 0, rejected: 0, requests: 0, deferred: 0, remaining: false };
  }
  const last = leaderboards.length < batchSize;
  const { outcomes, deferred } = await fetchLeaderboards(options.client ?? raceroomClient(), leaderboards, {
    concurrency: (options.politeness ?? politeness()).concurrency * IN_FLIGHT_PER_SLOT,
    populated: await populatedLeaderboards(leaderboards),
    signal: options.signal,
    // Before the last batch, a leaderboard that fails or holds up the end is fetched again later, with fresh retries.
    ...(last ? {} : { budgetMs: options.budgetMs ?? BATCH_BUDGET_MS, minimum: options.minimum, stragglerGraceMs: options.stragglerGraceMs ?? STRAGGLER_GRACE_MS, deferFailures: true }),
  });
  const stored = await storeBatch(generationId, outcomes);
  const requests = outcomes.reduce((sum, o) => sum + (o.ok ? o.leaderboard.requests : 0), 0);
  return { ...stored, requests, deferred: deferred.length, remaining: !last || deferred.length > 0 };
}

export interface IncrementalReport {
  leaderboards: number;
  replaced: number;
  kept: number;
  /** Left stale for the next run (they held up the end of this one). */
  deferred: number;
  entries: number;
}

/** The leaderboards the hourly refresh should refetch now: stale ones, most popular first. */
export async function incrementalCandidates(): Promise<{ layoutId: number; classId: number }[]> {
  const settings = raceroomEnv();
  return staleLeaderboards(settings.RACEROOM_STALE_AFTER_HOURS, settings.RACEROOM_INCREMENTAL_LIMIT);
}

/** Refetches these leaderboards and replaces each in the live generation (each in its own transaction). */
export async function refreshLeaderboards(
  leaderboards: readonly { layoutId: number; classId: number }[],
  options: { client?: UpstreamClient; politeness?: Politeness; signal?: AbortSignal } = {},
): Promise<IncrementalReport> {
  const report: IncrementalReport = { leaderboards: leaderboards.length, replaced: 0, kept: 0, deferred: 0, entries: 0 };
  if (leaderboards.length === 0) return report;
  // A leaderboard that holds up the end stays as it is, still stale: the next hourly run takes it again.
  const { outcomes, deferred } = await fetchLeaderboards(options.client ?? raceroomClient(), leaderboards, {
    concurrency: (options.politeness ?? politeness()).concurrency * IN_FLIGHT_PER_SLOT,
    populated: await populatedLeaderboards(leaderboards),
    stragglerGraceMs: STRAGGLER_GRACE_MS,
    signal: options.signal,
  });
  report.deferred = deferred.length;
  for (const outcome of outcomes) {
    const result = await replaceLeaderboard(outcome);
    if (result.status === "kept") report.kept += 1;
    else if (result.status !== "no-live-generation") report.replaced += 1;
    report.entries += result.entries;
  }
  return report;
}
