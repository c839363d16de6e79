import "server-only";
import { z } from "zod";
import { callFilterSchema, listCalls, sourceTotals, type LedgerCall, type SourceTotals } from "@/lib/http/ledger-queries";
import { readSearchParams, type SearchParams } from "@/lib/ui/search-params";
import { requireAdmin } from "./auth";

export const ledgerPeriods = { "1h": "Last hour", "24h": "Last 24 hours", "7d": "Last 7 days" } as const;
export type LedgerPeriod = keyof typeof ledgerPeriods;
export const DEFAULT_LEDGER_PERIOD: LedgerPeriod = "24h";
const periodMs: Record<LedgerPeriod, number> = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000 };

const PAGE_SIZE = 50;

/** The ledger page's query string; anything unusable falls back to the default instead of failing the page. */
const ledgerSearch = z.object({
  period: z.enum(Object.keys(ledgerPeriods) as [LedgerPeriod, ...LedgerPeriod[]]).default(DEFAULT_LEDGER_PERIOD),
  source: z.string().trim().min(1).max(100).optional(),
  status: z.enum(["ok", "error"]).optional(),
  endpoint: z.string().trim().min(1).max(300).optional(),
  cursor: z.string().max(200).optional(),
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
export async function ledgerView(query: SearchParams): Promise<LedgerView> {
  await requireAdmin("/admin/ledger");
  const search = readSearchParams(ledgerSearch, query);
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
