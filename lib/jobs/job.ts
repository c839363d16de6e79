import type { z } from "zod";

// Background work as plain declarations: what a job is and what it does in durable steps. lib/ stays free of the job
// runner; inngest/functions.ts turns each declaration into an Inngest function, whichever runner serves it.

/** An event as jobs send and receive it. */
export interface JobEvent {
  name: string;
  data: Record<string, unknown>;
  /** An idempotency key: two events with one id are one event. */
  id?: string;
}

/**
 * Durable steps. A step's result is recorded once and replayed on every later call of the job, so results must be
 * small plain JSON (ids and counts, never whole leaderboards), and code outside steps must not read the clock,
 * random numbers or the database.
 */
export interface Steps {
  run<T>(id: string, work: () => Promise<T> | T): Promise<T>;
  /** A pause that costs nothing while it lasts: "30s", "5m", or milliseconds. */
  sleep(id: string, duration: string | number): Promise<void>;
  sleepUntil(id: string, until: Date | string): Promise<void>;
  sendEvent(id: string, events: JobEvent | JobEvent[]): Promise<void>;
}

export interface JobContext<Data> {
  event: { name: string; data: Data };
  steps: Steps;
  /** The runner's id of this run. */
  runId: string;
  /** 0 on the first try of the current step, 1 on its first retry, ... */
  attempt: number;
}

export type JobTrigger = { event: string } | { cron: string };

/** At most `limit` runs at once, per value of `key` (an expression over the event, e.g. "event.data.sessionKey"). */
export interface JobConcurrency {
  limit: number;
  key?: string;
}

export interface JobDefinition<Data = Record<string, unknown>> {
  /** Stable: the runner keeps runs and their steps under it. */
  id: string;
  name: string;
  triggers: JobTrigger[];
  /** Retries of each step after its first try (Inngest's range). */
  retries?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;
  /** One or two limits, as Inngest allows. */
  concurrency?: [JobConcurrency] | [JobConcurrency, JobConcurrency];
  /** Stops a run at its next step when a matching event arrives (`match`: the data field both events share). */
  cancelOn?: { event: string; match: string }[];
  run(context: JobContext<Data>): Promise<unknown>;
}

/** Thrown (inside a step or outside) to end the run at once, without retries: a cancelled sync, an input that can never work. */
export class PermanentJobError extends Error {
  override name = "PermanentJobError";
}

/** Schedules are in UTC unless the expression names its own zone ("TZ=Europe/Berlin 0 4 * * *"). */
export function utcSchedule(expression: string): string {
  return /^(CRON_)?TZ=/.test(expression.trim()) ? expression : `TZ=UTC ${expression}`;
}

/** A declaration with its event data typed by a schema, erased to the shape the registry holds. */
export function defineJob<S extends z.ZodType<Record<string, unknown>>>(
  schema: S,
  job: Omit<JobDefinition<z.output<S>>, "run"> & { run(context: JobContext<z.output<S>>): Promise<unknown> },
): JobDefinition {
  return {
    ...job,
    run: (context) => job.run({ ...context, event: { name: context.event.name, data: schema.parse(context.event.data) } }),
  };
}
