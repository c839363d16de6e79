import Link from "next/link";
import type { Mover } from "@/lib/raceroom/queries";
import { formatCount } from "@/lib/ui/format";
import { DataTable, type ServerColumn } from "@/lib/ui/table/data-table";
import { ClassBadge } from "./class-badge";
import { LapTime } from "./labels";
import { driverHref, leaderboardHref } from "./links";

const columns: ServerColumn<Mover>[] = [
  {
    key: "driver",
    header: "Driver and leaderboard",
    className: "max-w-56",
    cell: (m) => (
      <>
        <Link prefetch={false} href={driverHref(m.driverId)} className="block truncate font-medium hover:underline">
          {m.driverName}
        </Link>
        <Link prefetch={false} href={leaderboardHref(m.layoutId, m.classId, { driver: m.driverId })} className="block text-xs text-muted hover:underline">
          {m.trackName} {m.layoutName} · <ClassBadge classId={m.classId} name={m.className} />
        </Link>
      </>
    ),
  },
  {
    key: "climb",
    header: "Climb",
    numeric: true,
    className: "text-green",
    cell: (m) => (
      <>
        <span aria-hidden>▲</span>
        <span className="sr-only">up</span> {formatCount(m.climb)}
      </>
    ),
  },
  {
    key: "position",
    header: "Now",
    numeric: true,
    cell: (m) => (
      <>
        P{m.position}
        <span className="block text-xs text-muted">was P{m.previousPosition}</span>
      </>
    ),
  },
  {
    key: "lap",
    header: "Lap",
    numeric: true,
    from: "sm",
    cell: (m) => (
      <>
        <LapTime ms={m.lapTimeMs} />
        <span className="block text-xs text-muted">
          <LapTime ms={m.previousLapTimeMs} />
        </span>
      </>
    ),
  },
];

/** The biggest climbs between the last two refreshes; each driver with the leaderboard they climbed on. */
export function MoversTable({ movers }: { movers: Mover[] }) {
  return <DataTable label="Movers" testId="movers-table" columns={columns} rows={movers} rowKey={(m) => `${m.driverId}:${m.layoutId}:${m.classId}`} />;
}
