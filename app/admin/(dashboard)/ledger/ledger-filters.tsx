import { DEFAULT_LEDGER_PERIOD, ledgerPeriods, type LedgerSearch } from "@/lib/admin/ledger";
import { FilterForm } from "@/lib/ui/filter-form";

const periodOptions = Object.entries(ledgerPeriods).map(([value, label]) => ({ value, label }));
const statusOptions = [
  { value: "ok", label: "OK" },
  { value: "error", label: "Errors" },
];

/** Filters live in the URL, so a filtered view can be bookmarked and shared. */
export function LedgerFilters({ search, sources }: { search: LedgerSearch; sources: string[] }) {
  return (
    <FilterForm
      action="/admin/ledger"
      fields={[
        { name: "period", label: "Period", value: search.period, defaultValue: DEFAULT_LEDGER_PERIOD, options: periodOptions },
        { name: "source", label: "Source", value: search.source ?? "", allLabel: "All sources", options: sources.map((source) => ({ value: source, label: source })) },
        { name: "status", label: "Status", value: search.status ?? "", allLabel: "Any", options: statusOptions },
        { type: "text", name: "endpoint", label: "Endpoint", value: search.endpoint ?? "", placeholder: "exact path" },
      ]}
    />
  );
}
