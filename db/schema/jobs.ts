// The local job executor's storage (inngest/inline): events, runs, steps and the installation's signing key. Unused
// when an Inngest server runs the jobs. Tables declared here; drizzle-kit writes their migrations.

import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

// Tables of the local job executor (inngest/inline/): the embedded stand-in for an Inngest server.

/** One row per installation: the key the executor signs its requests to /api/inngest with, shared by all instances. */
export const jobInstallation = pgTable(
  "job_installation",
  {
    id: integer().primaryKey().default(1),
    signingKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("job_installation_single_row", sql`${t.id} = 1`)],
);

/** Events sent with inngest.send / step.sendEvent, waiting for an executor to start the runs they trigger. */
export const jobEvents = pgTable(
  "job_events",
  {
    id: text().primaryKey(),
    name: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("job_events_pending_idx").on(t.receivedAt).where(sql`${t.processedAt} is null`),
    index("job_events_processed_idx").on(t.processedAt),
  ],
);

export type JobRunStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

/** A function run: its triggering event, where it stands, and who holds it (lease) while a step executes. */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: text().primaryKey(),
    functionId: text().notNull(),
    event: jsonb().$type<Record<string, unknown>>().notNull(),
    status: text().$type<JobRunStatus>().notNull().default("queued"),
    /** Attempt of the current step (or of the function body); back to 0 after each completed step. */
    attempt: integer().notNull().default(0),
    maxAttempts: integer().notNull(),
    /** Earliest time an executor may pick the run up: now, a retry's backoff, or a sleep's wake-up. */
    availableAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    leaseOwner: text(),
    /** Bumped on every claim; writes of a previous holder carry an older token and are refused. */
    leaseToken: integer().notNull().default(0),
    leaseExpiresAt: timestamp({ withTimezone: true }),
    /** Concurrency scopes this run counts against: [{ key, limit }]. */
    concurrency: jsonb().$type<{ key: string; limit: number }[]>().notNull().default([]),
    cronSlot: timestamp({ withTimezone: true }),
    cancelRequested: boolean().notNull().default(false),
    output: jsonb(),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("job_runs_ready_idx").on(t.availableAt).where(sql`${t.status} in ('queued', 'running')`),
    index("job_runs_function_idx").on(t.functionId, t.createdAt.desc()),
    uniqueIndex("job_runs_cron_slot_idx").on(t.functionId, t.cronSlot),
  ],
);

export type JobStepStatus = "completed" | "failed" | "retrying" | "sleeping";

/** Step state of a run, exactly what the serve protocol replays to the function: data or error per hashed step id. */
export const jobSteps = pgTable(
  "job_steps",
  {
    runId: text()
      .notNull()
      .references(() => jobRuns.id, { onDelete: "cascade" }),
    stepId: text().notNull(),
    name: text().notNull(),
    op: text().notNull(),
    status: text().$type<JobStepStatus>().notNull(),
    /** Order in which the step completed: the replay stack. */
    position: integer(),
    attempts: integer().notNull().default(0),
    data: jsonb(),
    error: jsonb().$type<{ name: string; message: string; stack?: string }>(),
    wakeAt: timestamp({ withTimezone: true }),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.runId, t.stepId] })],
);
