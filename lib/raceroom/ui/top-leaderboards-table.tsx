"use client";

import Link from "next/link";
import type { TopLeaderboard, TopLeaderboardSort } from "@/lib/raceroom/queries";
import { formatCount } from "@/lib/ui/format";
import type { SortDirection } from "@/lib/ui/table/columns";
import { DataTable, type ServerColumn } from "@/lib/ui/table/data-table";
import { ClassBadge } from "./class-badge";
import { LapTime } from "./labels";
import { driverHref, leaderboardHref } from "./links";

/** The order each sort puts the list in: the busiest first, names from A. */
const directions: Record<TopLeaderboardSort, SortDirection> = { entries: "descending", track: "ascending", class: "ascending" };

/** Sorting by the column headers: the sort in force, and the link to the list in each order. */
export interface TopLeaderboardsSorting {
  current: TopLeaderboardSort;
  hrefs: Record<TopLeaderboardSort, string>;
}

function columns(firstRank: number, sorting: TopLeaderboardsSorting | undefined): ServerColumn<TopLeaderboard>[] {
  const sort = (by: TopLeaderboardSort) => (sorting ? { href: sorting.hrefs[by], current: sorting.current === by ? directions[by] : undefined } : undefined);
  return [
    { key: "rank", header: "#", numeric: true, className: "text-muted", headerClassName: "w-10", cell: (_, i) => firstRank + i },
    {
      key: "track",
      header: "Track",
      sort: sort("track"),
      cell: (c) => (
        <>
          <Link prefetch={false} href={leaderboardHref(c.layoutId, c.classId)} className="font-medium hover:underline">
            {c.trackName}
          </Link>
          <span className="block text-xs text-muted">{c.layoutName}</span>
          <span className="block text-xs sm:hidden">
            <ClassBadge classId={c.classId} name={c.className} />
          </span>
          {c.flag ? (
            <span className="block text-xs text-warn" title={c.flag}>
              ⚠ kept from an earlier refresh
            </span>
          ) : null}
        </>
      ),
    },
    { key: "class", header: "Class", from: "sm", sort: sort("class"), cell: (c) => <ClassBadge classId={c.classId} name={c.className} /> },
    { key: "entries", header: "Entries", numeric: true, sort: sort("entries"), cell: (c) => formatCount(c.entryCount) },
    { key: "record", header: "Record", numeric: true, cell: (c) => (c.leader ? <LapTime ms={c.leader.lapTimeMs} /> : "–") },
    {
      key: "holder",
      header: "Record holder",
      from: "md",
      className: "max-w-48 truncate",
      cell: (c) =>
        c.leader ? (
          <Link prefetch={false} href={driverHref(c.leader.driverId)} className="hover:underline">
            {c.leader.name}
          </Link>
        ) : (
          "–"
        ),
    },
  ];
}

/**
 * Leaderboards with their entry counts, each linking to its leaderboard; `firstRank` numbers the rows across pages. A
 * client component (see LeaderboardTable): the page carries the rows once as data, not again as element trees.
 */
export function TopLeaderboardsTable({ leaderboards, firstRank = 1, sorting }: { leaderboards: TopLeaderboard[]; firstRank?: number; sorting?: TopLeaderboardsSorting }) {
  return (
    <DataTable
      label="Leaderboards"
      testId="top-leaderboards-table"
      columns={columns(firstRank, sorting)}
      rows={leaderboards}
      rowKey={(c) => `${c.layoutId}:${c.classId}`}
    />
  );
}
