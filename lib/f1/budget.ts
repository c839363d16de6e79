import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "@/lib/db";
import { logger } from "@/lib/log";

const log = logger("f1.budget");

/** Every instance takes this lock in turn to count and record a request. */
const BUDGET_LOCK = 0x4631_4255; // "F1BU"
/** OpenF1 counts at its end: our window is a little longer, for the two clocks. */
const WINDOW_MARGIN_MS = 500;
export const BUDGET_WINDOW_MS = 10_000;
/** A full window waits for its first request to leave it, looking again at least this often (requests in flight end at any time). */
const RECHECK_MS = 500;

/** Answers being marked (the caller does not wait for it), so that closing the database can wait for them. */
const markings = new Set<Promise<void>>();

/** Resolves when every answered request is marked (before the database is closed: tests, shutdown). */
export async function answersMarked(): Promise<void> {
  await Promise.all([...markings]);
}

/**
 * One budget of OpenF1 requests for every app instance on the database: a sliding window of recorded requests, counted
 * and appended under an advisory lock, on the database's clock. Resolves once the request may go (waits otherwise) with
 * what to call when its answer is in.
 *
 * A request reaches OpenF1 at some moment between its slot and its answer, so it counts from its slot until a window
 * after its answer: its row's `at` lies `inFlightMs` ahead while it is under way (a process that dies leaves it at most
 * that long) and becomes the answer's time when it ends. Counting from the slot alone let a request that waited or
 * travelled longer than the margin land in the same upstream window as a full budget's worth of others.
 */
export async function takeUpstreamSlot(limit: number, inFlightMs: number, signal?: AbortSignal): Promise<() => void> {
  const windowMs = BUDGET_WINDOW_MS + WINDOW_MARGIN_MS;
  for (;;) {
    signal?.throwIfAborted();
    const slot = await sql().begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${BUDGET_LOCK})`;
      await tx`delete from f1_upstream_requests where at < clock_timestamp() - make_interval(secs => ${windowMs / 1000})`;
      const [window] = await tx<{ count: number; oldest: number | null }[]>`
        select count(*)::int as count,
               extract(epoch from (min(at) + make_interval(secs => ${windowMs / 1000}) - clock_timestamp())) * 1000 as oldest
        from f1_upstream_requests`;
      if ((window?.count ?? 0) < limit) {
        const [row] = await tx<{ id: number }[]>`
          insert into f1_upstream_requests (at) values (clock_timestamp() + make_interval(secs => ${inFlightMs / 1000})) returning id`;
        return { id: row!.id, waitMs: 0 };
      }
      return { id: null, waitMs: Math.min(RECHECK_MS, Math.max(10, Math.ceil(Number(window?.oldest ?? 100)))) };
    });
    if (slot.id !== null) {
      const id = slot.id;
      return () => {
        const marking = sql()`update f1_upstream_requests set at = clock_timestamp() where id = ${id}`.then(
          () => undefined,
          // The row then counts until its in-flight time runs out: later, never sooner.
          (error: unknown) => log.warn({ err: error }, "marking an OpenF1 request answered failed"),
        );
        markings.add(marking);
        void marking.finally(() => markings.delete(marking));
      };
    }
    await sleep(slot.waitMs, undefined, { signal });
  }
}
