import type { Metadata } from "next";
import { cachedLeaderboardFilters, cachedTopLeaderboards } from "@/lib/raceroom/cached";
import { refreshStatus, type TopLeaderboardSort } from "@/lib/raceroom/queries";
import { topLeaderboardsQuery } from "@/lib/raceroom/ui/page-queries";
import { TopLeaderboardsTable } from "@/lib/raceroom/ui/top-leaderboards-table";
import { NoDataYet } from "@/lib/ui/empty-state";
import { FilterForm } from "@/lib/ui/filter-form";
import { formatCount } from "@/lib/ui/format";
import { withQuery } from "@/lib/ui/href";
import { Pager } from "@/lib/ui/pager";
import { readSearchParams, type SearchParams } from "@/lib/ui/search-params";

export const metadata: Metadata = { title: "Top leaderboards" };

const PAGE_SIZE = 50;
const PATH = "/raceroom/leaderboards";


export default async function TopLeaderboardsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { track: trackId, class: classId, sort, page } = readSearchParams(topLeaderboardsQuery, await searchParams);
  const [status, filters, top] = await Promise.all([
    refreshStatus(),
    cachedLeaderboardFilters(),
    cachedTopLeaderboards({ trackId, classId, sort, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
  ]);
  const pageCount = Math.max(1, Math.ceil(top.total / PAGE_SIZE));
  // Links leave the defaults out, so the plain list keeps its plain address.
  const listHref = (change: { sort?: TopLeaderboardSort; page?: number }) => {
    const target = { sort, page: 1, ...change };
    return withQuery(PATH, { track: trackId, class: classId, sort: target.sort === "entries" ? undefined : target.sort, page: target.page === 1 ? undefined : target.page });
  };
  return (
    <div className="space-y-5">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Top leaderboards</h1>
        <p className="max-w-3xl text-muted">Track layouts and car classes with the most leaderboard entries. Pick a track or a class to narrow the list.</p>
      </header>
      {status.live === null ? (
        <NoDataYet />
      ) : (
        <>
          <div className="flex flex-wrap items-end justify-between gap-3">
            <FilterForm
              action={PATH}
              keep={{ sort: sort === "entries" ? undefined : sort }}
              fields={[
                {
                  name: "track",
                  label: "Track",
                  value: trackId === undefined ? "" : String(trackId),
                  allLabel: "All tracks",
                  options: filters.tracks.map((t) => ({ value: String(t.id), label: t.name })),
                },
                {
                  name: "class",
                  label: "Class",
                  value: classId === undefined ? "" : String(classId),
                  allLabel: "All classes",
                  options: filters.classes.map((c) => ({ value: String(c.id), label: c.name })),
                },
              ]}
            />
            <p className="tabular text-sm text-muted">
              {formatCount(top.total)} {top.total === 1 ? "leaderboard" : "leaderboards"} with entries
            </p>
          </div>
          {top.leaderboards.length > 0 ? (
            <TopLeaderboardsTable
              leaderboards={top.leaderboards}
              firstRank={(page - 1) * PAGE_SIZE + 1}
              sorting={{ current: sort, hrefs: { entries: listHref({ sort: "entries" }), track: listHref({ sort: "track" }), class: listHref({ sort: "class" }) } }}
            />
          ) : (
            <p className="rounded-lg border border-dashed border-border px-3 py-4 text-sm text-muted">
              {top.total > 0 ? "This page is past the end of the list." : "No leaderboard with entries matches these filters."}
            </p>
          )}
          <Pager page={page} pageCount={pageCount} hrefOf={(target) => listHref({ page: target })} />
        </>
      )}
    </div>
  );
}
