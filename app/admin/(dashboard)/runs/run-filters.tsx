import { runStatuses, runTriggers, type RunsSearch } from "@/lib/admin/runs";
import { FilterActions, FilterSelect, withCurrent } from "../filter-form";

const statusOptions = runStatuses.map((status) => ({ value: status, label: status }));
const triggerOptions = runTriggers.map((trigger) => ({ value: trigger, label: trigger }));

/** A plain GET form: filters live in the URL, so a filtered history can be bookmarked and shared. */
export function RunFilters({ search, kinds }: { search: RunsSearch; kinds: { kind: string; label: string }[] }) {
  const kindOptions = withCurrent(
    kinds.map(({ kind, label }) => ({ value: kind, label })),
    search.kind,
  );
  return (
    <form method="get" action="/admin/runs" className="grid grid-cols-2 items-end gap-3 sm:grid-cols-[repeat(3,minmax(0,1fr))_auto]">
      <FilterSelect label="Kind" name="kind" value={search.kind ?? ""} options={kindOptions} anyLabel="All kinds" className="col-span-2 sm:col-span-1" />
      <FilterSelect label="Status" name="status" value={search.status ?? ""} options={statusOptions} anyLabel="Any" />
      <FilterSelect label="Trigger" name="trigger" value={search.trigger ?? ""} options={triggerOptions} anyLabel="Any" />
      <FilterActions resetHref="/admin/runs" />
    </form>
  );
}
