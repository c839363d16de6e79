"use client";

import { useId, useMemo, useState } from "react";
import type uPlot from "uplot";
import { control, fieldLabel } from "@/lib/ui/controls";
import { formatLapTime } from "@/lib/ui/format";
import { LineChart } from "@/lib/ui/line-chart";
import { lapChartEndpoint } from "../api-contract";
import type { LeaderboardRow } from "../leaderboard";
import { useRaceQuery } from "./use-race-query";

type Mode = "lap-times" | "positions" | "gaps";
type Series = { car: string; laps: [number, number, number, number][] };

const COLORS = ["#2563eb", "#e11d48", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#65a30d"];
const MAX_CARS = 8;

/** Lap times, positions or gaps to a reference car of the picked cars, one column per lap (null where a car has none). */
function chartData(series: Series[], mode: Mode, reference: string): uPlot.AlignedData {
  const laps = [...new Set(series.flatMap((s) => s.laps.map(([lap]) => lap)))].sort((a, b) => a - b);
  const ref = new Map((series.find((s) => s.car === reference)?.laps ?? []).map(([lap, elapsed]) => [lap, elapsed]));
  const columns = series.map((s) => {
    const byLap = new Map(s.laps.map((entry) => [entry[0], entry]));
    return laps.map((lap) => {
      const entry = byLap.get(lap);
      if (!entry) return null;
      if (mode === "lap-times") return entry[2] / 1000;
      if (mode === "positions") return entry[3];
      const other = ref.get(lap);
      return other === undefined ? null : (entry[1] - other) / 1000;
    });
  });
  return [laps, ...columns];
}

const axisText = (mode: Mode, v: number) => (mode === "lap-times" ? formatLapTime(v * 1000) : mode === "positions" ? `P${v}` : `${v.toFixed(0)} s`);
const valueText = (mode: Mode, v: number) => (mode === "lap-times" ? formatLapTime(v * 1000) : mode === "positions" ? `P${v}` : `${v >= 0 ? "+" : ""}${v.toFixed(1)} s`);

/** Pick up to eight cars and compare their lap times, positions, or gaps to one of them. */
export function LapChart({ rows }: { rows: readonly LeaderboardRow[] }) {
  const id = useId();
  const [picked, setPicked] = useState<string[]>(() => rows.slice(0, 2).map((row) => row.car));
  const [mode, setMode] = useState<Mode>("lap-times");
  const [chosenReference, setReference] = useState<string>(picked[0] ?? "");
  // The reference follows the picks: a car taken off the chart cannot stay the one the gaps are measured to.
  const reference = picked.includes(chosenReference) ? chosenReference : (picked[0] ?? "");
  const cars = picked.length ? picked.join(",") : "";
  const { data } = useRaceQuery(lapChartEndpoint, { cars }, picked.length > 0);
  const series = useMemo(() => (data?.data ?? []).filter((s) => picked.includes(s.car)), [data, picked]);
  const lines = useMemo(() => series.map((s, i) => ({ label: `#${s.car}`, colour: COLORS[i % COLORS.length]! })), [series]);
  const aligned = useMemo(() => chartData(series, mode, reference), [series, mode, reference]);
  const toggle = (car: string) => setPicked((now) => (now.includes(car) ? now.filter((c) => c !== car) : now.length >= MAX_CARS ? now : [...now, car]));

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <label className={fieldLabel}>
          Chart
          <select className={control} value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
            <option value="lap-times">Lap times</option>
            <option value="positions">Positions</option>
            <option value="gaps">Gap to a car</option>
          </select>
        </label>
        {mode === "gaps" ? (
          <label className={fieldLabel}>
            Gap to
            <select className={control} value={reference} onChange={(e) => setReference(e.target.value)}>
              {picked.map((car) => (
                <option key={car} value={car}>
                  #{car}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <fieldset className="flex max-h-28 flex-wrap gap-x-3 gap-y-1 overflow-y-auto text-sm" aria-describedby={`${id}-hint`}>
        <legend className="sr-only">Cars on the chart</legend>
        {rows.map((row) => (
          <label key={row.car} className="inline-flex items-center gap-1 whitespace-nowrap">
            <input type="checkbox" checked={picked.includes(row.car)} onChange={() => toggle(row.car)} data-testid={`pick-${row.car}`} />
            <span className="font-mono">#{row.car}</span>
          </label>
        ))}
      </fieldset>
      <p id={`${id}-hint`} className="text-xs text-muted">
        Up to {MAX_CARS} cars. Drag across the chart to zoom in on laps; double-click to zoom out.
      </p>
      {picked.length === 0 ? (
        <p className="text-sm text-muted">Pick a car to draw its laps.</p>
      ) : (
        <LineChart
          data={aligned}
          series={lines}
          xLabel="Lap"
          formatAxis={(v) => axisText(mode, v)}
          formatValue={(v) => valueText(mode, v)}
          invert={mode === "positions"}
          axisWidth={84}
          testId="lap-chart-plot"
        />
      )}
    </div>
  );
}
