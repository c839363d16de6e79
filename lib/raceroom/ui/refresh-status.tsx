"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { z } from "zod";
import { fetchEndpoint } from "@/lib/api/fetcher";
import { statusEndpoint } from "@/lib/raceroom/api-contract";
import { NoDataYet } from "@/lib/ui/empty-state";
import { formatCount, formatDuration, formatRelative } from "@/lib/ui/format";
import { ProgressBar } from "@/lib/ui/progress-bar";

type RefreshStatus = z.output<typeof statusEndpoint.response>;

/** Poll every 2 s while a refresh runs; otherwise look in now and then, so a refresh started elsewhere shows up. */
const RUNNING_POLL_MS = 2_000;
const IDLE_POLL_MS = 10_000;

/** The live data's age and size, and a progress bar while a full refresh runs. New data reloads the page's tables. */
export function RefreshStatusPanel({ initial }: { initial: RefreshStatus }) {
  const router = useRouter();
  const { data: status, dataUpdatedAt } = useQuery({
    queryKey: ["raceroom", "status"],
    queryFn: ({ signal }) => fetchEndpoint(statusEndpoint, { signal }),
    initialData: initial,
    initialDataUpdatedAt: 0,
    refetchInterval: (query) => (query.state.data?.running ? RUNNING_POLL_MS : IDLE_POLL_MS),
  });

  // When a refresh goes live, the server-rendered tables (top leaderboards, movers) are re-read.
  const shownGeneration = useRef(initial.live?.generationId ?? null);
  useEffect(() => {
    const live = status.live?.generationId ?? null;
    if (live !== shownGeneration.current) {
      shownGeneration.current = live;
      router.refresh();
    }
  }, [status.live?.generationId, router]);

  const { live, running } = status;
  if (!live && !running) return <NoDataYet />;
  return (
    <section aria-label="Refresh status" data-testid="refresh-status" className="rounded-lg border border-border bg-surface px-4 py-3 text-sm">
      {running ? (
        <div className="space-y-2" data-testid="refresh-running">
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="rounded bg-accent px-1.5 py-0.5 text-xs font-semibold text-accent-fg">REFRESH RUNNING</span>
            <span>
              Full refresh started <Relative iso={running.startedAt} />, fetching every leaderboard: {formatCount(running.entries)} entries so far.
            </span>
            <span className="text-muted">{live ? "The data below stays as it is until the refresh finishes." : "Search works as soon as it finishes."}</span>
          </p>
          <ProgressBar done={running.leaderboardsDone} total={running.leaderboardsTotal} label="Leaderboards fetched" />
        </div>
      ) : null}
      {live ? (
        <p className={`flex flex-wrap gap-x-4 gap-y-1 text-muted ${running ? "mt-3 border-t border-border pt-2" : ""}`}>
          <span>
            Data from <Relative iso={live.promotedAt} className="text-fg" />
          </span>
          <span>
            <strong className="tabular text-fg">{formatCount(live.entries)}</strong> entries
          </span>
          <span>
            <strong className="tabular text-fg">{formatCount(live.drivers)}</strong> drivers
          </span>
          <span>
            <strong className="tabular text-fg">{formatCount(live.leaderboardsWithEntries)}</strong> leaderboards with entries
          </span>
          {live.flagged > 0 ? (
            <span className="text-warn" title="Their last fetch failed or came back empty; the previous rows are shown">
              ⚠ {formatCount(live.flagged)} kept from an earlier refresh
            </span>
          ) : null}
          {live.promotionMs !== null ? <span>went live in {formatDuration(live.promotionMs)}</span> : null}
          {dataUpdatedAt > 0 ? (
            <span className="ml-auto text-xs" suppressHydrationWarning>
              checked {new Date(dataUpdatedAt).toLocaleTimeString()}
            </span>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}

function Relative({ iso, className }: { iso: string; className?: string }) {
  return (
    <time dateTime={iso} title={new Date(iso).toLocaleString()} className={className} suppressHydrationWarning>
      {formatRelative(new Date(iso))}
    </time>
  );
}
