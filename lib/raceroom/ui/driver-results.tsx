import { DRIVER_RESULT_SORTS, type DriverResultSort, type DriverResultsPage, type DriverResultsQuery } from "@/lib/raceroom/driver-results";
import { FilterForm } from "@/lib/ui/filter-form";
import { Pager } from "@/lib/ui/pager";
import { DriverResultsTable } from "./driver-results-table";

export interface DriverResultsLinks {
  /** The driver page with the filters in force and this change (sort, page, a chart's leaderboard). */
  hrefOf: (change: Partial<DriverResultsQuery> & { board?: string }) => string;
  path: string;
  /** Query parameters the filter form keeps (the sort, the chart's leaderboard). */
  keep: Record<string, string | undefined>;
}

/**
 * A driver's results, a page at a time, sorted by any column header and filtered by track, class or car text and by
 * difficulty: all on the server, the order and filters in the URL.
 */
export function DriverResults({ driverId, query, results, links }: { driverId: number; query: DriverResultsQuery; results: DriverResultsPage; links: DriverResultsLinks }) {
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <FilterForm
          action={links.path}
          keep={links.keep}
          fields={[
            { name: "q", type: "text", label: "Track, class or car", value: query.text, placeholder: "e.g. Monza, GTR 3, Audi" },
            {
              name: "difficulty",
              label: "Difficulty",
              value: query.difficulty ?? "",
              allLabel: "All difficulties",
              options: results.difficulties.map((d) => ({ value: d, label: d })),
            },
          ]}
        />
        <p className="tabular pb-1.5 text-sm text-muted" data-testid="results-count">
          {results.matching === results.total ? `${results.total} results` : `${results.matching} of ${results.total} results`}
        </p>
      </div>
      {results.rows.length > 0 ? (
        <DriverResultsTable
          driverId={driverId}
          rows={results.rows}
          sorting={{ current: query.sort, hrefs: Object.fromEntries(DRIVER_RESULT_SORTS.map((by) => [by, links.hrefOf({ sort: by, page: 1 })])) as Record<DriverResultSort, string> }}
          historyHrefs={results.rows.map((r) => `${links.hrefOf({ board: `${r.layoutId}-${r.classId}` })}#history`)}
        />
      ) : (
        <p className="rounded-lg border border-dashed border-border px-3 py-4 text-sm text-muted">No result matches these filters.</p>
      )}
      <Pager label="Result pages" page={results.page} pageCount={results.pageCount} hrefOf={(page) => links.hrefOf({ page })} />
    </div>
  );
}
