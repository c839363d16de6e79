import Link from "next/link";
import { ledgerPeriods, type LedgerSearch } from "@/lib/admin/ledger";
import { button, filterControl, filterLabel } from "../data-table";

/** A plain GET form: filters live in the URL, so a filtered view can be bookmarked and shared. */
export function LedgerFilters({ search, sources }: { search: LedgerSearch; sources: string[] }) {
  const sourceOptions = search.source && !sources.includes(search.source) ? [...sources, search.source] : sources;
  return (
    <form method="get" action="/admin/ledger" className="grid grid-cols-2 items-end gap-3 sm:grid-cols-[repeat(4,minmax(0,1fr))_auto]">
      <label className={filterLabel}>
        Period
        <select name="period" defaultValue={search.period} className={filterControl}>
          {Object.entries(ledgerPeriods).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className={filterLabel}>
        Source
        <select name="source" defaultValue={search.source ?? ""} className={filterControl}>
          <option value="">All sources</option>
          {sourceOptions.map((source) => (
            <option key={source} value={source}>
              {source}
            </option>
          ))}
        </select>
      </label>
      <label className={filterLabel}>
        Status
        <select name="status" defaultValue={search.status ?? ""} className={filterControl}>
          <option value="">Any</option>
          <option value="ok">OK</option>
          <option value="error">Errors</option>
        </select>
      </label>
      <label className={filterLabel}>
        Endpoint
        <input name="endpoint" defaultValue={search.endpoint ?? ""} placeholder="exact path" className={filterControl} />
      </label>
      <div className="col-span-2 flex gap-2 sm:col-span-1">
        <button type="submit" className={button}>
          Apply
        </button>
        <Link href="/admin/ledger" className={`${button} text-muted`}>
          Reset
        </Link>
      </div>
    </form>
  );
}
