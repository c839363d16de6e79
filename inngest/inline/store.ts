import { randomUUID } from "node:crypto";
import type { TransactionSql } from "postgres";
import { sql, type Sql } from "@/lib/db";
import type { JobStepStatus } from "@/db/schema/jobs";
import { WAKE_CHANNEL } from "./events";
import { concurrencyScopes, type LoadedFunction } from "./functions";
import type { StepState } from "./protocol";

// Run and step state of the local executor in Postgres. Every write to a claimed run carries its lease token:
// an executor that lost its lease (stalled past expiry, another took over) can no longer change the run.

export interface ClaimedRun {
  id: string;
  functionId: string;
  event: Record<string, unknown>;
  attempt: number;
  maxAttempts: number;
  leaseToken: number;
  /** The cancel flag as of the last lease renewal or step record, and whether that is still fresh. */
  cancelRequested?: boolean;
  checked?: boolean;
}

export interface RunState {
  steps: StepState;
  stack: string[];
  /** Sleeps still pending: step id -> wake-up time. */
  sleeping: Map<string, Date>;
}

export class LeaseLostError extends Error {
  constructor(runId: string) {
    super(`Lost the lease on run ${runId}; another executor has taken it over`);
  }
}

/** A client or an open transaction: both run tagged queries. */
export type Queryable = Sql | TransactionSql;

const db = (): Sql => sql();
// jsonb and timestamp parameters go as text with a cast: the shared client leaves those types to Drizzle.
const json = (value: unknown): string => JSON.stringify(value);
const iso = (date: Date | null | undefined): string | null => date?.toISOString() ?? null;

async function notifyExecutors(reason: string): Promise<void> {
  await db()`select pg_notify(${WAKE_CHANNEL}, ${reason})`;
}

/** Starts a run of `fn` for `event`; a cron slot starts at most one run per function, whoever gets there first. */
export async function createRun(
  client: Queryable,
  fn: LoadedFunction,
  event: Record<string, unknown>,
  cronSlot?: Date,
): Promise<string | null> {
  const id = randomUUID();
  const rows = await client`
    insert into job_runs (id, function_id, event, max_attempts, concurrency, cron_slot)
    values (${id}, ${fn.id}, ${json(event)}::jsonb, ${fn.maxAttempts}, ${json(concurrencyScopes(fn, event))}::jsonb, ${iso(cronSlot)}::timestamptz)
    on conflict (function_id, cron_slot) do nothing
    returning id`;
  return rows.length > 0 ? id : null;
}

/**
 * Claims one runnable run: due, not leased (or its lease expired) and within its concurrency limits. Candidates
 * are locked with SKIP LOCKED; each concurrency scope is checked under a transaction advisory lock so two
 * executors cannot both take the last slot. Returns `blocked` when due runs exist but all wait for a slot.
 */
export async function claimRun(owner: string, leaseMs: number): Promise<ClaimedRun | "blocked" | null> {
  return db().begin(async (tx) => {
    const candidates = await tx<{ id: string; concurrency: { key: string; limit: number }[] }[]>`
      select id, concurrency from job_runs
      where status in ('queued', 'running') and available_at <= now()
        and (lease_expires_at is null or lease_expires_at < now())
      order by available_at, created_at
      limit 20
      for update skip locked`;
    const blocked: string[] = [];
    for (const candidate of candidates) {
      const slot = await concurrencySlot(tx, candidate.id, candidate.concurrency);
      if (slot === "full") blocked.push(candidate.id);
      if (slot !== "free") continue;
      const [claimed] = await tx<ClaimedRun[]>`
        update job_runs set
          status = 'running',
          lease_owner = ${owner},
          lease_token = lease_token + 1,
          lease_expires_at = now() + ${leaseMs} * interval '1 millisecond',
          started_at = coalesce(started_at, now())
        where id = ${candidate.id}
        returning id, function_id as "functionId", event, attempt, max_attempts as "maxAttempts", lease_token as "leaseToken"`;
      if (claimed) return claimed;
    }
    // Runs waiting for a slot go to the back of the queue, so they cannot hold up runs of other scopes.
    if (blocked.length > 0) await tx`update job_runs set available_at = now() where id = any(${blocked})`;
    return candidates.length > 0 ? "blocked" : null;
  });
}

/** "busy" when another executor is deciding for the same scope right now (try again soon). */
async function concurrencySlot(tx: Queryable, runId: string, scopes: { key: string; limit: number }[]): Promise<"free" | "full" | "busy"> {
  for (const scope of scopes) {
    const [lock] = await tx<{ ok: boolean }[]>`select pg_try_advisory_xact_lock(hashtext(${scope.key})) as ok`;
    if (!lock?.ok) return "busy";
    const [active] = await tx<{ n: number }[]>`
      select count(*)::int as n from job_runs
      where status = 'running' and lease_expires_at > now() and id <> ${runId}
        and concurrency @> ${json([{ key: scope.key }])}::jsonb`;
    if ((active?.n ?? 0) >= scope.limit) return "full";
  }
  return "free";
}

/** When the next run becomes due (its wake-up, its retry, or the expiry of a lease), to sleep exactly that long. */
export async function nextDueAt(): Promise<Date | null> {
  const [row] = await db()<{ at: number | null }[]>`
    select (extract(epoch from min(greatest(available_at, coalesce(lease_expires_at, available_at)))) * 1000)::float8 as at
    from job_runs where status in ('queued', 'running')`;
  return row?.at ? new Date(row.at) : null;
}

/** Extends the lease and reads the cancel flag: before a step when none was just recorded, and as a heartbeat. */
export async function renewLease(run: ClaimedRun, leaseMs: number): Promise<void> {
  const [row] = await db()<{ cancelRequested: boolean }[]>`
    update job_runs set lease_expires_at = now() + ${leaseMs} * interval '1 millisecond'
    where id = ${run.id} and lease_token = ${run.leaseToken}
    returning cancel_requested as "cancelRequested"`;
  if (!row) throw new LeaseLostError(run.id);
  run.cancelRequested = row.cancelRequested;
  run.checked = true;
}

/** The step state to replay: completed and failed steps in completion order, sleeps that are due become done. */
export async function loadRunState(run: ClaimedRun): Promise<RunState> {
  await db()`
    update job_steps set status = 'completed', data = 'null'::jsonb, ended_at = wake_at,
      position = (select count(*) from job_steps s where s.run_id = ${run.id} and s.position is not null)
    where run_id = ${run.id} and status = 'sleeping' and wake_at <= now()`;
  // Timestamps as epoch milliseconds: the shared client leaves timestamp parsing to Drizzle and returns text.
  const rows = await db()<{ stepId: string; status: JobStepStatus; data: unknown; error: unknown; wakeAtMs: number | null }[]>`
    select step_id as "stepId", status, data, error, (extract(epoch from wake_at) * 1000)::float8 as "wakeAtMs" from job_steps
    where run_id = ${run.id} order by position nulls last, started_at`;
  const state: RunState = { steps: {}, stack: [], sleeping: new Map() };
  for (const row of rows) {
    if (row.status === "completed") state.steps[row.stepId] = { data: row.data };
    else if (row.status === "failed") state.steps[row.stepId] = { error: row.error };
    else if (row.status === "sleeping" && row.wakeAtMs) state.sleeping.set(row.stepId, new Date(row.wakeAtMs));
    if (row.status === "completed" || row.status === "failed") state.stack.push(row.stepId);
  }
  return state;
}

export interface StepRecord {
  stepId: string;
  name: string;
  op: string;
  status: JobStepStatus;
  data?: unknown;
  error?: unknown;
  wakeAt?: Date;
  startedAt: Date;
  /** Whether this outcome used up an attempt (a step ran), as opposed to a sleep being planned. */
  attempted: boolean;
}

/**
 * Records a step outcome in one statement that also renews the lease and reads the cancel flag (nothing is
 * written when the lease was lost). A completed or failed step takes the next place in the replay stack.
 */
export async function recordStep(run: ClaimedRun, state: RunState, step: StepRecord, leaseMs: number): Promise<void> {
  const settled = step.status === "completed" || step.status === "failed";
  const position = settled ? state.stack.length : null;
  const [owned] = await db()<{ cancelRequested: boolean }[]>`
    with owned as (
      update job_runs set lease_expires_at = now() + ${leaseMs} * interval '1 millisecond'${settled ? db()`, attempt = 0` : db()``}
      where id = ${run.id} and lease_token = ${run.leaseToken}
      returning id, cancel_requested
    ), recorded as (
      insert into job_steps (run_id, step_id, name, op, status, position, attempts, data, error, wake_at, started_at, ended_at)
      select id, ${step.stepId}, ${step.name}, ${step.op}, ${step.status}, ${position}::int, ${step.attempted ? 1 : 0},
        ${step.data === undefined ? null : json(step.data)}::jsonb, ${step.error === undefined ? null : json(step.error)}::jsonb,
        ${iso(step.wakeAt)}::timestamptz, ${iso(step.startedAt)}::timestamptz, ${step.status === "sleeping" ? null : iso(new Date())}::timestamptz
      from owned
      on conflict (run_id, step_id) do update set
        status = excluded.status, position = excluded.position, attempts = job_steps.attempts + excluded.attempts,
        data = excluded.data, error = excluded.error, wake_at = excluded.wake_at, ended_at = excluded.ended_at
    )
    select cancel_requested as "cancelRequested" from owned`;
  if (!owned) throw new LeaseLostError(run.id);
  run.cancelRequested = owned.cancelRequested;
  run.checked = true;
  if (settled) {
    state.stack.push(step.stepId);
    state.steps[step.stepId] = step.status === "completed" ? { data: step.data ?? null } : { error: step.error };
    run.attempt = 0;
  }
  if (step.status === "sleeping" && step.wakeAt) state.sleeping.set(step.stepId, step.wakeAt);
}

/** Gives the run back until `at` (a retry's backoff or a sleep's wake-up), with the attempt to use then. */
export async function releaseRun(run: ClaimedRun, at: Date, attempt: number): Promise<void> {
  await db()`
    update job_runs set available_at = ${iso(at)}::timestamptz, attempt = ${attempt}, lease_owner = null, lease_expires_at = null
    where id = ${run.id} and lease_token = ${run.leaseToken}`;
  // Its concurrency slot is free again.
  await notifyExecutors("released");
}

/**
 * Ends a run. A failure also sends `inngest/function.failed`, as Inngest does, so failure handlers run (except
 * for failures of such a handler, which would loop).
 */
export async function finishRun(
  run: ClaimedRun,
  outcome: { status: "succeeded"; output: unknown } | { status: "failed"; error: string; errorJson: unknown } | { status: "cancelled" },
): Promise<void> {
  await db().begin(async (tx) => {
    const [owned] = await tx`
      update job_runs set status = ${outcome.status}, ended_at = now(), lease_owner = null, lease_expires_at = null,
        output = ${outcome.status === "succeeded" ? json(outcome.output ?? null) : null}::jsonb,
        error = ${outcome.status === "failed" ? outcome.error : outcome.status === "cancelled" ? "Cancelled" : null}
      where id = ${run.id} and lease_token = ${run.leaseToken} returning id`;
    if (!owned) throw new LeaseLostError(run.id);
    if (outcome.status === "failed" && run.event.name !== "inngest/function.failed") {
      const event = {
        id: randomUUID(),
        name: "inngest/function.failed",
        ts: Date.now(),
        data: { function_id: run.functionId, run_id: run.id, error: outcome.errorJson, event: run.event },
      };
      await tx`insert into job_events (id, name, payload) values (${event.id}, ${event.name}, ${json(event)}::jsonb)`;
    }
  });
  await notifyExecutors("finished");
}

/** Flags runs for cancellation; they stop before their next step (a queued or sleeping run at once). */
export async function requestRunCancellation(client: Queryable, runIds: string[]): Promise<void> {
  if (runIds.length === 0) return;
  await client`
    update job_runs set cancel_requested = true, available_at = least(available_at, now())
    where id = any(${runIds}) and status in ('queued', 'running')`;
}

/** Removes finished runs and processed events older than the retention period. */
export async function pruneHistory(days: number): Promise<void> {
  await db()`delete from job_runs where ended_at < now() - ${days} * interval '1 day'`;
  await db()`delete from job_events where processed_at < now() - ${days} * interval '1 day'`;
}
