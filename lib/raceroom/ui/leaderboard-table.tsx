import Link from "next/link";
import type { LeaderboardEntryRow } from "@/lib/raceroom/queries";
import { Country, Day, DifficultyBadge, Gap, LapTime } from "./labels";
import { driverHref } from "./links";
import { cell, headCell, highlightRow, numberCell, row, table, tableFrame, wideOnly } from "./table";

/** One page of a leaderboard; the followed driver's row is highlighted, marked, and can be scrolled to (#driver-<id>). */
export function LeaderboardTable({ entries, followedDriverId }: { entries: LeaderboardEntryRow[]; followedDriverId?: number }) {
  return (
    <div className={tableFrame}>
      <table className={table} data-testid="leaderboard-table">
        <thead>
          <tr>
            <th scope="col" className={`${headCell} w-12 text-right`}>Pos</th>
            <th scope="col" className={headCell}>Driver</th>
            <th scope="col" className={`${headCell} ${wideOnly}`}>Country</th>
            <th scope="col" className={`${headCell} ${wideOnly}`}>Car</th>
            <th scope="col" className={`${headCell} text-right`}>Lap time</th>
            <th scope="col" className={`${headCell} text-right`}>Gap</th>
            <th scope="col" className={`${headCell} ${wideOnly}`}>Difficulty</th>
            <th scope="col" className={`${headCell} ${wideOnly}`}>Date</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const followed = e.driverId === followedDriverId;
            return (
              <tr
                key={e.position}
                id={followed ? `driver-${e.driverId}` : undefined}
                aria-current={followed ? "true" : undefined}
                data-testid={followed ? "followed-row" : undefined}
                className={`${row} ${followed ? highlightRow : ""}`}
              >
                <td className={`${numberCell} font-semibold`}>{e.position}</td>
                <td className={`${cell} max-w-64`}>
                  {followed ? (
                    <span className="mr-1.5 rounded bg-accent px-1 py-px text-[10px] font-semibold uppercase text-accent-fg">Followed</span>
                  ) : null}
                  <Link prefetch={false} href={driverHref(e.driverId)} className="break-words font-medium hover:underline">
                    {e.driverName}
                  </Link>
                  <details className="mt-1 text-xs sm:hidden">
                    <summary className="cursor-pointer text-muted">{e.carName}</summary>
                    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
                      <dt className="text-muted">Country</dt>
                      <dd>{e.countryName ?? e.countryCode ?? "–"}</dd>
                      <dt className="text-muted">Difficulty</dt>
                      <dd>{e.difficulty ?? "–"}</dd>
                      <dt className="text-muted">% of record</dt>
                      <dd className="tabular">{e.percentOfRecord.toFixed(3)} %</dd>
                      <dt className="text-muted">Date</dt>
                      <dd>
                        <Day iso={e.achievedAt} />
                      </dd>
                    </dl>
                  </details>
                </td>
                <td className={`${cell} ${wideOnly}`}>
                  <Country code={e.countryCode} name={e.countryName} />
                </td>
                <td className={`${cell} ${wideOnly}`}>{e.carName}</td>
                <td className={numberCell}>
                  <LapTime ms={e.lapTimeMs} record={e.position === 1} />
                </td>
                <td className={numberCell}>
                  <Gap ms={e.gapMs} />
                </td>
                <td className={`${cell} ${wideOnly}`}>
                  <DifficultyBadge difficulty={e.difficulty} />
                </td>
                <td className={`${cell} ${wideOnly} tabular whitespace-nowrap`}>
                  <Day iso={e.achievedAt} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
