"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import type { z } from "zod";
import { fetchEndpoint } from "@/lib/api/fetcher";
import { button, control, fieldLabel } from "@/lib/ui/controls";
import { LazySection } from "@/lib/ui/lazy-section";
import { storedSetting } from "@/lib/ui/stored-setting";
import { leaderboardEndpoint } from "../api-contract";
import { BackgroundVideo } from "./background-video";
import { FlagBadge, raceClock } from "./labels";
import { LapChart } from "./lap-chart";
import { LeaderboardTable } from "./leaderboard-table";
import { AccuracyPanel, AnomaliesTable, FlagTimeline, StrategyTable } from "./model-panels";
import { DriveTimeTable, PitStopsTable, StintsTable } from "./race-tables";
import { RaceTimeContext } from "./race-time";
import { LIVE_POLL_MS } from "./use-race-query";

type Board = z.output<typeof leaderboardEndpoint.response>;

const DELAYS = [0, 10, 30, 60, 120, 300];
const SPEEDS = [10, 60, 300, 1000];
/** A replay moves its race time once a second. */
const TICK_MS = 1_000;

/** The TV delay is the visitor's setting, kept in the browser for every race page. */
const delaySetting = storedSetting(
  "pitwall-endurance-delay",
  (raw) => {
    const stored = Number(raw);
    return DELAYS.includes(stored) ? stored : 0;
  },
  0,
);

interface Replay {
  atMs: number;
  playing: boolean;
  speed: number;
}

/**
 * A race: the leaderboard first (server-rendered, then polled every 5 s), then charts and analysis panels, each drawn
 * once scrolled near and polled only while near the screen. Every panel shows the same race time: now, now less the TV
 * delay, or a replay's moment (play, pause, speed, seek).
 */
export function RaceView({ initial, readAt, backgroundVideo }: { initial: Board; readAt: number; backgroundVideo?: string }) {
  const slug = initial.race.slug;
  const delayS = delaySetting.use();
  const [replay, setReplay] = useState<Replay | null>(null);
  const [carClass, setCarClass] = useState<string | null>(null);

  // The race as it stands now: its clock drives the delay, and the calendar state the header.
  const { data: now, dataUpdatedAt } = useQuery({
    queryKey: ["endurance", "leaderboard", slug, "now"],
    queryFn: ({ signal }) => fetchEndpoint(leaderboardEndpoint, { params: { race: slug }, signal }),
    initialData: initial,
    // The first paint may be a kept copy some seconds old (lib/endurance/ui/page-queries.ts): then it is asked again at once.
    initialDataUpdatedAt: readAt,
    refetchInterval: LIVE_POLL_MS,
  });
  const raceNowMs = now.race.raceTimeMs;
  const at = replay ? replay.atMs : delayS > 0 ? Math.max(0, raceNowMs - delayS * 1000) : undefined;
  const live = replay ? false : now.race.status === "live" || now.race.ingesting;

  const { data: shown } = useQuery({
    queryKey: ["endurance", "leaderboard", slug, at ?? "now"],
    queryFn: ({ signal }) => fetchEndpoint(leaderboardEndpoint, { params: { race: slug }, query: { at }, signal }),
    enabled: at !== undefined,
    placeholderData: (previous) => previous,
  });
  const board = at === undefined ? now : (shown ?? now);

  useEffect(() => {
    if (!replay?.playing) return;
    const timer = setInterval(() => {
      setReplay((r) => (r && r.playing ? { ...r, atMs: Math.min(raceNowMs, r.atMs + r.speed * TICK_MS), playing: r.atMs + r.speed * TICK_MS < raceNowMs } : r));
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [replay?.playing, raceNowMs]);

  const classes = useMemo(() => [...new Set(now.rows.map((row) => row.carClass ?? ""))].sort(), [now.rows]);
  const context = useMemo(() => ({ slug, at, live, carClass }), [slug, at, live, carClass]);
  const changeDelay = (value: number) => delaySetting.save(String(value));

  return (
    <RaceTimeContext.Provider value={context}>
      <div className="space-y-6">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          {live ? <span className="rounded bg-red-700 px-1.5 py-0.5 text-xs font-bold uppercase text-white">Live</span> : null}
          <FlagBadge flag={now.race.flag} />
          <span className="tabular" data-testid="race-clock">
            Race time {raceClock(at ?? board.raceTimeMs)} of {raceClock(now.race.durationMs)}
          </span>
          <span className="text-muted">{now.race.laps.toLocaleString("en-US")} laps stored</span>
          {live ? (
            <span className="text-muted" suppressHydrationWarning>
              updated {new Date(dataUpdatedAt).toLocaleTimeString()}
            </span>
          ) : null}
        </div>

        <div className="flex flex-wrap items-end gap-3">
          <label className={fieldLabel}>
            TV delay
            <select className={control} value={delayS} onChange={(e) => changeDelay(Number(e.target.value))} disabled={replay !== null} data-testid="delay">
              {DELAYS.map((d) => (
                <option key={d} value={d}>
                  {d === 0 ? "None" : d < 60 ? `${d} s` : `${d / 60} min`}
                </option>
              ))}
            </select>
          </label>
          {replay ? (
            <>
              <button type="button" className={button} onClick={() => setReplay({ ...replay, playing: !replay.playing })} data-testid="replay-toggle">
                {replay.playing ? "Pause" : "Play"}
              </button>
              <label className={fieldLabel}>
                Speed
                <select className={control} value={replay.speed} onChange={(e) => setReplay({ ...replay, speed: Number(e.target.value) })}>
                  {SPEEDS.map((s) => (
                    <option key={s} value={s}>
                      {s}×
                    </option>
                  ))}
                </select>
              </label>
              <label className={`${fieldLabel} min-w-48 flex-1`}>
                Race time {raceClock(replay.atMs)}
                <input
                  type="range"
                  min={0}
                  max={raceNowMs}
                  step={10_000}
                  value={replay.atMs}
                  onChange={(e) => setReplay({ ...replay, atMs: Number(e.target.value) })}
                  data-testid="replay-seek"
                />
              </label>
              <button type="button" className={button} onClick={() => setReplay(null)}>
                Back to {now.race.status === "live" ? "live" : "the finish"}
              </button>
            </>
          ) : (
            <button type="button" className={button} onClick={() => setReplay({ atMs: 0, playing: true, speed: 60 })} disabled={raceNowMs === 0} data-testid="replay-start">
              Replay from the start
            </button>
          )}
          {backgroundVideo ? <BackgroundVideo src={backgroundVideo} /> : null}
        </div>

        <div role="tablist" aria-label="Classes" className="flex flex-wrap gap-1 border-b border-border">
          {[null, ...classes].map((c) => (
            <button
              key={c ?? "all"}
              type="button"
              role="tab"
              aria-selected={carClass === c}
              onClick={() => setCarClass(c)}
              className={`-mb-px border-b-2 px-3 py-1.5 text-sm font-medium ${carClass === c ? "border-accent text-fg" : "border-transparent text-muted hover:text-fg"}`}
            >
              {c === null ? "All classes" : c || "No class"}
            </button>
          ))}
        </div>

        <LeaderboardTable rows={board.rows} carClass={carClass} />

        <div className="grid gap-8 xl:grid-cols-2">
          <LazySection id="lap-chart" title="Lap chart">
            <LapChart rows={now.rows} />
          </LazySection>
          <LazySection id="flags" title="Flags">
            <FlagTimeline durationMs={now.race.durationMs} />
          </LazySection>
          <LazySection id="accuracy" title="Prediction accuracy">
            <AccuracyPanel />
          </LazySection>
          <LazySection id="strategy" title="Strategy">
            <StrategyTable />
          </LazySection>
          <LazySection id="pit-stops" title="Pit stops">
            <PitStopsTable />
          </LazySection>
          <LazySection id="stints" title="Stints">
            <StintsTable />
          </LazySection>
          <LazySection id="drive-time" title="Drive time">
            <DriveTimeTable />
          </LazySection>
          <LazySection id="anomalies" title="Anomalies">
            <AnomaliesTable />
          </LazySection>
        </div>
      </div>
    </RaceTimeContext.Provider>
  );
}
