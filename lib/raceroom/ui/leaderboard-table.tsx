"use client";

import Link from "next/link";
import type { LeaderboardEntryRow } from "@/lib/raceroom/queries";
import { DataTable, type ServerColumn } from "@/lib/ui/table/data-table";
import { Folded } from "@/lib/ui/table/folded";
import { Country, Day, DifficultyBadge, Gap, LapTime } from "./labels";
import { driverHref } from "./links";

const columns = (followedDriverId: number | undefined): ServerColumn<LeaderboardEntryRow>[] => [
  { key: "position", header: "Pos", numeric: true, className: "font-semibold", headerClassName: "w-12", cell: (e) => e.position },
  {
    key: "driver",
    header: "Driver",
    className: "max-w-64",
    cell: (e) => (
      <>
        {e.driverId === followedDriverId ? (
          <span className="mr-1.5 rounded bg-accent px-1 py-px text-[10px] font-semibold uppercase text-accent-fg">Followed</span>
        ) : null}
        <Link prefetch={false} href={driverHref(e.driverId)} className="break-words font-medium hover:underline">
          {e.driverName}
        </Link>
        <Folded
          summary={e.carName}
          items={[
            { label: "Country", value: e.countryName ?? e.countryCode ?? "–" },
            { label: "Difficulty", value: e.difficulty ?? "–" },
            { label: "% of record", value: `${e.percentOfRecord.toFixed(3)} %` },
            { label: "Date", value: <Day iso={e.achievedAt} /> },
          ]}
        />
      </>
    ),
  },
  { key: "country", header: "Country", from: "sm", cell: (e) => <Country code={e.countryCode} name={e.countryName} /> },
  { key: "car", header: "Car", from: "sm", cell: (e) => e.carName },
  { key: "lap-time", header: "Lap time", numeric: true, cell: (e) => <LapTime ms={e.lapTimeMs} record={e.position === 1} /> },
  { key: "gap", header: "Gap", numeric: true, cell: (e) => <Gap ms={e.gapMs} /> },
  { key: "difficulty", header: "Difficulty", from: "sm", cell: (e) => <DifficultyBadge difficulty={e.difficulty} /> },
  { key: "date", header: "Date", from: "sm", className: "tabular whitespace-nowrap", cell: (e) => <Day iso={e.achievedAt} /> },
];

/**
 * One page of a leaderboard; the followed driver's row is highlighted, marked, and can be scrolled to (#driver-<id>).
 * A client component although nothing in it changes in the browser: the page then carries its rows once as data
 * (about 0.3 KB each) besides the HTML, where a server component carried them again as element trees (3 KB each).
 */
export function LeaderboardTable({ entries, followedDriverId }: { entries: LeaderboardEntryRow[]; followedDriverId?: number }) {
  return (
    <DataTable
      label="Leaderboard"
      testId="leaderboard-table"
      columns={columns(followedDriverId)}
      rows={entries}
      rowKey={(e) => `${e.position}:${e.driverId}`}
      rowOptions={(e) =>
        e.driverId === followedDriverId ? { id: `driver-${e.driverId}`, highlighted: true, attributes: { "data-testid": "followed-row" } } : {}
      }
    />
  );
}
