import { setTimeout as sleep } from "node:timers/promises";

/**
 * Runs `work` over `items` with at most `concurrency` at a time, results in the order of the items. The host gate
 * (host-gate.ts) paces requests to one host; this bounds how much work is in flight, whatever it does.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) {
      signal?.throwIfAborted();
      results[i] = await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}

export interface BatchOptions {
  concurrency: number;
  /** Stop starting new items after this long (once `minimum` have started); the rest are deferred. */
  budgetMs?: number;
  minimum?: number;
  /**
   * Once nothing is left to start and at least half the items have finished, an item idle this long (no sign of
   * progress, at least 4 x the median time between two signs) is aborted and deferred: one stuck item does not hold the
   * batch, while one that is slow but moving is left alone. Unset: wait for every item.
   */
  stragglerGraceMs?: number;
  signal?: AbortSignal;
}

export interface BatchResult<T, R> {
  /** Items that finished, in the order they finished. */
  done: { item: T; result: R }[];
  /** Items not started within the budget, or cut as stragglers: for a later batch. */
  deferred: T[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * A batch of work that keeps `concurrency` items in flight and ends on time. `work` gets a signal that aborts when its
 * item is cut as a straggler, and calls `progress()` at each sign of progress (a page fetched, say). A failure of `work`
 * other than that cut rejects the batch (catch inside `work`).
 */
export async function runBatch<T, R>(
  items: readonly T[],
  options: BatchOptions,
  work: (item: T, signal: AbortSignal, progress: () => void) => Promise<R>,
): Promise<BatchResult<T, R>> {
  const started = performance.now();
  const done: BatchResult<T, R>["done"] = [];
  const deferred: T[] = [];
  const intervals: number[] = [];
  const running = new Map<Promise<void>, { controller: AbortController; lastActive: number }>();
  let next = 0;
  /** The first real failure of an item: the batch rejects with it. */
  let failure: { error: unknown } | undefined;
  // One signal for "an item settled": racing every running promise on every turn would add a reaction to each of them
  // per turn, quadratic with hundreds of items in flight.
  let signalSettled: () => void = () => {};
  let anySettled = new Promise<void>((resolve) => (signalSettled = resolve));
  const nextSettled = () => anySettled;

  const canStart = () =>
    next < items.length && (options.budgetMs === undefined || next < (options.minimum ?? 0) || performance.now() - started < options.budgetMs);

  const start = (item: T) => {
    const controller = new AbortController();
    const onAbort = () => controller.abort(options.signal?.reason);
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const state = { controller, lastActive: performance.now() };
    const progress = () => {
      const now = performance.now();
      intervals.push(now - state.lastActive);
      state.lastActive = now;
    };
    const task = work(item, controller.signal, progress).then(
      (result) => {
        progress();
        done.push({ item, result });
      },
      (error: unknown) => {
        if (controller.signal.aborted && !options.signal?.aborted) deferred.push(item);
        else {
          failure ??= { error };
          throw error;
        }
      },
    );
    const settled = task.finally(() => {
      options.signal?.removeEventListener("abort", onAbort);
      running.delete(settled);
      const wake = signalSettled;
      anySettled = new Promise<void>((resolve) => (signalSettled = resolve));
      wake();
    });
    // The failure surfaces through `failure`; this only keeps the rejection from going unobserved.
    settled.catch(() => undefined);
    running.set(settled, state);
  };

  const abortAll = async (reason: unknown) => {
    for (const { controller } of running.values()) controller.abort(reason);
    await Promise.allSettled(running.keys());
  };

  try {
    for (;;) {
      options.signal?.throwIfAborted();
      if (failure) throw failure.error;
      while (running.size < options.concurrency && canStart()) start(items[next++]!);
      if (running.size === 0) break;
      const mayCut = options.stragglerGraceMs !== undefined && !canStart() && done.length >= next / 2;
      if (!mayCut) {
        await nextSettled();
        continue;
      }
      // Nothing more to start and most items done: wait for the others, but not for one that has stopped moving.
      const idleLimit = Math.max(options.stragglerGraceMs!, 4 * median(intervals));
      const now = performance.now();
      for (const { controller, lastActive } of running.values()) {
        if (now - lastActive >= idleLimit) controller.abort(new Error("straggler: left for a later batch"));
      }
      const firstCut = Math.min(...[...running.values()].map((s) => s.lastActive)) + idleLimit - now;
      const timer = new AbortController();
      await Promise.race([nextSettled(), sleep(Math.max(1, firstCut), undefined, { signal: timer.signal }).catch(() => undefined)]);
      timer.abort();
    }
  } catch (error) {
    // One item failed for real: the others stop, and are awaited so that none of them is left unobserved.
    await abortAll(error);
    throw error;
  }
  deferred.push(...items.slice(next));
  return { done, deferred };
}
