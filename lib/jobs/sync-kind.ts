import { z } from "zod";
import { SYNC_CANCEL_EVENT } from "./events";
import type { JobDefinition, Steps } from "./job";
import { syncProgress, type SyncProgress } from "./progress";
import { ensureSyncRun } from "./runs";

export interface SyncContext<Params> {
  steps: Steps;
  progress: SyncProgress;
  params: Params;
  syncRunId: string;
  runId: string;
  attempt: number;
}

/** A kind of sync: one card and "Run now" button in the admin, one API trigger, one CLI command, one job. */
export interface SyncKind {
  /** Stable id stored in sync_runs.kind, "<domain>.<name>", e.g. "raceroom.full-refresh". */
  kind: string;
  domain: string;
  label: string;
  description: string;
  /** The event that starts it, derived from the kind: "raceroom/full-refresh.requested". */
  event: string;
  /** What a trigger may pass (admin, API, CLI); cron runs get the defaults. */
  params: z.ZodObject;
  job: JobDefinition;
}

const KIND = /^([a-z0-9]+)\.([a-z0-9][a-z0-9-]*)$/;

/** Data of every sync request event: the sync_runs row the run reports to, and the trigger's parameters. */
export const syncRequestData = z.object({ syncRunId: z.uuid(), params: z.record(z.string(), z.unknown()).optional() });

export function syncEventName(kind: string): string {
  const [, domain, name] = KIND.exec(kind) ?? [];
  if (!domain || !name) throw new Error(`sync kind "${kind}" must look like <domain>.<name>`);
  return `${domain}/${name}.requested`;
}

export interface SyncDeclaration<P extends z.ZodObject> {
  kind: string;
  label: string;
  description: string;
  params?: P;
  /** A cron expression (UTC unless it names a zone), read when the job runner starts. */
  schedule?: () => string;
  retries?: JobDefinition["retries"];
  concurrency?: JobDefinition["concurrency"];
  /** The work, in durable steps; returns the details recorded on the sync run. */
  run(context: SyncContext<z.output<P>>): Promise<Record<string, unknown>>;
}

/**
 * Defines a sync kind once: its event and job follow from it. The job opens (or reuses) the sync run, runs the work,
 * and marks the run succeeded with the details the work returns; Cancel in the admin stops it at its next step.
 */
export function defineSync<P extends z.ZodObject = z.ZodObject<Record<string, never>>>(declaration: SyncDeclaration<P>): SyncKind {
  const event = syncEventName(declaration.kind);
  const params = (declaration.params ?? z.object({})) as P;
  const job: JobDefinition = {
    id: declaration.kind.replace(".", "-"),
    name: declaration.label,
    retries: declaration.retries ?? 3,
    concurrency: declaration.concurrency,
    cancelOn: [{ event: SYNC_CANCEL_EVENT, match: "data.syncRunId" }],
    get triggers() {
      return [...(declaration.schedule ? [{ cron: declaration.schedule() }] : []), { event }];
    },
    async run({ event: received, steps, runId, attempt }) {
      const syncRunId = await steps.run("open-sync-run", () => ensureSyncRun(declaration.kind, received));
      const requested = syncRequestData.safeParse(received.data);
      const details = await declaration.run({
        steps,
        progress: syncProgress(syncRunId, runId),
        params: params.parse(requested.success ? (requested.data.params ?? {}) : {}),
        syncRunId,
        runId,
        attempt,
      });
      await steps.run("finish", () => syncProgress(syncRunId, runId).succeed(details));
      return details;
    },
  };
  return { kind: declaration.kind, domain: declaration.kind.split(".")[0]!, label: declaration.label, description: declaration.description, event, params, job };
}
