/**
 * What the upstream client costs on top of a bare fetch, how fast the ledger drains, and how fast a cache hit is.
 * Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/pitwall_bench npx tsx bench/http-client.ts
 * (the database is migrated first; the ledger and cache rows it writes are deleted at the end).
 */
import { closeDatabase, sql } from "@/lib/db";
import { runMigrations } from "@/db/migrate";
import { databaseUrl } from "@/lib/env";
import { cacheOrFetch, createUpstreamClient, flushLedger } from "@/lib/http";
import { recordCall } from "@/lib/http/ledger";
import { startSimulator } from "@/sim/server";

const CALLS = 2_000;
const PARALLEL = 8;
const LEDGER_ROWS = 20_000;
const SOURCE = "bench-http";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function timed(calls: number, parallel: number, call: () => Promise<unknown>): Promise<{ perCallMs: number; perSecond: number }> {
  const durations: number[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < calls) {
        next += 1;
        const t = performance.now();
        await call();
        durations.push(performance.now() - t);
      }
    }),
  );
  return { perCallMs: median(durations), perSecond: calls / ((performance.now() - started) / 1000) };
}

async function main(): Promise<void> {
  await runMigrations(databaseUrl());
  const sim = await startSimulator();
  const url = `${sim.url}/_probe/json?size=10`;
  const client = createUpstreamClient({
    source: SOURCE,
    baseUrl: `${sim.url}/_probe`,
    timeoutMs: 5_000,
    retries: { max: 2, baseDelayMs: 10, maxDelayMs: 100 },
    maxResponseBytes: 1_000_000,
    rateLimit: { concurrency: PARALLEL },
  });
  const bare = () => fetch(url).then((response) => response.json());
  const withClient = () => client.getJson("/json", { query: { size: 10 }, endpoint: "probe/json" });

  await timed(200, PARALLEL, bare); // warm up connections and JIT
  await timed(200, PARALLEL, withClient);
  await flushLedger();

  console.log(`upstream client vs bare fetch, ${CALLS} calls to the simulator's /_probe/json?size=10`);
  for (const parallel of [1, PARALLEL]) {
    const raw = await timed(CALLS, parallel, bare);
    const ours = await timed(CALLS, parallel, withClient);
    await flushLedger();
    console.log(
      `  ${parallel} at a time: bare ${raw.perCallMs.toFixed(3)} ms/call (${raw.perSecond.toFixed(0)}/s), ` +
        `client ${ours.perCallMs.toFixed(3)} ms/call (${ours.perSecond.toFixed(0)}/s), ` +
        `overhead ${(ours.perCallMs - raw.perCallMs).toFixed(3)} ms/call (median)`,
    );
  }

  const row = { source: SOURCE, endpoint: "probe/json", params: { size: "10" }, status: 200, durationMs: 3, bytes: 900 };
  const recordStart = performance.now();
  for (let i = 0; i < LEDGER_ROWS; i += 1) recordCall({ ...row, at: new Date() });
  const recordMs = performance.now() - recordStart;
  await flushLedger();
  const drainMs = performance.now() - recordStart;
  console.log(
    `ledger: recordCall ${((recordMs / LEDGER_ROWS) * 1000).toFixed(2)} µs/row on the caller; ` +
      `${LEDGER_ROWS} rows in Postgres after ${drainMs.toFixed(0)} ms (${((LEDGER_ROWS / drainMs) * 1000).toFixed(0)} rows/s)`,
  );

  await cacheOrFetch("bench:probe", 600, withClient, { source: SOURCE });
  const hits = await timed(CALLS, 1, () => cacheOrFetch("bench:probe", 600, withClient, { source: SOURCE }));
  await flushLedger();
  console.log(`cache hit: ${hits.perCallMs.toFixed(3)} ms (median, one Postgres round trip)`);

  await sql()`delete from api_calls where source = ${SOURCE}`;
  await sql()`delete from http_cache where source = ${SOURCE}`;
  await sim.close();
  await closeDatabase();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
