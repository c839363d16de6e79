import type { Metadata } from "next";
import Link from "next/link";
import { DEFAULT_LEDGER_PERIOD, ledgerPeriods, ledgerView } from "@/lib/admin/ledger";
import { EmptyState } from "@/lib/ui/empty-state";
import { Pager } from "@/lib/ui/pager";
import type { SearchParams } from "@/lib/ui/search-params";
import { CallsTable } from "./calls-table";
import { LedgerFilters } from "./ledger-filters";
import { SourceTotalsTable } from "./source-totals-table";

export const metadata: Metadata = { title: "API ledger" };

export default async function LedgerPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const view = await ledgerView(await searchParams);
  const { search } = view;
  const filtered = Boolean(search.source || search.status || search.endpoint);

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold tracking-tight">API ledger</h1>
        <p className="text-sm text-muted">Every upstream call, its outcome and cost · {ledgerPeriods[search.period].toLowerCase()}</p>
      </header>

      <section aria-labelledby="totals-heading" className="space-y-2">
        <h2 id="totals-heading" className="text-sm font-semibold">
          Per source
        </h2>
        {view.totals.length ? (
          <SourceTotalsTable totals={view.totals} />
        ) : (
          <EmptyState title="No upstream calls in this period">Calls appear here as soon as a sync talks to an upstream service.</EmptyState>
        )}
      </section>

      <section aria-labelledby="calls-heading" className="space-y-3">
        <h2 id="calls-heading" className="text-sm font-semibold">
          Calls
        </h2>
        <LedgerFilters search={search} sources={view.totals.map((t) => t.source)} />
        {view.cursorRejected ? (
          <p role="alert" className="text-sm text-warn">
            That page link is no longer valid; showing the newest calls.
          </p>
        ) : null}
        {view.calls.length ? (
          <CallsTable calls={view.calls} />
        ) : (
          <EmptyState title={filtered ? "No calls match these filters" : "No calls in this period"}>
            {filtered ? <Link className="underline" href={`/admin/ledger?period=${search.period}`}>Clear the filters</Link> : "Try a longer period."}
          </EmptyState>
        )}
        <Pager
          label="Ledger pages"
          olderLabel="Older calls"
          path="/admin/ledger"
          query={{ period: search.period === DEFAULT_LEDGER_PERIOD ? undefined : search.period, source: search.source, status: search.status, endpoint: search.endpoint }}
          cursor={search.cursor}
          nextCursor={view.nextCursor}
        />
      </section>
    </div>
  );
}
