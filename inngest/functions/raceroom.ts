import { NonRetriableError } from "inngest";
import { env } from "@/lib/env";
import { syncProgress } from "@/lib/jobs/progress";
import { ensureSyncRun } from "@/lib/jobs/runs";
import { beginFullRefresh, promoteGeneration } from "@/lib/raceroom/ingest";
import { BATCH_SIZE, incrementalCandidates, refreshCatalogue, refreshCombinations, refreshNextBatch } from "@/lib/raceroom/refresh";
import { cancelOnSyncCancel, inngest, syncRequested } from "../client";

export const RACEROOM_FULL_REFRESH = "raceroom.full-refresh";
export const RACEROOM_INCREMENTAL_REFRESH = "raceroom.incremental-refresh";
export const fullRefreshRequested = syncRequested("raceroom/full-refresh.requested");
export const incrementalRefreshRequested = syncRequested("raceroom/incremental-refresh.requested");

/** Schedules are in UTC unless the setting names its own zone ("TZ=Europe/Berlin 0 4 * * *"). */
const utc = (expression: string) => (/^(CRON_)?TZ=/.test(expression.trim()) ? expression : `TZ=UTC ${expression}`);

/** Inngest allows 1,000 steps per run: batches grow when the catalogue does, leaving room for the other steps. */
const MAX_BATCH_STEPS = 900;
/** Boards per step of the hourly refresh. */
const INCREMENTAL_CHUNK = 50;

/**
 * Every board, nightly (and on demand): a new generation filled batch by batch, then promoted in one transaction.
 * Step results are ids and counts only. A run that dies resumes its pending generation (stored boards are skipped).
 */
export const raceroomFullRefresh = inngest.createFunction(
  {
    id: "raceroom-full-refresh",
    name: "RaceRoom full refresh",
    retries: 3,
    concurrency: { limit: 1 },
    cancelOn: cancelOnSyncCancel,
    triggers: [{ cron: utc(env().RACEROOM_FULL_REFRESH_CRON) }, fullRefreshRequested],
  },
  async ({ event, step, runId }) => {
    const syncRunId = await step.run("open-sync-run", () => ensureSyncRun(RACEROOM_FULL_REFRESH, event));
    const progress = syncProgress(syncRunId, runId);
    const catalogue = await step.run("catalogue", () => refreshCatalogue());
    const generation = await step.run("begin-generation", async () => {
      const pending = await beginFullRefresh({ syncRunId });
      await progress.start(pending.combinationsTotal);
      if (pending.combinationsDone > 0) await progress.advance({ done: pending.combinationsDone, currentItem: "Resuming an interrupted refresh" });
      return { ...pending, batchSize: Math.max(BATCH_SIZE, Math.ceil(pending.combinationsTotal / MAX_BATCH_STEPS)) };
    });

    const totals = { boards: 0, entries: 0, failed: 0, kept: 0, requests: 0 };
    for (let batch = 1; ; batch += 1) {
      const report = await step.run(`batch-${batch}`, async () => {
        if (await progress.isCancelled()) throw new NonRetriableError("Cancelled from the dashboard");
        const result = await refreshNextBatch(generation.generationId, { batchSize: generation.batchSize });
        await progress.advance({
          done: result.combinations,
          currentItem: `Batch ${batch}: ${result.fetched} boards with entries, ${result.entries.toLocaleString("en-US")} entries`,
          counts: { fetched: result.fetched + result.empty, created: result.entries, failed: result.failed, skipped: result.rejected },
        });
        return result;
      });
      totals.boards += report.combinations;
      totals.entries += report.entries;
      totals.failed += report.failed;
      totals.kept += report.kept;
      totals.requests += report.requests;
      if (!report.remaining) break;
    }

    const promoted = await step.run("promote", async () => {
      await progress.advance({ currentItem: "Indexing and promoting the new generation" });
      return promoteGeneration(generation.generationId);
    });
    await step.run("finish", () => progress.succeed({ catalogue: catalogue.source, ...totals, ...promoted }));
    return { generationId: generation.generationId, ...totals, promotionMs: promoted.promotionMs };
  },
);

/** Hourly: boards older than RACEROOM_STALE_AFTER_HOURS (failed ones included), most popular first, replaced one by one. */
export const raceroomIncrementalRefresh = inngest.createFunction(
  {
    id: "raceroom-incremental-refresh",
    name: "RaceRoom incremental refresh",
    retries: 3,
    concurrency: { limit: 1 },
    cancelOn: cancelOnSyncCancel,
    triggers: [{ cron: utc(env().RACEROOM_INCREMENTAL_REFRESH_CRON) }, incrementalRefreshRequested],
  },
  async ({ event, step, runId }) => {
    const syncRunId = await step.run("open-sync-run", () => ensureSyncRun(RACEROOM_INCREMENTAL_REFRESH, event));
    const progress = syncProgress(syncRunId, runId);
    const candidates = await step.run("pick-boards", async () => {
      const stale = await incrementalCandidates();
      await progress.start(stale.length);
      return stale;
    });
    const totals = { replaced: 0, kept: 0, entries: 0 };
    for (let from = 0; from < candidates.length; from += INCREMENTAL_CHUNK) {
      const chunk = candidates.slice(from, from + INCREMENTAL_CHUNK);
      const report = await step.run(`boards-${from / INCREMENTAL_CHUNK + 1}`, async () => {
        if (await progress.isCancelled()) throw new NonRetriableError("Cancelled from the dashboard");
        const result = await refreshCombinations(chunk);
        await progress.advance({ done: chunk.length, counts: { updated: result.replaced, failed: result.kept, fetched: chunk.length } });
        return result;
      });
      totals.replaced += report.replaced;
      totals.kept += report.kept;
      totals.entries += report.entries;
    }
    await step.run("finish", () => progress.succeed({ boards: candidates.length, ...totals }));
    return { boards: candidates.length, ...totals };
  },
);

export const raceroomFunctions = [raceroomFullRefresh, raceroomIncrementalRefresh];
