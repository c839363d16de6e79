import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Cron } from "croner";
import { sql } from "@/lib/db";
import { logger } from "@/lib/log";
import { observeRunFinished, observeStep } from "@/lib/metrics/jobs";
import { WAKE_CHANNEL } from "./events";
import { loadFunctions, syncResponse, type LoadedFunction } from "./functions";
import { loadSigningKey } from "./keys";
import { callFunction, syncFunctions, type CallResult, type Op, type ServeHandler } from "./protocol";
import {
  claimRun,
  createRun,
  finishRun,
  LeaseLostError,
  loadRunState,
  nextDueAt,
  pruneHistory,
  recordStep,
  releaseRun,
  renewLease,
  requestRunCancellation,
  type ClaimedRun,
  type RunState,
} from "./store";

const log = logger("jobs.executor");

// Inngest's limits, enforced here too so that what runs locally also runs on Inngest.
const MAX_STEPS = 1000;
const MAX_STEP_RESULT_BYTES = 4 * 1024 * 1024;
const MAX_RETRY_DELAY_MS = 10 * 60_000;
const RETENTION_DAYS = 30;

const REFUSED: Record<string, string> = {
  InvokeFunction: "step.invoke is not supported by the local job executor: call the other function's code in a step, or send an event",
  WaitForEvent: "step.waitForEvent is not supported by the local job executor",
  WaitForSignal: "step.waitForSignal is not supported by the local job executor",
  AIGateway: "step.ai is not supported by the local job executor",
  Gateway: "step.fetch is not supported by the local job executor: use lib/http inside step.run",
};

export interface ExecutorOptions {
  /** The serve handler to drive; the app's own (inngest/serve.ts) unless a test brings its functions. */
  handler: ServeHandler;
  /** Runs driven at once by this instance. */
  workers?: number;
  /** How long a claim lasts without a heartbeat; another instance takes the run over after that. */
  leaseMs?: number;
  /** Longest wait between looks at the queue when nothing wakes the executor earlier. */
  pollMs?: number;
  /** First retry delay; doubles per attempt (with jitter), at most 10 minutes. */
  retryBaseMs?: number;
  instanceId?: string;
}

/**
 * Stands in for an Inngest server: keeps events, runs and step state in Postgres and drives the app's serve
 * handler in-process with the serve protocol (signed requests, step state replay, ops in the response).
 */
export class LocalExecutor {
  readonly instanceId: string;
  private readonly handler: ServeHandler;
  private readonly workers: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly retryBaseMs: number;
  private functions: LoadedFunction[] = [];
  private byId = new Map<string, LoadedFunction>();
  private crons: { fn: LoadedFunction; expression: string; schedule: Cron; next: Date | null }[] = [];
  private signingKey = "";
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly active = new Set<Promise<void>>();
  private wakeUp: (() => void) | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private lastPrune = 0;

  constructor(options: ExecutorOptions) {
    this.handler = options.handler;
    this.workers = options.workers ?? 4;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollMs = options.pollMs ?? 5_000;
    this.retryBaseMs = options.retryBaseMs ?? 1_000;
    this.instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  /** Loads the signing key, syncs the functions from the serve handler and starts taking work. */
  async start(): Promise<void> {
    if (this.running) return;
    this.signingKey = await loadSigningKey();
    const synced = syncResponse.parse(await syncFunctions(this.handler, this.signingKey));
    this.functions = loadFunctions(synced.functions);
    this.byId = new Map(this.functions.map((fn) => [fn.id, fn]));
    const now = new Date();
    this.crons = this.functions.flatMap((fn) =>
      fn.crons.map(({ expression, schedule }) => ({ fn, expression, schedule, next: schedule.nextRun(now) })),
    );
    const listener = await sql().listen(WAKE_CHANNEL, () => this.wake());
    this.unlisten = listener.unlisten;
    this.running = true;
    this.loop = this.run();
    log.info({ instance: this.instanceId, functions: this.functions.length, crons: this.crons.length }, "local job executor started");
  }

  /** Stops taking work, lets runs in flight reach their next step boundary and hands them back. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake();
    await this.loop;
    await Promise.allSettled([...this.active]);
    await this.unlisten?.().catch(() => undefined);
    log.info({ instance: this.instanceId }, "local job executor stopped");
  }

  private wake(): void {
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let waitMs = this.pollMs;
      try {
        while ((await this.dispatchEvents()) > 0);
        const nextCron = await this.fireCrons(new Date());
        let blocked = false;
        while (this.running && this.active.size < this.workers) {
          const claim = await claimRun(this.instanceId, this.leaseMs);
          if (claim === null) break;
          if (claim === "blocked") {
            blocked = true;
            break;
          }
          this.spawn(claim);
        }
        if (!blocked && this.active.size < this.workers) {
          const due = await nextDueAt();
          if (due) waitMs = Math.min(waitMs, due.getTime() - Date.now());
        }
        if (nextCron) waitMs = Math.min(waitMs, nextCron.getTime() - Date.now());
        await this.maybePrune();
      } catch (error) {
        log.error({ err: error }, "job executor loop failed; retrying");
      }
      if (this.running) await this.idle(Math.max(waitMs, 5));
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  private spawn(run: ClaimedRun): void {
    const task = this.drive(run).finally(() => {
      this.active.delete(task);
      this.wake();
    });
    this.active.add(task);
  }

  /** Turns pending events into runs of the functions they trigger, and applies cancelOn matches. */
  private async dispatchEvents(): Promise<number> {
    return sql().begin(async (tx) => {
      const events = await tx<{ id: string; name: string; payload: Record<string, unknown> }[]>`
        select id, name, payload from job_events where processed_at is null
        order by received_at limit 100 for update skip locked`;
      for (const event of events) {
        for (const fn of this.functions) {
          const triggered = fn.events.some((t) => t.matches(event.name) && (!t.condition || t.condition({ event: event.payload })));
          if (triggered) await createRun(tx, fn, event.payload);
          const cancels = fn.cancelOn.filter((c) => c.event === event.name);
          if (cancels.length === 0) continue;
          // As on Inngest, a cancel event stops runs whose triggering event came before it.
          const live = await tx<{ id: string; event: Record<string, unknown> }[]>`
            select id, event from job_runs where function_id = ${fn.id} and status in ('queued', 'running')
              and (event ->> 'ts')::float8 <= ${Number(event.payload.ts)}`;
          const matched = live.filter((run) => cancels.some((c) => !c.condition || c.condition({ event: run.event, async: event.payload })));
          await requestRunCancellation(tx, matched.map((run) => run.id));
        }
      }
      if (events.length > 0) await tx`update job_events set processed_at = now() where id = any(${events.map((e) => e.id)})`;
      return events.length;
    });
  }

  /** Starts the run of each cron slot that has come; the unique (function, slot) index lets one instance win. */
  private async fireCrons(now: Date): Promise<Date | null> {
    let earliest: Date | null = null;
    for (const cron of this.crons) {
      if (cron.next && cron.next <= now) {
        let slot = cron.next;
        for (let later = cron.schedule.nextRun(slot); later && later <= now; later = cron.schedule.nextRun(slot)) slot = later;
        const event = { id: randomUUID(), name: "inngest/scheduled.timer", data: { cron: cron.expression }, ts: slot.getTime() };
        await createRun(sql(), cron.fn, event, slot);
        cron.next = cron.schedule.nextRun(slot);
      }
      if (cron.next && (!earliest || cron.next < earliest)) earliest = cron.next;
    }
    return earliest;
  }

  private async maybePrune(): Promise<void> {
    if (Date.now() - this.lastPrune < 3_600_000) return;
    this.lastPrune = Date.now();
    await pruneHistory(RETENTION_DAYS);
  }

  /** Drives one claimed run step by step until it ends, sleeps, waits for a retry or is cancelled. */
  private async drive(run: ClaimedRun): Promise<void> {
    const heartbeat = setInterval(() => void renewLease(run, this.leaseMs).catch(() => undefined), this.leaseMs / 3);
    try {
      const fn = this.byId.get(run.functionId);
      if (!fn) {
        await this.fail(run, `Function "${run.functionId}" is not served by this app (renamed or removed?)`);
        return;
      }
      const state = await loadRunState(run);
      const planned: string[] = [];
      for (;;) {
        if (!this.running) {
          await releaseRun(run, new Date(), run.attempt);
          return;
        }
        if (!run.checked) await renewLease(run, this.leaseMs);
        run.checked = false;
        if (run.cancelRequested) {
          await finishRun(run, { status: "cancelled" });
          observeRunFinished(run.functionId, "cancelled");
          return;
        }
        if (state.stack.length >= MAX_STEPS) {
          await this.fail(run, `The run reached ${MAX_STEPS} steps, Inngest's limit: continue in a new run or fan out`);
          return;
        }
        const startedAt = new Date();
        const result = await callFunction(this.handler, this.signingKey, {
          functionId: run.functionId,
          stepId: planned.shift() ?? "step",
          runId: run.id,
          event: run.event,
          steps: state.steps,
          stack: state.stack,
          attempt: run.attempt,
          maxAttempts: run.maxAttempts,
        });
        if (!(await this.apply(run, state, result, planned, startedAt))) return;
      }
    } catch (error) {
      if (error instanceof LeaseLostError) {
        log.warn({ run: run.id }, error.message);
        return;
      }
      log.error({ err: error, run: run.id }, "driving a run failed; it will be retried");
      await releaseRun(run, new Date(Date.now() + this.retryDelay(run.attempt)), run.attempt).catch(() => undefined);
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Applies one response of the function; true to call it again right away. */
  private async apply(run: ClaimedRun, state: RunState, result: CallResult, planned: string[], startedAt: Date): Promise<boolean> {
    if (result.kind === "complete") {
      await finishRun(run, { status: "succeeded", output: result.output });
      observeRunFinished(run.functionId, "succeeded");
      return false;
    }
    if (result.kind === "error") {
      if (!result.retriable || run.attempt + 1 >= run.maxAttempts) {
        await this.fail(run, result.error);
        return false;
      }
      await releaseRun(run, new Date(Date.now() + this.retryDelay(run.attempt, result.retryAfter)), run.attempt + 1);
      return false;
    }
    const refused = result.ops.find((op) => !HANDLED.has(op.op));
    if (refused) {
      await this.fail(run, REFUSED[refused.op] ?? `Step operation ${refused.op} is not supported by the local job executor`);
      return false;
    }
    for (const op of result.ops) {
      const name = op.displayName ?? op.name ?? op.id;
      if (op.op === "StepPlanned") {
        if (!planned.includes(op.id)) planned.push(op.id);
      } else if (op.op === "Sleep") {
        if (!state.sleeping.has(op.id)) {
          const wakeAt = wakeTime(op.name ?? "");
          await recordStep(run, state, { stepId: op.id, name, op: "sleep", status: "sleeping", wakeAt, startedAt, attempted: false }, this.leaseMs);
        }
      } else if (op.op === "StepRun") {
        const bytes = Buffer.byteLength(JSON.stringify(op.data ?? null));
        if (bytes > MAX_STEP_RESULT_BYTES) {
          await this.fail(run, `Step "${name}" returned ${(bytes / 1048576).toFixed(1)} MB; Inngest allows 4 MB per step result: return ids and counts`);
          return false;
        }
        await recordStep(run, state, { stepId: op.id, name, op: stepKind(op), status: "completed", data: op.data ?? null, startedAt, attempted: true }, this.leaseMs);
        observeStep(run.functionId, "completed", (Date.now() - startedAt.getTime()) / 1000);
      } else if (op.op === "StepFailed" || (op.op === "StepError" && run.attempt + 1 >= run.maxAttempts)) {
        await recordStep(run, state, { stepId: op.id, name, op: stepKind(op), status: "failed", error: op.error, startedAt, attempted: true }, this.leaseMs);
        observeStep(run.functionId, "failed", (Date.now() - startedAt.getTime()) / 1000);
      } else {
        await recordStep(run, state, { stepId: op.id, name, op: stepKind(op), status: "retrying", error: op.error, startedAt, attempted: true }, this.leaseMs);
        observeStep(run.functionId, "retrying", (Date.now() - startedAt.getTime()) / 1000);
        await releaseRun(run, new Date(Date.now() + this.retryDelay(run.attempt, result.retryAfter)), run.attempt + 1);
        return false;
      }
    }
    if (planned.length > 0 || state.sleeping.size === 0) return true;
    const wake = Math.min(...[...state.sleeping.values()].map((d) => d.getTime()));
    await releaseRun(run, new Date(wake), run.attempt);
    return false;
  }

  private async fail(run: ClaimedRun, message: string): Promise<void> {
    log.warn({ run: run.id, function: run.functionId, error: message }, "run failed");
    await finishRun(run, { status: "failed", error: message, errorJson: { name: "Error", message } });
    observeRunFinished(run.functionId, "failed");
  }

  /** Exponential backoff with jitter, or what a RetryAfterError asked for. */
  private retryDelay(attempt: number, retryAfter?: string): number {
    if (retryAfter) {
      const at = /^\d+$/.test(retryAfter) ? Date.now() + Number(retryAfter) * 1000 : Date.parse(retryAfter);
      if (Number.isFinite(at)) return Math.max(0, at - Date.now());
    }
    const base = Math.min(this.retryBaseMs * 2 ** attempt, MAX_RETRY_DELAY_MS);
    return Math.round(base * (0.75 + Math.random() * 0.5));
  }
}

const HANDLED = new Set(["StepRun", "StepError", "StepFailed", "StepPlanned", "Sleep"]);

function stepKind(op: Op): string {
  const type = (op as { opts?: { type?: unknown } }).opts?.type;
  return type === "step.sendEvent" ? "sendEvent" : "run";
}

/** A Sleep op's name is an ISO date (sleepUntil) or a duration such as "1h30m5s" (sleep). */
function wakeTime(name: string, now = Date.now()): Date {
  const duration = /^(?:\d+[wdhms])+$/.test(name)
    ? [...name.matchAll(/(\d+)([wdhms])/g)].reduce((ms, [, n, unit]) => ms + Number(n) * UNIT_MS[unit as keyof typeof UNIT_MS], 0)
    : undefined;
  if (duration !== undefined) return new Date(now + duration);
  const at = Date.parse(name);
  if (Number.isNaN(at)) throw new Error(`Cannot read the sleep "${name}"`);
  return new Date(at);
}

const UNIT_MS = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 };

