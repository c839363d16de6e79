import "server-only";
import { z } from "zod";
import { callFilterSchema, listCalls, sourceTotals, type LedgerCall, type SourceTotals } from "@/lib/http/ledger-queries";
import { requireAdmin } from "./auth";

export const ledgerPeriods = { "1h": "Last hour", "24h": "Last 24 hours", "7d": "Last 7 days" } as const;
export type LedgerPeriod = keyof typeof ledgerPeriods;
const periodMs: Record<LedgerPeriod, number> = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000 };

const PAGE_SIZE = 50;

const one = (value: unknown) => (Array.isArray(value) ? value[0] : value) || undefined;

/** The ledger page's query string; anything unusable falls back to the default instead of failing the page. */
const ledgerSearch = z.object({
  period: z.preprocess(one, z.enum(Object.keys(ledgerPeriods) as [LedgerPeriod, ...LedgerPeriod[]]).catch("24h").default("24h")),
  source: z.preprocess(one, z.string().trim().min(1).max(100).optional().catch(undefined)),
  status: z.preprocess(one, z.enum(["ok", "error"]).optional().catch(undefined)),
  endpoint: z.preprocess(one, z.string().trim().min(1).max(300).optional().catch(undefined)),
  cursor: z.preprocess(one, z.string().max(200).optional().catch(undefined)),
});

export type LedgerSearch = z.output<typeof ledgerSearch>;

export interface LedgerView {
  search: LedgerSearch;
  since: Date;
  totals: SourceTotals[];
  calls: LedgerCall[];
  nextCursor: string | null;
  /** Set when the page link carried a cursor this ledger does not understand (the first page is shown). */
  cursorRejected: boolean;
}

/** Everything the API ledger page shows, for a logged-in admin only. */
export async function ledgerView(query: Record<string, string | string[] | undefined>): Promise<LedgerView> {
  await requireAdmin("/admin/ledger");
  const search = ledgerSearch.parse(query);
  const since = new Date(Date.now() - periodMs[search.period]);
  const cursorOk = search.cursor === undefined || callFilterSchema.shape.cursor.safeParse(search.cursor).success;
  const [totals, page] = await Promise.all([
    sourceTotals({ since }),
    listCalls({
      source: search.source,
      status: search.status,
      endpoint: search.endpoint,
      since,
      limit: PAGE_SIZE,
      cursor: cursorOk ? search.cursor : undefined,
    }),
  ]);
  return { search, since, totals, calls: page.calls, nextCursor: page.nextCursor, cursorRejected: !cursorOk };
}
