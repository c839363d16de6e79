import Link from "next/link";
import type { Mover } from "@/lib/raceroom/queries";
import { formatCount } from "@/lib/ui/format";
import { ClassBadge } from "./class-badge";
import { LapTime } from "./labels";
import { leaderboardHref, driverHref } from "./links";
import { cell, headCell, numberCell, row, table, tableFrame, wideOnly } from "./table";

/** The biggest climbs between the last two refreshes; each driver with the leaderboard they climbed on. */
export function MoversTable({ movers }: { movers: Mover[] }) {
  return (
    <div className={tableFrame}>
      <table className={table} data-testid="movers-table">
        <thead>
          <tr>
            <th scope="col" className={headCell}>Driver and leaderboard</th>
            <th scope="col" className={`${headCell} text-right`}>Climb</th>
            <th scope="col" className={`${headCell} text-right`}>Now</th>
            <th scope="col" className={`${headCell} ${wideOnly} text-right`}>Lap</th>
          </tr>
        </thead>
        <tbody>
          {movers.map((m) => (
            <tr key={`${m.driverId}:${m.layoutId}:${m.classId}`} className={row}>
              <td className={`${cell} max-w-56`}>
                <Link prefetch={false} href={driverHref(m.driverId)} className="block truncate font-medium hover:underline">
                  {m.driverName}
                </Link>
                <Link prefetch={false} href={leaderboardHref(m.layoutId, m.classId, { driver: m.driverId })} className="block text-xs text-muted hover:underline">
                  {m.trackName} {m.layoutName} · <ClassBadge classId={m.classId} name={m.className} />
                </Link>
              </td>
              <td className={`${numberCell} text-green`}>
                <span aria-hidden>▲</span>
                <span className="sr-only">up</span> {formatCount(m.climb)}
              </td>
              <td className={numberCell}>
                P{m.position}
                <span className="block text-xs text-muted">was P{m.previousPosition}</span>
              </td>
              <td className={`${numberCell} ${wideOnly}`}>
                <LapTime ms={m.lapTimeMs} />
                <span className="block text-xs text-muted">
                  <LapTime ms={m.previousLapTimeMs} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
