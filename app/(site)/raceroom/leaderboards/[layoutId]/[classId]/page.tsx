import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DIFFICULTIES, leaderboard, refreshStatus, type Difficulty } from "@/lib/raceroom/queries";
import { BoardTable } from "@/lib/raceroom/ui/board-table";
import { ClassBadge } from "@/lib/raceroom/ui/class-badge";
import { FilterForm } from "@/lib/raceroom/ui/filter-form";
import { Day, LapTime } from "@/lib/raceroom/ui/labels";
import { boardHref, driverHref, withQuery } from "@/lib/raceroom/ui/links";
import { Pager } from "@/lib/raceroom/ui/pager";
import { firstParam, idParam } from "@/lib/raceroom/ui/params";
import { NoDataYet } from "@/lib/ui/empty-state";
import { formatCount } from "@/lib/ui/format";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ layoutId: string; classId: string }>; searchParams: Promise<SearchParams> };

const PAGE_SIZE = 50;

function filtersOf(search: SearchParams) {
  const difficulty = firstParam(search.difficulty);
  return {
    page: idParam(search.page),
    difficulty: DIFFICULTIES.find((d) => d === difficulty) as Difficulty | undefined,
    carId: idParam(search.car),
    driverId: idParam(search.driver),
  };
}

// Metadata and page read the same board once per request (cached by these primitive arguments).
const loadBoard = cache(
  async (layoutParam: string, classParam: string, page?: number, difficulty?: Difficulty, carId?: number, driverId?: number) => {
    const layoutId = idParam(layoutParam);
    const classId = idParam(classParam);
    if (layoutId === undefined || classId === undefined) return null;
    return leaderboard(layoutId, classId, { page, pageSize: PAGE_SIZE, difficulty, carId, highlightDriverId: driverId });
  },
);

function load(layoutParam: string, classParam: string, search: SearchParams) {
  const f = filtersOf(search);
  return loadBoard(layoutParam, classParam, f.page, f.difficulty, f.carId, f.driverId);
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { layoutId, classId } = await params;
  const board = await load(layoutId, classId, await searchParams);
  return { title: board ? `${board.trackName} ${board.layoutName} · ${board.className}` : "Leaderboard" };
}

export default async function LeaderboardPage({ params, searchParams }: Props) {
  const { layoutId, classId } = await params;
  const search = await searchParams;
  const board = await load(layoutId, classId, search);
  if (!board) {
    if ((await refreshStatus()).live === null) return <NoDataYet />;
    notFound();
  }
  const f = filtersOf(search);
  const base = boardHref(board.layoutId, board.classId);
  const query = { difficulty: f.difficulty, car: f.carId, driver: f.driverId };
  const leader = board.page === 1 ? board.entries[0] : undefined;
  const filtered = f.difficulty !== undefined || f.carId !== undefined;
  return (
    <div className="space-y-5">
      <header className="space-y-2">
        <p className="text-sm text-muted">
          <Link href="/raceroom" className="hover:underline">
            RaceRoom
          </Link>{" "}
          /{" "}
          <Link href={withQuery("/raceroom/combinations", { track: board.trackId })} className="hover:underline">
            {board.trackName}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">
          {board.trackName} <span className="text-muted">·</span> {board.layoutName}
        </h1>
        <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <ClassBadge classId={board.classId} name={board.className} />
          <span className="tabular">
            <strong>{formatCount(board.total)}</strong> entries
          </span>
          {board.recordLapTimeMs !== null ? (
            <span className="tabular">
              Record <LapTime ms={board.recordLapTimeMs} record />
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
            Fetched <Day iso={board.fetchedAt} />
          </span>
        </p>
        {board.flag ? (
          <p className="rounded-md border border-warn/40 bg-warn/10 px-3 py-2 text-sm text-warn" role="note">
            ⚠ The last fetch of this board did not succeed ({board.flag}); these are the rows of an earlier refresh.
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
              options: board.difficulties.map((d) => ({ value: d.difficulty, label: `${d.difficulty} (${formatCount(d.entries)})` })),
            },
            {
              name: "car",
              label: "Car",
              value: f.carId === undefined ? "" : String(f.carId),
              allLabel: "All cars",
              options: board.cars.flatMap((c) => (c.carId === null ? [] : [{ value: String(c.carId), label: `${c.carName} (${formatCount(c.entries)})` }])),
            },
          ]}
        />
        <p className="tabular text-sm text-muted">
          {filtered ? `${formatCount(board.filteredTotal)} of ${formatCount(board.total)} entries match` : null}
        </p>
      </div>

      {f.driverId !== undefined && board.highlight === null ? (
        <p className="rounded-md border border-border bg-surface px-3 py-2 text-sm" role="note">
          Driver #{f.driverId} has no entry on this board{filtered ? " with these filters" : ""}.{" "}
          <Link href={driverHref(f.driverId)} className="underline">
            Their results
          </Link>
        </p>
      ) : null}

      {board.entries.length > 0 ? (
        <BoardTable entries={board.entries} followedDriverId={board.highlight?.driverId} />
      ) : (
        <p className="rounded-lg border border-dashed border-border px-3 py-4 text-sm text-muted">No entry matches these filters.</p>
      )}
      <Pager page={board.page} pageCount={board.pageCount} hrefOf={(page) => withQuery(base, { ...query, page: page === 1 && f.driverId === undefined ? undefined : page })} />
    </div>
  );
}
