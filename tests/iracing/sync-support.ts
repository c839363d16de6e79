import { afterAll, beforeAll } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { flushLedger } from "@/lib/http";
import type { Sql } from "@/lib/db";
import { iracingUpstream, type IracingOptionsInput } from "@/sim/iracing";
import { iracingSimulator } from "@/sim/iracing/simulated";
import { startSimulator, type Simulator } from "@/sim/server";

/** A simulated iRacing for the file, with Pitwall's environment pointed at it. */
export function useIracingSimulator(options: IracingOptionsInput = {}, seed = 5): { sim: Simulator } {
  const handle = {} as { sim: Simulator };
  beforeAll(async () => {
    handle.sim = await startSimulator({ seed, upstreams: [iracingUpstream({ series: 24, ...options })] });
    Object.assign(process.env, iracingSimulator.pitwallEnv(handle.sim.url, {}));
    resetEnvCache();
  });
  afterAll(async () => {
    await handle.sim?.close();
  });
  return handle;
}

/** Row counts of every iRacing table. */
export async function tableCounts(sql: Sql): Promise<Record<string, number>> {
  const tables = ["iracing_series", "iracing_seasons", "iracing_events", "iracing_event_cars", "iracing_event_classes", "iracing_week_cars", "iracing_car_classes", "iracing_cars", "iracing_tracks"];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = Number((await sql.unsafe<{ n: string }[]>(`select count(*) as n from ${table}`))[0]!.n);
  return counts;
}

/** Upstream calls (cache hits left out) recorded in the ledger since `since`, by endpoint. */
export async function upstreamCalls(sql: Sql, since: Date): Promise<{ endpoint: string; calls: number }[]> {
  await flushLedger();
  const rows = await sql<{ endpoint: string; calls: string }[]>`
    select endpoint, count(*) as calls from api_calls where source = 'iracing' and not cache_hit and at >= ${since.toISOString()}::timestamptz group by endpoint order by endpoint`;
  return rows.map((row) => ({ endpoint: row.endpoint, calls: Number(row.calls) }));
}
