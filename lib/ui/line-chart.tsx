"use client";

import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export interface LineSeries {
  label: string;
  colour: string;
  /** Dash pattern in px, e.g. a team's second car. */
  dash?: number[];
}

export interface LineChartProps {
  /** uPlot's columns: the x values, then one column per series (null where a series has no point). */
  data: uPlot.AlignedData;
  series: readonly LineSeries[];
  xLabel: string;
  /** How a y value reads on its axis and in the legend. */
  formatAxis: (value: number) => string;
  formatValue: (value: number) => string;
  /** Smaller values on top (positions, gaps behind a leader). */
  invert?: boolean;
  height?: number;
  axisWidth?: number;
  testId?: string;
}

function cssColour(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/**
 * A line chart (uPlot: canvas, fast with thousands of points on a phone) in a box that follows its width, in the
 * theme's colours, with a legend that follows the cursor and drag-to-zoom on x. Redrawn when data or series change.
 */
export function LineChart({ data, series, xLabel, formatAxis, formatValue, invert = false, height = 260, axisWidth = 72, testId }: LineChartProps) {
  const box = useRef<HTMLDivElement>(null);
  // Read when uPlot draws, so new formatter functions or an equal series list on each render do not rebuild the chart.
  const format = useRef({ formatAxis, formatValue });
  const lines = useRef(series);
  useEffect(() => {
    format.current = { formatAxis, formatValue };
    lines.current = series;
  });
  const seriesKey = series.map((line) => `${line.label}|${line.colour}|${line.dash?.join(" ") ?? ""}`).join(",");

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const fg = cssColour("--muted", "#666");
    const grid = cssColour("--border", "#ddd");
    const axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const plot = new uPlot(
      {
        width: Math.max(280, element.clientWidth),
        height,
        scales: { x: { time: false }, y: invert ? { dir: -1 } : {} },
        axes: [
          { ...axis, label: xLabel },
          { ...axis, size: axisWidth, values: (_u, ticks) => ticks.map((tick) => format.current.formatAxis(tick)) },
        ],
        series: [
          { label: xLabel },
          ...lines.current.map((line) => ({
            label: line.label,
            stroke: line.colour,
            width: 1.5,
            dash: line.dash,
            spanGaps: false,
            value: (_u: uPlot, v: number | null) => (v === null ? "–" : format.current.formatValue(v)),
          })),
        ],
        legend: { live: true },
        cursor: { drag: { x: true, y: false } },
      },
      data,
      element,
    );
    const observer = new ResizeObserver(() => plot.setSize({ width: Math.max(280, element.clientWidth), height }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [data, seriesKey, xLabel, invert, height, axisWidth]);
  return <div ref={box} className="w-full min-w-0" data-testid={testId} />;
}
