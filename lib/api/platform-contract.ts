import { z } from "zod";
import { syncRuns } from "@/db/schema/platform";
import { sections } from "@/lib/site/sections";
import { defineEndpoint } from "./endpoint";
import { paginated, paginationQuery } from "./pagination";

const timestamp = z.iso.datetime();

export const syncRunStatus = z.enum(syncRuns.status.enumValues);

const syncSummary = z
  .object({
    kind: z.string().describe("What was synced, e.g. raceroom.full-refresh"),
    status: syncRunStatus,
    startedAt: timestamp.nullable(),
    endedAt: timestamp.nullable(),
    progress: z.object({ done: z.number().int(), total: z.number().int().nullable().describe("null while the total is not known yet") }),
  })
  .meta({ id: "SyncSummary" });

const sectionStatus = z
  .object({
    slug: z.enum(sections.map((s) => s.slug)),
    name: z.string(),
    hasData: z.boolean().describe("Whether any of the section's figures is above zero"),
    figures: z.array(z.object({ label: z.string(), value: z.union([z.number(), z.string()]) })).describe("Headline figures, e.g. row counts"),
    lastSuccessfulSync: syncSummary.nullable(),
    runningSync: syncSummary.nullable(),
  })
  .meta({ id: "SectionStatus" });

export const statusEndpoint = defineEndpoint({
  id: "platform.status",
  method: "GET",
  path: "/api/v1/status",
  summary: "What each section holds and how fresh it is",
  description: "Per section: headline figures, the last successful sync and the sync running now, if any.",
  tags: ["Platform"],
  response: z.object({ sections: z.array(sectionStatus) }),
  cache: { maxAge: 5 },
});

export const syncRun = z
  .object({
    id: z.uuid(),
    kind: z.string().describe("What is synced, e.g. raceroom.full-refresh"),
    trigger: z.enum(syncRuns.trigger.enumValues).describe("What started the run"),
    status: syncRunStatus,
    progress: z.object({
      done: z.number().int(),
      total: z.number().int().nullable().describe("null while the total is not known yet"),
      currentItem: z.string().nullable().describe("What the run is working on now"),
    }),
    counts: z.object({
      fetched: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      skipped: z.number().int(),
      failed: z.number().int(),
    }),
    queuedAt: timestamp,
    startedAt: timestamp.nullable(),
    endedAt: timestamp.nullable(),
  })
  .meta({ id: "SyncRun" });

/** Where a page of sync runs continues: the last run's queued_at in microseconds since 1970 (full precision) and its id. */
export const syncRunCursor = z.object({ at: z.number().int().nonnegative(), id: z.uuid() });

export const syncsEndpoint = defineEndpoint({
  id: "platform.syncs",
  method: "GET",
  path: "/api/v1/syncs",
  summary: "Recent sync runs, newest first",
  description: "Every sync of every section with its progress and counts. Error details stay in the admin dashboard.",
  tags: ["Platform"],
  query: paginationQuery.extend({
    kind: z.string().min(1).max(100).optional().describe("Only runs of this kind, e.g. raceroom.full-refresh"),
    status: syncRunStatus.optional().describe("Only runs in this state"),
  }),
  response: paginated(syncRun),
  cache: { maxAge: 5 },
});

export const openApiEndpoint = defineEndpoint({
  id: "platform.openapi",
  method: "GET",
  path: "/api/v1/openapi.json",
  summary: "This API as an OpenAPI 3.1 document",
  description: "Machine-readable description of every endpoint, for client generators and API tools. People read /docs/api.",
  tags: ["Platform"],
  response: z
    .looseObject({
      openapi: z.string(),
      info: z.looseObject({ title: z.string(), version: z.string() }),
      paths: z.record(z.string(), z.record(z.string(), z.unknown())),
    })
    .describe("An OpenAPI 3.1 document"),
  cache: { maxAge: 300 },
});

export const platformEndpoints = [statusEndpoint, syncsEndpoint, openApiEndpoint];
