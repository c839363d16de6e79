import { ledgerPeriods, type LedgerSearch } from "@/lib/admin/ledger";
import { filterControl, filterLabel } from "../data-table";
import { FilterActions, FilterSelect, withCurrent } from "../filter-form";

const periodOptions = Object.entries(ledgerPeriods).map(([value, label]) => ({ value, label }));
const statusOptions = [
  { value: "ok", label: "OK" },
  { value: "error", label: "Errors" },
];

/** A plain GET form: filters live in the URL, so a filtered view can be bookmarked and shared. */
export function LedgerFilters({ search, sources }: { search: LedgerSearch; sources: string[] }) {
  const sourceOptions = withCurrent(
    sources.map((source) => ({ value: source, label: source })),
    search.source,
  );
  return (
    <form method="get" action="/admin/ledger" className="grid grid-cols-2 items-end gap-3 sm:grid-cols-[repeat(4,minmax(0,1fr))_auto]">
      <FilterSelect label="Period" name="period" value={search.period} options={periodOptions} />
      <FilterSelect label="Source" name="source" value={search.source ?? ""} options={sourceOptions} anyLabel="All sources" />
      <FilterSelect label="Status" name="status" value={search.status ?? ""} options={statusOptions} anyLabel="Any" />
      <label className={filterLabel}>
        Endpoint
        <input name="endpoint" defaultValue={search.endpoint ?? ""} placeholder="exact path" className={filterControl} />
      </label>
      <FilterActions resetHref="/admin/ledger" />
    </form>
  );
}
