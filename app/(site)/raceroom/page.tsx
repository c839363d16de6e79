import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { cachedMovers, cachedSearchDrivers, cachedTopLeaderboards } from "@/lib/raceroom/cached";
import { refreshStatus, type TopLeaderboards } from "@/lib/raceroom/queries";
import { TopLeaderboardsTable } from "@/lib/raceroom/ui/top-leaderboards-table";
import { raceroomSearchQuery } from "@/lib/raceroom/ui/page-queries";
import { DriverSearch } from "@/lib/raceroom/ui/driver-search";
import { MoversTable } from "@/lib/raceroom/ui/movers-table";
import { RefreshStatusPanel } from "@/lib/raceroom/ui/refresh-status";
import { readSearchParams, type SearchParams } from "@/lib/ui/search-params";

export const metadata: Metadata = { title: { absolute: "RaceRoom · Pitwall" } };

const TOP = 10;

/**
 * Status and search hits (for a `?q=`) are in the first bytes of the page; the busiest leaderboards and movers, slower to
 * read, stream in after them.
 */
export default async function RaceroomPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { q } = readSearchParams(raceroomSearchQuery, await searchParams);
  const leaderboards = Promise.all([cachedTopLeaderboards({ limit: TOP }), cachedMovers({ limit: TOP })]);
  // Awaited only when there is live data; a failure is still reported there (this handler only keeps it from being unhandled).
  leaderboards.catch(() => undefined);
  const [status, search] = await Promise.all([refreshStatus(), q.trim() ? cachedSearchDrivers(q) : { query: "", hits: [] }]);
  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">RaceRoom leaderboards</h1>
        <p className="max-w-3xl text-muted">
          Every RaceRoom Racing Experience leaderboard, each track layout with each car class. Find a driver to see all their results, or
          open the busiest leaderboards below.
        </p>
      </header>
      <RefreshStatusPanel initial={status} />
      {status.live ? (
        <>
          <DriverSearch initial={{ query: search.query, data: search.hits }} />
          <Suspense fallback={<p className="text-sm text-muted">Loading the busiest leaderboards…</p>}>
            <BoardsSection leaderboards={leaderboards} />
          </Suspense>
        </>
      ) : null}
    </div>
  );
}

async function BoardsSection({ leaderboards }: { leaderboards: Promise<[TopLeaderboards, Awaited<ReturnType<typeof cachedMovers>>]> }) {
  const [top, climbs] = await leaderboards;
  return (
    <div className="grid gap-8 xl:grid-cols-[3fr_2fr]">
      <section aria-labelledby="top-leaderboards" className="min-w-0 space-y-3">
        <div className="flex items-baseline justify-between gap-2">
          <h2 id="top-leaderboards" className="text-lg font-semibold">
            Busiest leaderboards
          </h2>
          <Link href="/raceroom/leaderboards" className="text-sm text-muted hover:text-fg hover:underline">
            All {top.total.toLocaleString("en-US")} with entries →
          </Link>
        </div>
        <TopLeaderboardsTable leaderboards={top.leaderboards} />
      </section>
      <section aria-labelledby="movers" className="min-w-0 space-y-3">
        <h2 id="movers" className="text-lg font-semibold">
          Movers since the last refresh
        </h2>
        {climbs.movers.length > 0 ? (
          <MoversTable movers={climbs.movers} />
        ) : (
          <p className="rounded-lg border border-dashed border-border px-3 py-4 text-sm text-muted">
            No climbs to show yet: movers are the biggest gains in position between two full refreshes, so they appear once a second refresh
            has gone live.
          </p>
        )}
      </section>
    </div>
  );
}
