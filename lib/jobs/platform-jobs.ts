import { setTimeout as delay } from "node:timers/promises";
import { z } from "zod";
import { pruneAdminState } from "@/lib/admin/revocations";
import { pruneLedger } from "@/lib/http/prune";
import { defineJob, type JobDefinition } from "./job";
import { failSyncRunOf } from "./runs";
import { defineSync, type SyncKind } from "./sync-kind";

export const SELFTEST_LAPS = 20;

/** Twenty short laps with progress: proves the job runner end to end from the dashboard's Run now. */
export const selftest: SyncKind = defineSync({
  kind: "platform.selftest",
  label: "Platform self-test",
  description: "Walks through a few dozen short steps and reports progress, to prove the job runner end to end.",
  retries: 2,
  async run({ steps, progress }) {
    await steps.run("start", () => progress.start(SELFTEST_LAPS));
    for (let lap = 1; lap <= SELFTEST_LAPS; lap++) {
      await steps.run(`lap-${lap}`, async () => {
        await delay(150);
        await progress.advance({ done: 1, currentItem: `Lap ${lap} of ${SELFTEST_LAPS}`, counts: { fetched: 1, unchanged: 1 } });
      });
    }
    return { laps: SELFTEST_LAPS };
  },
});

const failure = z.object({
  run_id: z.string(),
  error: z.looseObject({ name: z.string().optional(), message: z.string().optional() }).optional(),
  event: z.looseObject({ data: z.looseObject({ syncRunId: z.uuid().optional() }).optional() }).optional(),
});

/** When a job fails for good (retries used up, a permanent error), its sync run ends as failed. */
const syncRunFailed = defineJob(z.looseObject({}), {
  id: "platform-sync-run-failed",
  name: "Sync run failed",
  retries: 5,
  triggers: [{ event: "inngest/function.failed" }],
  async run({ event, steps }) {
    const parsed = failure.safeParse(event.data);
    if (!parsed.success) return { updated: 0 };
    const { run_id, error, event: original } = parsed.data;
    const updated = await steps.run("mark-sync-run-failed", () =>
      failSyncRunOf({ syncRunId: original?.data?.syncRunId, inngestRunId: run_id, error: error?.message ?? "The run failed" }),
    );
    return { updated };
  },
});

/** Daily housekeeping: API ledger rows past their retention, expired cached responses, stale admin state. */
const housekeeping = defineJob(z.looseObject({}), {
  id: "platform-housekeeping",
  name: "Daily housekeeping",
  retries: 3,
  triggers: [{ cron: "15 3 * * *" }],
  async run({ steps }) {
    const ledger = await steps.run("prune-ledger-and-cache", () => pruneLedger());
    const admin = await steps.run("prune-admin-state", () => pruneAdminState());
    return { ...ledger, ...admin };
  },
});

export const platformSyncs: readonly SyncKind[] = [selftest];
export const platformJobs: readonly JobDefinition[] = [syncRunFailed, housekeeping];
