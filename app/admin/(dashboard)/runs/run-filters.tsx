import { runStatuses, runTriggers, type RunsSearch } from "@/lib/admin/runs";
import { FilterForm } from "@/lib/ui/filter-form";

const statusOptions = runStatuses.map((status) => ({ value: status, label: status }));
const triggerOptions = runTriggers.map((trigger) => ({ value: trigger, label: trigger }));

/** Filters live in the URL, so a filtered history can be bookmarked and shared. */
export function RunFilters({ search, kinds }: { search: RunsSearch; kinds: { kind: string; label: string }[] }) {
  return (
    <FilterForm
      action="/admin/runs"
      fields={[
        { name: "kind", label: "Kind", value: search.kind ?? "", allLabel: "All kinds", options: kinds.map(({ kind, label }) => ({ value: kind, label })) },
        { name: "status", label: "Status", value: search.status ?? "", allLabel: "Any", options: statusOptions },
        { name: "trigger", label: "Trigger", value: search.trigger ?? "", allLabel: "Any", options: triggerOptions },
      ]}
    />
  );
}
