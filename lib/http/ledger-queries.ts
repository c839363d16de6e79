import "server-only";
import { and, desc, eq, gte, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db";
import { apiCalls } from "@/db/schema/platform";

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|(\d+)$/;

function decodeCursor(cursor: string): { at: string; id: number } | undefined {
  const match = CURSOR.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  return match ? { at: match[1]!, id: Number(match[2]) } : undefined;
}

/** Filters of the API ledger table: parse URL search params with it before calling listCalls. */
export const callFilterSchema = z.object({
  source: z.string().min(1).optional(),
  status: z.enum(["ok", "error"]).optional(),
  endpoint: z.string().min(1).optional(),
  since: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** `nextCursor` of the previous page. */
  cursor: z
    .string()
    .refine((cursor) => decodeCursor(cursor) !== undefined, "not a ledger cursor")
    .optional(),
});

export type CallFilter = z.output<typeof callFilterSchema>;

export interface LedgerCall {
  id: number;
  at: Date;
  source: string;
  endpoint: string;
  params: Record<string, string> | null;
  method: string;
  status: number | null;
  durationMs: number;
  bytes: number;
  cacheHit: boolean;
  retries: number;
  rateLimitRemaining: number | null;
  rateLimitLimit: number | null;
  error: string | null;
}

function encodeCursor(call: LedgerCall): string {
  return Buffer.from(`${call.at.toISOString()}|${call.id}`, "utf8").toString("base64url");
}

/** Ledger rows, newest first, one page at a time (keyset pagination: stable while new calls arrive). */
export async function listCalls(filter: CallFilter): Promise<{ calls: LedgerCall[]; nextCursor: string | null }> {
  const { source, status, endpoint, since, limit, cursor: token } = callFilterSchema.parse(filter);
  const cursor = token === undefined ? undefined : decodeCursor(token);
  const conditions: SQL[] = [];
  if (source) conditions.push(eq(apiCalls.source, source));
  if (endpoint) conditions.push(eq(apiCalls.endpoint, endpoint));
  if (status === "ok") conditions.push(isNull(apiCalls.error));
  if (status === "error") conditions.push(isNotNull(apiCalls.error));
  if (since) conditions.push(gte(apiCalls.at, since));
  if (cursor) conditions.push(sql`(${apiCalls.at}, ${apiCalls.id}) < (${cursor.at}::timestamptz, ${cursor.id})`);
  const rows = await db()
    .select()
    .from(apiCalls)
    .where(and(...conditions))
    .orderBy(desc(apiCalls.at), desc(apiCalls.id))
    .limit(limit + 1);
  const calls = rows.slice(0, limit);
  const last = calls.at(-1);
  return { calls, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

export interface SourceTotals {
  source: string;
  /** Ledger rows: upstream calls plus cache hits. */
  calls: number;
  upstreamCalls: number;
  errors: number;
  /** errors / upstreamCalls. */
  errorRate: number;
  cacheHits: number;
  /** cacheHits / calls. */
  cacheHitRate: number;
  retries: number;
  /** Duration of upstream calls (cache hits left out), retries included. */
  medianMs: number | null;
  p95Ms: number | null;
  bytes: number;
  lastCallAt: Date;
  /** Rate-limit headroom the upstream reported last in the period, when it reports one. */
  rateLimitRemaining: number | null;
  rateLimitLimit: number | null;
}

/** Per-source totals of the ledger since `since`, sorted by source. */
export async function sourceTotals({ since }: { since: Date }): Promise<SourceTotals[]> {
  const upstream = sql`not ${apiCalls.cacheHit}`;
  const [totals, headroom] = await Promise.all([
    db()
      .select({
        source: apiCalls.source,
        calls: sql<number>`count(*)::int`,
        cacheHits: sql<number>`count(*) filter (where ${apiCalls.cacheHit})::int`,
        errors: sql<number>`count(*) filter (where ${apiCalls.error} is not null)::int`,
        retries: sql<number>`coalesce(sum(${apiCalls.retries}), 0)::int`,
        bytes: sql<number>`coalesce(sum(${apiCalls.bytes}), 0)::float8`,
        medianMs: sql<number | null>`percentile_cont(0.5) within group (order by ${apiCalls.durationMs}) filter (where ${upstream})`,
        p95Ms: sql<number | null>`percentile_cont(0.95) within group (order by ${apiCalls.durationMs}) filter (where ${upstream})`,
        lastCallAt: sql<Date>`max(${apiCalls.at})`.mapWith(apiCalls.at),
      })
      .from(apiCalls)
      .where(gte(apiCalls.at, since))
      .groupBy(apiCalls.source)
      .orderBy(apiCalls.source),
    db()
      .selectDistinctOn([apiCalls.source], { source: apiCalls.source, remaining: apiCalls.rateLimitRemaining, limit: apiCalls.rateLimitLimit })
      .from(apiCalls)
      .where(and(gte(apiCalls.at, since), isNotNull(apiCalls.rateLimitRemaining)))
      .orderBy(apiCalls.source, desc(apiCalls.at)),
  ]);
  const headroomBySource = new Map(headroom.map((row) => [row.source, row]));
  return totals.map((row) => {
    const upstreamCalls = row.calls - row.cacheHits;
    const reported = headroomBySource.get(row.source);
    return {
      ...row,
      upstreamCalls,
      errorRate: upstreamCalls > 0 ? row.errors / upstreamCalls : 0,
      cacheHitRate: row.calls > 0 ? row.cacheHits / row.calls : 0,
      medianMs: row.medianMs === null ? null : Number(row.medianMs),
      p95Ms: row.p95Ms === null ? null : Number(row.p95Ms),
      rateLimitRemaining: reported?.remaining ?? null,
      rateLimitLimit: reported?.limit ?? null,
    };
  });
}
