"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { fetchEndpoint } from "@/lib/api/fetcher";
import { stateEndpoint, type SessionState } from "@/lib/f1/api-contract";
import { button, control, fieldLabel } from "@/lib/ui/controls";
import { RaceBoard } from "./race-board";

const SPEEDS = [1, 5, 10, 30, 60] as const;
const TICK_MS = 1_000;

const clock = (ms: number) => new Date(ms).toISOString().slice(11, 19);

/**
 * Time travel through a stored session: a slider over the whole session, play and pause at 1x-60x, and a jump to the
 * start of any lap. Each moment is the session's state as it was known then, asked of the API.
 */
export function SessionView({ initial, outline }: { initial: SessionState; outline: [number, number][] }) {
  const start = Date.parse(initial.startsAt);
  const end = Date.parse(initial.endsAt);
  const [at, setAt] = useState(() => Date.parse(initial.state.at));
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(10);
  const key = initial.session.sessionKey;
  // The exact moment, to the millisecond: a lap's start rounded down to the second would still show the lap before.
  const { data } = useQuery({
    queryKey: ["f1", "state", key, at],
    queryFn: ({ signal }) => fetchEndpoint(stateEndpoint, { params: { key }, query: { at: new Date(at).toISOString() }, signal }),
    initialData: at === Date.parse(initial.state.at) ? initial : undefined,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });

  // Playing stops by itself at the end of the session.
  const running = playing && at < end;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setAt((current) => Math.min(end, current + speed * TICK_MS)), TICK_MS);
    return () => clearInterval(timer);
  }, [running, speed, end]);

  const totalLaps = initial.laps.at(-1)?.lap ?? null;
  const state = data?.state ?? initial.state;
  return (
    <div className="space-y-3">
      <form
        aria-label="Replay controls"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-border bg-surface px-3 py-2"
        onSubmit={(event) => event.preventDefault()}
      >
        <button type="button" className={button} onClick={() => setPlaying(!running)} data-testid="play-pause">
          {running ? "Pause" : "Play"}
        </button>
        <label className={fieldLabel}>
          Speed
          <select className={control} value={speed} onChange={(event) => setSpeed(Number(event.target.value))} data-testid="speed">
            {SPEEDS.map((option) => (
              <option key={option} value={option}>
                {option}×
              </option>
            ))}
          </select>
        </label>
        <label className={fieldLabel}>
          Jump to lap
          <select
            className={control}
            value=""
            onChange={(event) => {
              const lap = initial.laps.find((candidate) => candidate.lap === Number(event.target.value));
              if (lap) setAt(Date.parse(lap.at));
            }}
            data-testid="jump-to-lap"
          >
            <option value="">Lap…</option>
            {initial.laps.map((lap) => (
              <option key={lap.lap} value={lap.lap}>
                Lap {lap.lap}
              </option>
            ))}
          </select>
        </label>
        <label className={`${fieldLabel} min-w-48 flex-1`}>
          <span>
            Moment <span className="tabular text-fg">{clock(at)} UTC</span>
          </span>
          <input
            type="range"
            min={start}
            max={end}
            step={1000}
            value={at}
            onChange={(event) => setAt(Number(event.target.value))}
            aria-valuetext={`${clock(at)} UTC`}
            className="w-full accent-[var(--accent)]"
            data-testid="seek"
          />
        </label>
      </form>
      <div data-testid="shown-moment" data-at={state.at}>
        <RaceBoard state={state} outline={outline} totalLaps={totalLaps} />
      </div>
    </div>
  );
}
