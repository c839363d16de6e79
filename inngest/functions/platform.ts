import { z } from "zod";
import { pruneLedger } from "@/lib/http";
import { failSyncRunOf } from "@/lib/jobs/runs";
import { inngest } from "../client";

const failure = z.object({
  run_id: z.string(),
  error: z.looseObject({ name: z.string().optional(), message: z.string().optional() }).optional(),
  event: z.looseObject({ data: z.looseObject({ syncRunId: z.uuid().optional() }).optional() }).optional(),
});

/** When a sync function fails for good (retries used up, NonRetriableError), its sync run ends as failed. */
export const syncRunFailed = inngest.createFunction(
  { id: "platform-sync-run-failed", name: "Sync run failed", retries: 5, triggers: [{ event: "inngest/function.failed" }] },
  async ({ event, step }) => {
    const parsed = failure.safeParse(event.data);
    if (!parsed.success) return { updated: 0 };
    const { run_id, error, event: original } = parsed.data;
    const message = error?.message ?? "The run failed";
    const updated = await step.run("mark-sync-run-failed", () =>
      failSyncRunOf({ syncRunId: original?.data?.syncRunId, inngestRunId: run_id, error: message }),
    );
    return { updated };
  },
);

/** Daily housekeeping: API ledger rows past their retention and expired cached responses. */
export const ledgerPrune = inngest.createFunction(
  { id: "platform-ledger-prune", name: "Prune the API call ledger", retries: 3, triggers: [{ cron: "15 3 * * *" }] },
  async ({ step }) => step.run("prune-ledger-and-cache", () => pruneLedger()),
);

export const platformFunctions = [syncRunFailed, ledgerPrune];
