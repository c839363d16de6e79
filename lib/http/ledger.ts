import { sql } from "@/lib/db";
import { apiCalls } from "@/db/schema/platform";
import { logger } from "@/lib/log";
import { observeUpstreamCall } from "@/lib/metrics/upstream";

/** One logical upstream call (retries folded in) or one cache hit. */
export type LedgerEntry = typeof apiCalls.$inferInsert;

const log = logger("http.ledger");

// Rows are written in batches off the request path so that recording a call costs a push onto an array.
const FLUSH_INTERVAL_MS = 250;
const BATCH_ROWS = 200;
// If Postgres stalls, keep memory bounded: the oldest unwritten rows go first.
const MAX_BUFFERED_ROWS = 20_000;
const PRUNE_BATCH_ROWS = 10_000;

interface LedgerState {
  buffer: LedgerEntry[];
  timer: NodeJS.Timeout | undefined;
  writing: Promise<void>;
  exitHooked: boolean;
}

const g = globalThis as unknown as { __pitwallLedger?: LedgerState };

function ledger(): LedgerState {
  return (g.__pitwallLedger ??= { buffer: [], timer: undefined, writing: Promise.resolve(), exitHooked: false });
}

// One JSON parameter expanded by Postgres: far cheaper to build than a multi-row VALUES list, so it leaves the scrape's CPU alone.
async function insertRows(rows: LedgerEntry[]): Promise<void> {
  await sql()`
    insert into api_calls (at, source, endpoint, params, method, status, duration_ms, bytes, cache_hit, retries, rate_limit_remaining, rate_limit_limit, error)
    select coalesce(r.at, now()), r.source, r.endpoint, r.params, coalesce(r.method, 'GET'), r.status, r."durationMs", coalesce(r.bytes, 0),
      coalesce(r."cacheHit", false), coalesce(r.retries, 0), r."rateLimitRemaining", r."rateLimitLimit", r.error
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
      at timestamptz, source text, endpoint text, params jsonb, method text, status int, "durationMs" int, bytes int,
      "cacheHit" boolean, retries int, "rateLimitRemaining" int, "rateLimitLimit" int, error text
    )`;
}

async function writeBatch(rows: LedgerEntry[]): Promise<void> {
  try {
    await insertRows(rows);
  } catch (error) {
    log.error({ err: error, rows: rows.length }, "API call ledger write failed; these rows are lost");
  }
}

/** Queues a ledger row; it reaches Postgres within ~250 ms or as soon as 200 rows are waiting. Never throws. */
export function recordCall(entry: LedgerEntry): void {
  observeUpstreamCall({
    source: entry.source,
    status: entry.status ?? null,
    error: entry.error ?? null,
    cacheHit: entry.cacheHit ?? false,
    retries: entry.retries ?? 0,
    durationMs: entry.durationMs,
  });
  const state = ledger();
  if (state.buffer.length >= MAX_BUFFERED_ROWS) {
    state.buffer.shift();
    log.warn("API call ledger buffer full; dropping its oldest row");
  }
  state.buffer.push(entry);
  if (!state.exitHooked) {
    state.exitHooked = true;
    process.once("beforeExit", () => void flushLedger());
  }
  if (state.buffer.length >= BATCH_ROWS) {
    void flushLedger();
  } else if (!state.timer) {
    state.timer = setTimeout(() => void flushLedger(), FLUSH_INTERVAL_MS);
    state.timer.unref();
  }
}

/** Writes every queued ledger row; resolves when they are in Postgres (or their failure is logged). */
export function flushLedger(): Promise<void> {
  const state = ledger();
  if (state.timer) clearTimeout(state.timer);
  state.timer = undefined;
  while (state.buffer.length > 0) {
    const batch = state.buffer.splice(0, BATCH_ROWS);
    state.writing = state.writing.then(() => writeBatch(batch));
  }
  return state.writing;
}

/** Deletes ledger rows older than `days`, in batches so a long-neglected table never holds one huge lock. */
export async function deleteCallsOlderThan(days: number): Promise<number> {
  let deleted = 0;
  for (;;) {
    const result = await sql()`
      delete from api_calls where id in (
        select id from api_calls where at < now() - make_interval(days => ${days}) limit ${PRUNE_BATCH_ROWS}
      )`;
    deleted += result.count;
    if (result.count < PRUNE_BATCH_ROWS) return deleted;
  }
}
