"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { PersonalBestHistory } from "@/lib/raceroom/queries";
import { control, fieldLabel } from "@/lib/ui/controls";
import { formatLapTime } from "@/lib/ui/format";
import { classColor } from "./class-badge";

/** Drawn at the width it is shown, so text keeps its size whatever the screen; 640 until measured. */
const DEFAULT_WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 26, right: 18, bottom: 30, left: 64 };
const DAY_MS = 86_400_000;

interface Point {
  at: number;
  lapTimeMs: number;
  carName: string;
  position: number;
  /** True when the date is when Pitwall saw the time (RaceRoom gave none). */
  seenOnly: boolean;
}

const boardKey = (h: { layoutId: number; classId: number }) => `${h.layoutId}:${h.classId}`;
const boardLabel = (h: PersonalBestHistory) => `${h.trackName} – ${h.layoutName} · ${h.className}`;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function pointsOf(history: PersonalBestHistory): Point[] {
  return history.points.map((p) => ({
    at: Date.parse(p.achievedAt ?? p.recordedAt),
    lapTimeMs: p.lapTimeMs,
    carName: p.carName,
    position: p.position,
    seenOnly: p.achievedAt === null,
  }));
}

/** Three or four round lap-time steps (0.1 s to 10 s apart) between the axis ends. */
function lapTicks(min: number, max: number): number[] {
  const span = max - min;
  const step = [100, 200, 500, 1000, 2000, 5000, 10_000, 30_000, 60_000].find((s) => span / s <= 4) ?? 60_000;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max; t += step) ticks.push(t);
  return ticks;
}

function useWidth<E extends Element>(): [React.RefObject<E | null>, number] {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.max(280, Math.round(entry.contentRect.width))));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * A driver's personal-best progression on one leaderboard at a time: lap time over date as a step line (a best stands
 * until the next one). Every point can be hovered or focused for its exact values.
 */
export function PersonalBestChart({ histories }: { histories: PersonalBestHistory[] }) {
  const id = useId();
  const [frame, width] = useWidth<HTMLDivElement>();
  // In the order given (chartHistories): the first is shown first.
  const sorted = histories;
  const [selected, setSelected] = useState(() => (sorted[0] ? boardKey(sorted[0]) : ""));
  const [active, setActive] = useState<number | null>(null);
  const history = sorted.find((h) => boardKey(h) === selected) ?? sorted[0];
  if (!history) {
    return (
      <p className="rounded-lg border border-dashed border-border px-3 py-4 text-sm text-muted" data-testid="pb-empty">
        No improvement recorded yet: each refresh that finds a faster lap than the one before adds a point here.
      </p>
    );
  }

  const points = pointsOf(history);
  const color = classColor(history.classId);
  const times = points.map((p) => p.at);
  const laps = points.map((p) => p.lapTimeMs);
  // A single day or a single time still gets a visible span, centred on it.
  let [t0, t1] = [Math.min(...times), Math.max(...times)];
  if (t1 - t0 < DAY_MS) [t0, t1] = [t0 - 3 * DAY_MS, t1 + 3 * DAY_MS];
  let [l0, l1] = [Math.min(...laps), Math.max(...laps)];
  const margin = Math.max((l1 - l0) * 0.12, 200);
  [l0, l1] = [l0 - margin, l1 + margin];

  const x = (t: number) => PAD.left + ((t - t0) / (t1 - t0)) * (width - PAD.left - PAD.right);
  const y = (lap: number) => PAD.top + ((lap - l0) / (l1 - l0)) * (HEIGHT - PAD.top - PAD.bottom);
  const steps = points
    .map((p, i) => {
      const next = points[i + 1];
      return `${i === 0 ? "M" : "L"}${x(p.at)},${y(p.lapTimeMs)}${next ? ` H${x(next.at)}` : ""}`;
    })
    .join(" ");
  const shown = active !== null ? points[active] : points.at(-1);
  const improvement = points.length > 1 ? points[0]!.lapTimeMs - points.at(-1)!.lapTimeMs : 0;

  return (
    <figure className="space-y-2" data-testid="pb-chart">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <label htmlFor={`${id}-leaderboard`} className={fieldLabel}>
          Leaderboard
          <select
            id={`${id}-leaderboard`}
            value={boardKey(history)}
            onChange={(event) => {
              setSelected(event.target.value);
              setActive(null);
            }}
            className={`${control} max-w-[calc(100vw-2rem)] sm:max-w-md`}
          >
            {sorted.map((h) => (
              <option key={boardKey(h)} value={boardKey(h)}>
                {boardLabel(h)} ({h.points.length} {h.points.length === 1 ? "best" : "bests"})
              </option>
            ))}
          </select>
        </label>
        <p className="tabular text-sm" aria-live="polite" data-testid="pb-readout">
          {shown ? (
            <>
              <strong style={{ color }}>{formatLapTime(shown.lapTimeMs)}</strong> on {day(shown.at)}
              {shown.seenOnly ? " (first seen)" : ""} · P{shown.position} · {shown.carName}
            </>
          ) : null}
          {improvement > 0 && active === null ? <span className="text-green"> · {(improvement / 1000).toFixed(3)} s faster than the first</span> : null}
        </p>
      </div>
      <div ref={frame}>
        <svg
          viewBox={`0 0 ${width} ${HEIGHT}`}
          width="100%"
          height={HEIGHT}
          // Until the width is measured the drawing keeps its default size at the left; the box never changes size.
          preserveAspectRatio="xMinYMid meet"
          className="block rounded-lg border border-border bg-surface"
          role="group"
          aria-label={`Personal bests on ${boardLabel(history)}: lap time by date`}
        >
          {lapTicks(l0, l1).map((tick) => (
            <g key={tick}>
              <line x1={PAD.left} x2={width - PAD.right} y1={y(tick)} y2={y(tick)} className="stroke-border" strokeDasharray="2 4" />
              <text x={PAD.left - 8} y={y(tick)} dy="0.32em" textAnchor="end" className="tabular fill-muted text-[11px]">
                {formatLapTime(tick)}
              </text>
            </g>
          ))}
          <line x1={PAD.left} x2={width - PAD.right} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} className="stroke-border" />
          {[t0, t1].map((t, i) => (
            <text key={t} x={x(t)} y={HEIGHT - 10} textAnchor={i === 0 ? "start" : "end"} className="tabular fill-muted text-[11px]">
              {day(t)}
            </text>
          ))}
          <text x={4} y={13} className="fill-muted text-[10px]">
            Lap time, faster ↑
          </text>
          <path d={steps} fill="none" stroke={color} strokeWidth={2} />
          {points.map((p, i) => (
            <circle
              key={`${p.at}:${p.lapTimeMs}`}
              cx={x(p.at)}
              cy={y(p.lapTimeMs)}
              r={active === i ? 7 : 5}
              fill={i === points.length - 1 ? color : "var(--surface)"}
              stroke={color}
              strokeWidth={2}
              tabIndex={0}
              role="img"
              aria-label={`${formatLapTime(p.lapTimeMs)} on ${day(p.at)}, P${p.position}, ${p.carName}`}
              onMouseEnter={() => setActive(i)}
              onMouseLeave={() => setActive(null)}
              onFocus={() => setActive(i)}
              onBlur={() => setActive(null)}
              className="cursor-pointer outline-none focus-visible:stroke-fg"
            />
          ))}
        </svg>
      </div>
      <figcaption className="text-xs text-muted">
        Each point is a personal best as Pitwall saw it across refreshes; the filled point is the current one. Hover or focus a point for its
        values.
      </figcaption>
    </figure>
  );
}
