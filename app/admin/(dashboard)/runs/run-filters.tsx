import Link from "next/link";
import { runStatuses, runTriggers, type RunsSearch } from "@/lib/admin/runs";
import { button, filterControl, filterLabel } from "../data-table";

/** A plain GET form: filters live in the URL, so a filtered history can be bookmarked and shared. */
export function RunFilters({ search, kinds }: { search: RunsSearch; kinds: { kind: string; label: string }[] }) {
  const kindOptions = search.kind && !kinds.some((k) => k.kind === search.kind) ? [...kinds, { kind: search.kind, label: search.kind }] : kinds;
  return (
    <form method="get" action="/admin/runs" className="grid grid-cols-2 items-end gap-3 sm:grid-cols-[repeat(3,minmax(0,1fr))_auto]">
      <label className={`${filterLabel} col-span-2 sm:col-span-1`}>
        Kind
        <select name="kind" defaultValue={search.kind ?? ""} className={filterControl}>
          <option value="">All kinds</option>
          {kindOptions.map(({ kind, label }) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className={filterLabel}>
        Status
        <select name="status" defaultValue={search.status ?? ""} className={filterControl}>
          <option value="">Any</option>
          {runStatuses.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </label>
      <label className={filterLabel}>
        Trigger
        <select name="trigger" defaultValue={search.trigger ?? ""} className={filterControl}>
          <option value="">Any</option>
          {runTriggers.map((trigger) => (
            <option key={trigger} value={trigger}>
              {trigger}
            </option>
          ))}
        </select>
      </label>
      <div className="col-span-2 flex gap-2 sm:col-span-1">
        <button type="submit" className={button}>
          Apply
        </button>
        <Link href="/admin/runs" className={`${button} text-muted`}>
          Reset
        </Link>
      </div>
    </form>
  );
}
