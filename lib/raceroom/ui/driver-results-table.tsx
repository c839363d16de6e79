"use client";

import Link from "next/link";
import { DESCENDING_SORTS, type DriverResultSort } from "@/lib/raceroom/driver-results";
import type { DriverResult } from "@/lib/raceroom/queries";
import { DataTable, type ServerColumn } from "@/lib/ui/table/data-table";
import { Folded } from "@/lib/ui/table/folded";
import { ClassBadge } from "./class-badge";
import { Day, DifficultyBadge, Gap, LapTime, PositionOf } from "./labels";
import { leaderboardHref } from "./links";

export interface DriverResultsTableProps {
  driverId: number;
  rows: DriverResult[];
  /** The sort in force, and the link to the results in each order. */
  sorting: { current: DriverResultSort; hrefs: Record<DriverResultSort, string> };
  /** Each row's link to its personal-best history on the page. */
  historyHrefs: string[];
}

function columns({ driverId, sorting, historyHrefs }: Omit<DriverResultsTableProps, "rows">): ServerColumn<DriverResult>[] {
  const sort = (by: DriverResultSort) => ({
    href: sorting.hrefs[by],
    current: sorting.current === by ? (DESCENDING_SORTS.has(by) ? ("descending" as const) : ("ascending" as const)) : undefined,
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
      cell: (r, i) => (
        <Link prefetch={false} scroll={false} href={historyHrefs[i] ?? "#history"} className="text-sm text-muted hover:text-fg hover:underline">
          History
        </Link>
      ),
    },
  ];
}

/**
 * One page of a driver's results. A client component although nothing in it changes in the browser: the page then
 * carries its rows once as data besides the HTML, where a server component carried them again as element trees.
 */
export function DriverResultsTable(props: DriverResultsTableProps) {
  return <DataTable label="Results" testId="driver-results" columns={columns(props)} rows={props.rows} rowKey={(r) => `${r.layoutId}:${r.classId}`} />;
}
