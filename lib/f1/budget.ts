import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "@/lib/db";

/** Every instance takes this lock in turn to count and record a request. */
const BUDGET_LOCK = 0x4631_4255; // "F1BU"
/** OpenF1 counts at its end: our window is a little longer, so a request's travel time never puts two windows' worth in one. */
const WINDOW_MARGIN_MS = 500;
export const BUDGET_WINDOW_MS = 10_000;

/**
 * One budget of OpenF1 requests for every app instance on the database: a sliding window of recorded requests, counted
 * and appended under an advisory lock, on the database's clock. Resolves once the request may go; waits otherwise.
 */
export async function takeUpstreamSlot(limit: number, signal?: AbortSignal): Promise<void> {
  const windowMs = BUDGET_WINDOW_MS + WINDOW_MARGIN_MS;
  for (;;) {
    signal?.throwIfAborted();
    const waitMs = await sql().begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${BUDGET_LOCK})`;
      await tx`delete from f1_upstream_requests where at < clock_timestamp() - make_interval(secs => ${windowMs / 1000})`;
      const [window] = await tx<{ count: number; oldest: number | null }[]>`
        select count(*)::int as count,
               extract(epoch from (min(at) + make_interval(secs => ${windowMs / 1000}) - clock_timestamp())) * 1000 as oldest
        from f1_upstream_requests`;
      if ((window?.count ?? 0) < limit) {
        await tx`insert into f1_upstream_requests default values`;
        return 0;
      }
      return Math.max(10, Math.ceil(Number(window?.oldest ?? 100)));
    });
    if (waitMs === 0) return;
    await sleep(waitMs, undefined, { signal });
  }
}
