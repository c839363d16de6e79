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

/** Leaderboards fetched and stored per batch (one durable step). */
export const BATCH_SIZE = 200;

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
  /** Leaderboards the generation still lacks after this batch. */
  remaining: boolean;
}

/** Fetches and stores the next batch of a pending generation. A batch replayed after a crash fetches nothing twice. */
export async function refreshNextBatch(
  generationId: number,
  options: { batchSize?: number; client?: UpstreamClient; politeness?: Politeness; signal?: AbortSignal } = {},
): Promise<BatchReport> {
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const leaderboards = await nextLeaderboards(generationId, batchSize);
  if (leaderboards.length === 0) {
    return { leaderboards: 0, fetched: 0, empty: 0, kept: 0, failed: 0, entries: 0, rejected: 0, requests: 0, remaining: false };
  }
  const outcomes = await fetchLeaderboards(options.client ?? raceroomClient(), leaderboards, {
    ...(options.politeness ?? politeness()),
    populated: await populatedLeaderboards(leaderboards),
    signal: options.signal,
  });
  const stored = await storeBatch(generationId, outcomes);
  const requests = outcomes.reduce((sum, o) => sum + (o.ok ? o.leaderboard.requests : 0), 0);
  return { ...stored, requests, remaining: leaderboards.length === batchSize };
}

export interface IncrementalReport {
  leaderboards: number;
  replaced: number;
  kept: number;
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
  const report: IncrementalReport = { leaderboards: leaderboards.length, replaced: 0, kept: 0, entries: 0 };
  if (leaderboards.length === 0) return report;
  const outcomes = await fetchLeaderboards(options.client ?? raceroomClient(), leaderboards, {
    ...(options.politeness ?? politeness()),
    populated: await populatedLeaderboards(leaderboards),
    signal: options.signal,
  });
  for (const outcome of outcomes) {
    const result = await replaceLeaderboard(outcome);
    if (result.status === "kept") report.kept += 1;
    else if (result.status !== "no-live-generation") report.replaced += 1;
    report.entries += result.entries;
  }
  return report;
}
