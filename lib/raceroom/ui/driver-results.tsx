import Link from "next/link";
import { DESCENDING_SORTS, type DriverResultSort, type DriverResultsPage, type DriverResultsQuery } from "@/lib/raceroom/driver-results";
import type { DriverResult } from "@/lib/raceroom/queries";
import { FilterForm } from "@/lib/ui/filter-form";
import { Pager } from "@/lib/ui/pager";
import { DataTable, type ServerColumn } from "@/lib/ui/table/data-table";
import { Folded } from "@/lib/ui/table/folded";
import { ClassBadge } from "./class-badge";
import { Day, DifficultyBadge, Gap, LapTime, PositionOf } from "./labels";
import { leaderboardHref } from "./links";

export interface DriverResultsLinks {
  /** The driver page with the filters in force and this change (sort, page, a chart's leaderboard). */
  hrefOf: (change: Partial<DriverResultsQuery> & { board?: string }) => string;
  path: string;
  /** Query parameters the filter form keeps (the sort, the chart's leaderboard). */
  keep: Record<string, string | undefined>;
}

function columns(driverId: number, query: DriverResultsQuery, links: DriverResultsLinks): ServerColumn<DriverResult>[] {
  const sort = (by: DriverResultSort) => ({
    href: links.hrefOf({ sort: by, page: 1 }),
    current: query.sort === by ? (DESCENDING_SORTS.has(by) ? ("descending" as const) : ("ascending" as const)) : undefined,
  });
  return [
    {
      key: "leaderboard",
      header: "Track",
      sort: sort("track"),
      cell: (r) => (
        <>
          <Link prefetch={false} href={leaderboardHref(r.layoutId, r.classId, { driver: driverId })} className="font-medium hover:underline" data-testid="result-leaderboard-link">
            {r.trackName}
          </Link>
          <span className="block text-xs text-muted">{r.layoutName}</span>
          <Folded
            summary={<ClassBadge classId={r.classId} name={r.className} />}
            items={[
              { label: "Car", value: r.carName },
              { label: "% of record", value: `${r.percentOfRecord.toFixed(3)} %` },
              { label: "Difficulty", value: r.difficulty ?? "–" },
              { label: "Date", value: <Day iso={r.achievedAt} /> },
            ]}
          />
        </>
      ),
    },
    { key: "class", header: "Class", from: "sm", sort: sort("class"), cell: (r) => <ClassBadge classId={r.classId} name={r.className} /> },
    { key: "car", header: "Car", from: "sm", sort: sort("car"), cell: (r) => r.carName },
    { key: "position", header: "Pos", numeric: true, sort: sort("position"), cell: (r) => <PositionOf position={r.position} total={r.total} /> },
    { key: "lap-time", header: "Lap time", numeric: true, sort: sort("lap-time"), cell: (r) => <LapTime ms={r.lapTimeMs} record={r.position === 1} /> },
    { key: "gap", header: "Gap", numeric: true, sort: sort("gap"), cell: (r) => <Gap ms={r.gapMs} /> },
    { key: "percent", header: "% of record", numeric: true, from: "sm", sort: sort("percent"), cell: (r) => `${r.percentOfRecord.toFixed(3)} %` },
    { key: "difficulty", header: "Difficulty", from: "sm", sort: sort("difficulty"), cell: (r) => <DifficultyBadge difficulty={r.difficulty} /> },
    { key: "date", header: "Date", from: "sm", className: "tabular whitespace-nowrap", sort: sort("date"), cell: (r) => <Day iso={r.achievedAt} /> },
    {
      key: "history",
      header: <span className="sr-only">Personal-best history</span>,
      from: "md",
      cell: (r) => (
        <Link prefetch={false} scroll={false} href={`${links.hrefOf({ board: `${r.layoutId}-${r.classId}` })}#history`} className="text-sm text-muted hover:text-fg hover:underline">
          History
        </Link>
      ),
    },
  ];
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
        <DataTable label="Results" testId="driver-results" columns={columns(driverId, query, links)} rows={results.rows} rowKey={(r) => `${r.layoutId}:${r.classId}`} />
      ) : (
        <p className="rounded-lg border border-dashed border-border px-3 py-4 text-sm text-muted">No result matches these filters.</p>
      )}
      <Pager label="Result pages" page={results.page} pageCount={results.pageCount} hrefOf={(page) => links.hrefOf({ page })} />
    </div>
  );
}
