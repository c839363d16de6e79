"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { fetchEndpoint } from "@/lib/api/fetcher";
import { liveEndpoint, stateEndpoint, trackEndpoint, type LiveFeedBody } from "@/lib/f1/api-contract";
import { EmptyState } from "@/lib/ui/empty-state";
import { DelayControl, useDelay } from "./delay-control";
import { RaceBoard } from "./race-board";
import { FeedBadges, isStale } from "./status-bar";

const POLL_MS = 1_000;
/** Stints and laps for the history panels: they change once a lap per car, not every second. */
const HISTORY_POLL_MS = 5_000;
/** Snapshots kept for the TV delay: the longest delay at one a second, and some. */
const BUFFERED = 400;

/** The snapshots received, oldest first, each with when it arrived: the TV delay picks among them. */
interface Received {
  latest: LiveFeedBody;
  history: { receivedAt: number; feed: LiveFeedBody }[];
}

/** /api/v1/f1/live with the copy we hold as If-None-Match: an unchanged snapshot costs a 304 and no parsing. */
async function fetchLive(previous: Received, signal: AbortSignal): Promise<Received> {
  const { latest } = previous;
  const response = await fetch(liveEndpoint.path, { signal, cache: "no-store", headers: { "if-none-match": `"${latest.sequence}"` } });
  if (response.status === 304) return previous;
  if (!response.ok) throw new Error(`live snapshot: HTTP ${response.status}`);
  const feed = liveEndpoint.response.parse(await response.json());
  if (feed.sequence === latest.sequence) return previous;
  return { latest: feed, history: [...previous.history.slice(-(BUFFERED - 1)), { receivedAt: Date.now(), feed }] };
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * The live page's body: the newest snapshot every second (304 while unchanged), shown through the viewer's TV delay.
 * The delay picks the snapshot received that long ago, so every element shifts by the same amount; a delay longer
 * than this page has been open asks the session's state at that moment instead.
 */
export function LiveView({ initial, initialOutline, readAt }: { initial: LiveFeedBody; initialOutline: [number, number][]; readAt: number }) {
  const [delay, setDelay] = useDelay();
  const now = useNow(250);
  // The first paint may be a copy kept for a second (lib/f1/ui/cached-pages.ts): its snapshot is as old as its read.
  const [opened] = useState(() => ({ latest: initial, history: [{ receivedAt: readAt, feed: initial }] }));
  const { data, isError } = useQuery({
    queryKey: ["f1", "live"],
    queryFn: ({ signal, client }) => fetchLive(client.getQueryData<Received>(["f1", "live"]) ?? opened, signal),
    initialData: opened,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: true,
  });
  const feed = data.latest;
  const buffered = delay === 0 ? feed : data.history.findLast((entry) => entry.receivedAt <= now - delay * 1000)?.feed;
  const sessionKey = feed.session?.sessionKey;
  const speed = feed.replay?.speed ?? 1;
  const target = feed.state ? Math.floor((Date.parse(feed.state.at) - delay * 1000 * speed) / 1000) * 1000 : 0;
  const caughtUp = useQuery({
    queryKey: ["f1", "state", sessionKey, target],
    queryFn: ({ signal }) => fetchEndpoint(stateEndpoint, { params: { key: sessionKey! }, query: { at: new Date(target).toISOString() }, signal }),
    enabled: delay > 0 && !buffered && sessionKey !== undefined && target > 0,
    staleTime: Infinity,
  });
  const track = useQuery({
    queryKey: ["f1", "track", sessionKey],
    queryFn: ({ signal }) => fetchEndpoint(trackEndpoint, { params: { key: sessionKey! }, signal }),
    enabled: sessionKey !== undefined,
    initialData: sessionKey === initial.session?.sessionKey ? { sessionKey: sessionKey ?? 0, outline: initialOutline } : undefined,
    // Until enough location samples are stored the outline is short: ask again.
    refetchInterval: (query) => ((query.state.data?.outline.length ?? 0) < 20 ? 10_000 : false),
  });

  const state = buffered?.state ?? caughtUp.data?.state ?? null;
  const shownFeeds = buffered?.feeds ?? feed.feeds;
  const stopped = isError || (isStale(shownFeeds, "intervals", now - delay * 1000) && isStale(shownFeeds, "location", now - delay * 1000));
  return (
    <div className="space-y-3" data-testid="live-view" data-sequence={buffered?.sequence ?? ""}>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold tracking-tight">F1 live{feed.session ? ` · ${feed.session.circuitShortName ?? feed.session.location ?? ""} ${feed.session.name}` : ""}</h1>
        {feed.mode === "replay" ? (
          <span data-testid="mode-badge" className="rounded bg-surface-2 px-1.5 py-0.5 text-xs font-semibold">
            REPLAY {speed}×
          </span>
        ) : feed.mode === "live" && feed.status === "running" ? (
          <span data-testid="mode-badge" className="rounded bg-accent px-1.5 py-0.5 text-xs font-semibold text-accent-fg">
            LIVE
          </span>
        ) : null}
        {feed.source ? (
          <span data-testid="source-badge" title="Where this state comes from" className="rounded border border-border px-1.5 py-0.5 text-xs text-muted">
            {feed.source.label}
          </span>
        ) : null}
        {stopped && feed.state ? (
          <span data-testid="stale-badge" role="status" className="rounded border border-bad px-1.5 py-0.5 text-xs font-semibold text-bad">
            STALE: no new data
          </span>
        ) : null}
      </div>
      {feed.message ? (
        <p role="status" data-testid="feed-message" className="rounded-lg border border-warn bg-surface px-3 py-2 text-sm">
          {feed.message}
        </p>
      ) : null}
      {feed.source?.note ? (
        <p role="note" data-testid="source-note" className="rounded-lg border border-border bg-surface px-3 py-2 text-sm text-muted">
          {feed.source.note}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <FeedBadges feeds={shownFeeds} now={now - delay * 1000} />
        <DelayControl delay={delay} onChange={setDelay} />
      </div>
      {state ? (
        <div data-testid="shown-moment" data-at={state.at}>
          <RaceBoard state={state} outline={track.data?.outline ?? []} historyRefreshMs={HISTORY_POLL_MS} />
        </div>
      ) : feed.state ? (
        <p className="text-sm text-muted">Waiting {delay} s of delay…</p>
      ) : (
        <EmptyState title="No session right now">
          Pitwall follows a session as soon as OpenF1 has one live. Past sessions, from OpenF1 or the official live-timing archive since 2018, are under Sessions, with time travel.
        </EmptyState>
      )}
    </div>
  );
}
