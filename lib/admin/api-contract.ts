import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { syncRun } from "@/lib/api/platform-contract";

/** A sync run as scripts poll it: the public fields plus what only admins see. */
export const syncRunDetail = syncRun
  .extend({
    error: z.string().nullable().describe("Why the run failed, when it did"),
    cancelRequested: z.boolean().describe("Cancel was pressed; the run stops at its next step"),
  })
  .meta({ id: "SyncRunDetail" });

export const triggerSyncEndpoint = defineEndpoint({
  id: "admin.syncs.trigger",
  method: "POST",
  path: "/api/v1/admin/syncs/{kind}",
  summary: "Start a sync now",
  description:
    "Queues a run of the sync kind, as the dashboard's Run now button does, and answers 202 with its id. " +
    "Poll `GET /api/v1/admin/sync-runs/{id}` for progress. 404 for a kind that does not exist.",
  tags: ["Admin"],
  params: z.object({
    kind: z
      .string()
      .max(100)
      .regex(/^[a-z0-9][a-z0-9._-]*$/, "must be a sync kind such as platform.selftest")
      .describe("A sync kind, e.g. `platform.selftest`; the admin dashboard lists them"),
  }),
  body: z
    .object({
      params: z
        .record(z.string(), z.unknown())
        .optional()
        .describe("The kind's parameters (GET /api/v1/admin/sync-kinds lists them); leave out for the defaults"),
    })
    .optional(),
  response: z.object({
    syncRunId: z.uuid(),
    kind: z.string(),
    statusUrl: z.string().describe("Where to poll the run's status"),
  }),
  successStatus: 202,
  auth: "admin-token",
  cache: "no-store",
  errors: [404],
});

export const syncKindsEndpoint = defineEndpoint({
  id: "admin.syncKinds.list",
  method: "GET",
  path: "/api/v1/admin/sync-kinds",
  summary: "The sync kinds that can be started, with their parameters",
  description: "What the dashboard's cards show: each kind, its label and description, and its parameters as JSON Schema.",
  tags: ["Admin"],
  response: z.object({
    data: z.array(
      z.object({
        kind: z.string(),
        label: z.string(),
        description: z.string(),
        params: z.record(z.string(), z.unknown()).describe("JSON Schema of the parameters (an object schema)"),
      }),
    ),
  }),
  auth: "admin-token",
  cache: "no-store",
});

export const syncRunEndpoint = defineEndpoint({
  id: "admin.syncRuns.get",
  method: "GET",
  path: "/api/v1/admin/sync-runs/{id}",
  summary: "One sync run's status and progress",
  description: "For scripts that started a sync and wait for it to end: status, progress, counts and the error, if any.",
  tags: ["Admin"],
  params: z.object({ id: z.uuid().describe("The syncRunId returned when the sync was started") }),
  response: syncRunDetail,
  auth: "admin-token",
  cache: "no-store",
});

export const adminEndpoints = [triggerSyncEndpoint, syncKindsEndpoint, syncRunEndpoint];
