import { PermanentJobError } from "@/lib/jobs/job";
import { defineSync } from "@/lib/jobs/sync-kind";
import { raceroomEnv } from "./env";
import { expireTag } from "@/lib/cache-expiry";
import { RACEROOM_CACHE_TAG } from "./cache-tag";
import { BATCH_SIZE, beginFullRefresh, incrementalCandidates, promoteGeneration, refreshCatalogue, refreshLeaderboards, refreshNextBatch } from "./refresh";

/** Inngest allows 1,000 steps per run: each batch takes at least its share of 900 steps, leaving room for the other steps. */
const MAX_BATCH_STEPS = 900;
/** Leaderboards per step of the hourly refresh. */
const INCREMENTAL_CHUNK = 50;

const cancelled = () => new PermanentJobError("Cancelled from the dashboard");

/**
 * Every leaderboard, nightly (and on demand): a new generation filled batch by batch, then promoted in one transaction.
 * Step results are ids and counts only. A run that dies resumes its pending generation (stored leaderboards are skipped).
 */
export const fullRefresh = defineSync({
  kind: "raceroom.full-refresh",
  label: "RaceRoom full refresh",
  description: "Fetches every leaderboard (layout x class) into a new generation and makes it live in one step. Nightly.",
  schedule: () => raceroomEnv().RACEROOM_FULL_REFRESH_CRON,
  concurrency: [{ limit: 1 }],
  async run({ steps, progress, syncRunId }) {
    const catalogue = await steps.run("catalogue", () => refreshCatalogue());
    const generation = await steps.run("begin-generation", async () => {
      const pending = await beginFullRefresh({ syncRunId });
      await progress.start(pending.leaderboardsTotal);
      if (pending.leaderboardsDone > 0) await progress.advance({ done: pending.leaderboardsDone, currentItem: "Resuming an interrupted refresh" });
      return { ...pending, minimum: Math.ceil(pending.leaderboardsTotal / MAX_BATCH_STEPS), batchSize: Math.max(BATCH_SIZE, Math.ceil(pending.leaderboardsTotal / MAX_BATCH_STEPS)) };
    });

    const totals = { leaderboards: 0, entries: 0, failed: 0, kept: 0, requests: 0 };
    for (let batch = 1; ; batch += 1) {
      const report = await steps.run(`batch-${batch}`, async () => {
        if (await progress.isCancelled()) throw cancelled();
        const result = await refreshNextBatch(generation.generationId, { batchSize: generation.batchSize, minimum: generation.minimum });
        await progress.advance({
          done: result.leaderboards,
          currentItem: `Batch ${batch}: ${result.fetched} leaderboards with entries, ${result.entries.toLocaleString("en-US")} entries`,
          counts: { fetched: result.fetched + result.empty, created: result.entries, failed: result.failed, skipped: result.rejected },
        });
        return result;
      });
      totals.leaderboards += report.leaderboards;
      totals.entries += report.entries;
      totals.failed += report.failed;
      totals.kept += report.kept;
      totals.requests += report.requests;
      if (!report.remaining) break;
    }

    const promoted = await steps.run("promote", async () => {
      await progress.advance({ currentItem: "Indexing and promoting the new generation" });
      const result = await promoteGeneration(generation.generationId);
      await expireTag(RACEROOM_CACHE_TAG);
      return result;
    });
    return { catalogue: catalogue.source, ...totals, ...promoted };
  },
});

/** Hourly: leaderboards older than RACEROOM_STALE_AFTER_HOURS (failed ones included), most popular first, replaced one by one. */
export const incrementalRefresh = defineSync({
  kind: "raceroom.incremental-refresh",
  label: "RaceRoom incremental refresh",
  description: "Refetches leaderboards older than a day (and those whose last fetch failed), most popular first. Hourly.",
  schedule: () => raceroomEnv().RACEROOM_INCREMENTAL_REFRESH_CRON,
  concurrency: [{ limit: 1 }],
  async run({ steps, progress }) {
    const candidates = await steps.run("pick-leaderboards", async () => {
      const stale = await incrementalCandidates();
      await progress.start(stale.length);
      return stale;
    });
    const totals = { replaced: 0, kept: 0, entries: 0 };
    for (let from = 0; from < candidates.length; from += INCREMENTAL_CHUNK) {
      const chunk = candidates.slice(from, from + INCREMENTAL_CHUNK);
      const report = await steps.run(`leaderboards-${from / INCREMENTAL_CHUNK + 1}`, async () => {
        if (await progress.isCancelled()) throw cancelled();
        const result = await refreshLeaderboards(chunk);
        if (result.replaced > 0) await expireTag(RACEROOM_CACHE_TAG);
        await progress.advance({ done: chunk.length, counts: { updated: result.replaced, failed: result.kept, fetched: chunk.length } });
        return result;
      });
      totals.replaced += report.replaced;
      totals.kept += report.kept;
      totals.entries += report.entries;
    }
    return { leaderboards: candidates.length, ...totals };
  },
});
