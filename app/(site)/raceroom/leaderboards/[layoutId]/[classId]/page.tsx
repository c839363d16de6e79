import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { cachedLeaderboardPage } from "@/lib/raceroom/cached";
import { refreshStatus, type Difficulty } from "@/lib/raceroom/queries";
import { leaderboardPageQuery } from "@/lib/raceroom/ui/page-queries";
import { LeaderboardTable } from "@/lib/raceroom/ui/leaderboard-table";
import { ClassBadge } from "@/lib/raceroom/ui/class-badge";
import { Day, LapTime } from "@/lib/raceroom/ui/labels";
import { leaderboardHref, driverHref } from "@/lib/raceroom/ui/links";
import { NoDataYet } from "@/lib/ui/empty-state";
import { FilterForm } from "@/lib/ui/filter-form";
import { formatCount } from "@/lib/ui/format";
import { withQuery } from "@/lib/ui/href";
import { Pager } from "@/lib/ui/pager";
import { positiveInt, readParam, readSearchParams, type SearchParams } from "@/lib/ui/search-params";

type Props = { params: Promise<{ layoutId: string; classId: string }>; searchParams: Promise<SearchParams> };

const PAGE_SIZE = 50;


function filtersOf(search: SearchParams) {
  const { page, difficulty, car, driver } = readSearchParams(leaderboardPageQuery, search);
  return { page, difficulty, carId: car, driverId: driver };
}

// Metadata and page read the same leaderboard once per request (cached by these primitive arguments).
const loadBoard = cache(
  async (layoutParam: string, classParam: string, page?: number, difficulty?: Difficulty, carId?: number, driverId?: number) => {
    const layoutId = readParam(positiveInt.optional(), layoutParam);
    const classId = readParam(positiveInt.optional(), classParam);
    if (layoutId === undefined || classId === undefined) return null;
    return cachedLeaderboardPage(layoutId, classId, { page, pageSize: PAGE_SIZE, difficulty, carId, highlightDriverId: driverId });
  },
);

function load(layoutParam: string, classParam: string, search: SearchParams) {
  const f = filtersOf(search);
  return loadBoard(layoutParam, classParam, f.page, f.difficulty, f.carId, f.driverId);
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { layoutId, classId } = await params;
  const leaderboard = await load(layoutId, classId, await searchParams);
  return { title: leaderboard ? `${leaderboard.trackName} ${leaderboard.layoutName} · ${leaderboard.className}` : "Leaderboard" };
}

export default async function LeaderboardPage({ params, searchParams }: Props) {
  const { layoutId, classId } = await params;
  const search = await searchParams;
  const leaderboard = await load(layoutId, classId, search);
  if (!leaderboard) {
    if ((await refreshStatus()).live === null) return <NoDataYet />;
    notFound();
  }
  const f = filtersOf(search);
  const base = leaderboardHref(leaderboard.layoutId, leaderboard.classId);
  const query = { difficulty: f.difficulty, car: f.carId, driver: f.driverId };
  const leader = leaderboard.page === 1 ? leaderboard.entries[0] : undefined;
  const filtered = f.difficulty !== undefined || f.carId !== undefined;
  return (
    <div className="space-y-5">
      <header className="space-y-2">
        <p className="text-sm text-muted">
          <Link href="/raceroom" className="hover:underline">
            RaceRoom
          </Link>{" "}
          /{" "}
          <Link href={withQuery("/raceroom/leaderboards", { track: leaderboard.trackId })} className="hover:underline">
            {leaderboard.trackName}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">
          {leaderboard.trackName} <span className="text-muted">·</span> {leaderboard.layoutName}
        </h1>
        <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <ClassBadge classId={leaderboard.classId} name={leaderboard.className} />
          <span className="tabular">
            <strong>{formatCount(leaderboard.total)}</strong> entries
          </span>
          {leaderboard.recordLapTimeMs !== null ? (
            <span className="tabular">
              Record <LapTime ms={leaderboard.recordLapTimeMs} record />
              {leader ? (
                <>
                  {" "}
                  by{" "}
                  <Link href={driverHref(leader.driverId)} className="hover:underline">
                    {leader.driverName}
                  </Link>
                </>
              ) : null}
            </span>
          ) : null}
          <span className="text-muted">
            Fetched <Day iso={leaderboard.fetchedAt} />
          </span>
        </p>
        {leaderboard.flag ? (
          <p className="rounded-md border border-warn/40 bg-warn/10 px-3 py-2 text-sm text-warn" role="note">
            ⚠ The last fetch of this leaderboard did not succeed ({leaderboard.flag}); these are the rows of an earlier refresh.
          </p>
        ) : null}
      </header>

      <div className="flex flex-wrap items-end justify-between gap-3">
        <FilterForm
          action={base}
          keep={{ driver: f.driverId === undefined ? undefined : String(f.driverId) }}
          fields={[
            {
              name: "difficulty",
              label: "Difficulty",
              value: f.difficulty ?? "",
              allLabel: "All difficulties",
              options: leaderboard.difficulties.map((d) => ({ value: d.difficulty, label: `${d.difficulty} (${formatCount(d.entries)})` })),
            },
            {
              name: "car",
              label: "Car",
              value: f.carId === undefined ? "" : String(f.carId),
              allLabel: "All cars",
              options: leaderboard.cars.flatMap((c) => (c.carId === null ? [] : [{ value: String(c.carId), label: `${c.carName} (${formatCount(c.entries)})` }])),
            },
          ]}
        />
        <p className="tabular text-sm text-muted">
          {filtered ? `${formatCount(leaderboard.filteredTotal)} of ${formatCount(leaderboard.total)} entries match` : null}
        </p>
      </div>

      {f.driverId !== undefined && leaderboard.highlight === null ? (
        <p className="rounded-md border border-border bg-surface px-3 py-2 text-sm" role="note">
          Driver #{f.driverId} has no entry on this leaderboard{filtered ? " with these filters" : ""}.{" "}
          <Link href={driverHref(f.driverId)} className="underline">
            Their results
          </Link>
        </p>
      ) : null}

      {leaderboard.entries.length > 0 ? (
        <LeaderboardTable entries={leaderboard.entries} followedDriverId={leaderboard.highlight?.driverId} />
      ) : (
        <p className="rounded-lg border border-dashed border-border px-3 py-4 text-sm text-muted">No entry matches these filters.</p>
      )}
      <Pager page={leaderboard.page} pageCount={leaderboard.pageCount} hrefOf={(page) => withQuery(base, { ...query, page: page === 1 && f.driverId === undefined ? undefined : page })} />
    </div>
  );
}
