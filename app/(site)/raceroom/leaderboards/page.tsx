import type { Metadata } from "next";
import { leaderboardFilters, refreshStatus, topLeaderboards } from "@/lib/raceroom/queries";
import { TopLeaderboardsTable } from "@/lib/raceroom/ui/top-leaderboards-table";
import { FilterForm } from "@/lib/raceroom/ui/filter-form";
import { withQuery } from "@/lib/raceroom/ui/links";
import { Pager } from "@/lib/raceroom/ui/pager";
import { idParam } from "@/lib/raceroom/ui/params";
import { NoDataYet } from "@/lib/ui/empty-state";
import { formatCount } from "@/lib/ui/format";

export const metadata: Metadata = { title: "Top leaderboards" };

const PAGE_SIZE = 50;
const PATH = "/raceroom/leaderboards";

export default async function TopLeaderboardsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = await searchParams;
  const trackId = idParam(search.track);
  const classId = idParam(search.class);
  const page = idParam(search.page) ?? 1;
  const [status, filters, top] = await Promise.all([
    refreshStatus(),
    leaderboardFilters(),
    topLeaderboards({ trackId, classId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
  ]);
  const pageCount = Math.max(1, Math.ceil(top.total / PAGE_SIZE));
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
            <TopLeaderboardsTable leaderboards={top.leaderboards} firstRank={(page - 1) * PAGE_SIZE + 1} />
          ) : (
            <p className="rounded-lg border border-dashed border-border px-3 py-4 text-sm text-muted">
              {top.total > 0 ? "This page is past the end of the list." : "No leaderboard with entries matches these filters."}
            </p>
          )}
          <Pager page={page} pageCount={pageCount} hrefOf={(target) => withQuery(PATH, { track: trackId, class: classId, page: target === 1 ? undefined : target })} />
        </>
      )}
    </div>
  );
}
