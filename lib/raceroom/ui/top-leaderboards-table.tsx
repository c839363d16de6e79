import Link from "next/link";
import type { TopLeaderboard } from "@/lib/raceroom/queries";
import { formatCount } from "@/lib/ui/format";
import { ClassBadge } from "./class-badge";
import { LapTime } from "./labels";
import { leaderboardHref, driverHref } from "./links";
import { cell, headCell, numberCell, row, table, tableFrame, wideOnly } from "./table";

/** Leaderboards by entry count, each linking to its leaderboard; `firstRank` numbers the rows across pages. */
export function TopLeaderboardsTable({ leaderboards, firstRank = 1 }: { leaderboards: TopLeaderboard[]; firstRank?: number }) {
  return (
    <div className={tableFrame}>
      <table className={table} data-testid="top-leaderboards-table">
        <thead>
          <tr>
            <th scope="col" className={`${headCell} w-10 text-right`}>#</th>
            <th scope="col" className={headCell}>Track</th>
            <th scope="col" className={`${headCell} ${wideOnly}`}>Class</th>
            <th scope="col" className={`${headCell} text-right`}>Entries</th>
            <th scope="col" className={`${headCell} text-right`}>Record</th>
            <th scope="col" className={`${headCell} hidden md:table-cell`}>Record holder</th>
          </tr>
        </thead>
        <tbody>
          {leaderboards.map((c, i) => (
            <tr key={`${c.layoutId}:${c.classId}`} className={row}>
              <td className={`${numberCell} text-muted`}>{firstRank + i}</td>
              <td className={cell}>
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
              </td>
              <td className={`${cell} ${wideOnly}`}>
                <ClassBadge classId={c.classId} name={c.className} />
              </td>
              <td className={numberCell}>{formatCount(c.entryCount)}</td>
              <td className={numberCell}>{c.leader ? <LapTime ms={c.leader.lapTimeMs} /> : "–"}</td>
              <td className={`${cell} hidden max-w-48 truncate md:table-cell`}>
                {c.leader ? (
                  <Link prefetch={false} href={driverHref(c.leader.driverId)} className="hover:underline">
                    {c.leader.name}
                  </Link>
                ) : (
                  "–"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
