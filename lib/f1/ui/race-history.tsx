"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { fetchEndpoint } from "@/lib/api/fetcher";
import { lapsEndpoint, stintsEndpoint } from "@/lib/f1/api-contract";
import { lapCrossings, lastCrossingBy, raceTrace, stintsSoFar, type Crossing, type TraceStint } from "@/lib/f1/race-trace";
import { LineChart, type LineSeries } from "@/lib/ui/line-chart";
import { COMPOUND_STYLE, type DriverState, type RaceState } from "./format";

/** Drivers on the gap chart until the visitor picks: the top ten at the moment shown. */
const DEFAULT_PICKS = 10;
/** Canvas strokes need a real colour where a driver has no team colour. */
const NO_TEAM_COLOUR = "#8b8f98";

const compoundName = (compound: string | null) => (compound ? compound[0] + compound.slice(1).toLowerCase() : "Unknown");

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="min-w-0 space-y-2 rounded-lg border border-border bg-surface p-3">
      <h2 id={id} className="text-sm font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** One bar per driver in running order, a segment per stint in its compound's colour (and letter), laps 1 to the last. */
function StintChart({ drivers, stints, totalLaps }: { drivers: readonly DriverState[]; stints: readonly TraceStint[]; totalLaps: number }) {
  const share = (laps: number) => `${(100 * laps) / Math.max(1, totalLaps)}%`;
  return (
    <div className="space-y-1 text-xs">
      <ol className="space-y-1" aria-label="Tyre stints by driver, in running order">
        {drivers.map((driver) => {
          const bars = stintsSoFar(stints, driver.driverNumber, driver.lap);
          const told = bars.map((bar) => `${compoundName(bar.compound)} laps ${bar.fromLap}–${bar.toLap}${bar.ageAtStart ? ` (${bar.ageAtStart} laps old)` : ""}`).join(", ");
          return (
            <li key={driver.driverNumber} className="grid grid-cols-[2.75rem_minmax(0,1fr)] items-center gap-2" data-testid="stint-row">
              <span className="font-mono font-semibold">{driver.acronym}</span>
              <div className="relative h-5 overflow-hidden rounded-sm bg-surface-2" role="img" aria-label={`${driver.acronym}: ${told || "no stint yet"}`}>
                {bars.map((bar) => {
                  const style = COMPOUND_STYLE[bar.compound ?? "UNKNOWN"] ?? COMPOUND_STYLE.UNKNOWN!;
                  return (
                    <span
                      key={bar.stintNumber}
                      data-compound={bar.compound ?? "UNKNOWN"}
                      // The outline keeps a white (hard) stint visible on the light track: 3:1 against both.
                      className="absolute inset-y-0 flex items-center overflow-hidden rounded-sm ring-1 ring-inset ring-neutral-500"
                      style={{ left: share(bar.fromLap - 1), width: share(bar.toLap - bar.fromLap + 1), background: style.colour }}
                    >
                      <span className="ml-0.5 inline-flex h-4 w-4 shrink-0 items-center justify-center rounded-full bg-neutral-900 text-[9px] font-bold text-white">
                        {style.letter}
                      </span>
                    </span>
                  );
                })}
              </div>
            </li>
          );
        })}
      </ol>
      <div className="grid grid-cols-[2.75rem_minmax(0,1fr)] gap-2 text-muted" aria-hidden>
        <span />
        <div className="flex justify-between tabular">
          <span>Lap 1</span>
          <span>Lap {totalLaps}</span>
        </div>
      </div>
    </div>
  );
}

/** The picked drivers' lines in running order: team colours, a team's second car dashed (both share the colour). */
function gapLines(drivers: readonly DriverState[], linesKey: string): (LineSeries & { driverNumber: number })[] {
  const shown = new Set(linesKey.split(",").map(Number));
  const teams = new Map<string, number>();
  return drivers
    .filter((driver) => shown.has(driver.driverNumber))
    .map((driver) => {
      const team = driver.teamName ?? String(driver.driverNumber);
      const mates = teams.get(team) ?? 0;
      teams.set(team, mates + 1);
      return { driverNumber: driver.driverNumber, label: driver.acronym, colour: driver.teamColour ?? NO_TEAM_COLOUR, dash: mates > 0 ? [6, 3] : undefined };
    });
}

/** The chart itself: recomputed only when a lap is completed or the picks or their order change. */
function GapPlot({ crossings, cutoff, linesKey, lines }: { crossings: readonly Crossing[]; cutoff: number; linesKey: string; lines: readonly LineSeries[] }) {
  const data = useMemo(() => {
    const trace = raceTrace(crossings, linesKey.split(",").map(Number), cutoff);
    return [trace.laps, ...trace.gaps] as [number[], ...(number | null)[][]];
  }, [crossings, linesKey, cutoff]);
  return <LineChart data={data} series={lines} xLabel="Lap" formatAxis={(v) => `${v.toFixed(0)} s`} formatValue={(v) => `+${v.toFixed(1)} s`} invert testId="gap-chart" />;
}

/** Seconds behind the leader at the end of every lap, for the drivers picked (the top ten at first). */
function GapChart({ drivers, crossings, atMs }: { drivers: readonly DriverState[]; crossings: readonly Crossing[]; atMs: number }) {
  const id = useId();
  const [picked, setPicked] = useState<number[] | null>(null);
  const picks = picked ?? drivers.slice(0, DEFAULT_PICKS).map((driver) => driver.driverNumber);
  // The chart only changes when a lap is completed (the cutoff), or the picks or their running order change: not with
  // every state the page is shown.
  const cutoff = lastCrossingBy(crossings, atMs);
  const linesKey = drivers
    .filter((driver) => picks.includes(driver.driverNumber))
    .map((driver) => driver.driverNumber)
    .join(",");
  const lines = gapLines(drivers, linesKey);
  const toggle = (driverNumber: number) => setPicked(picks.includes(driverNumber) ? picks.filter((n) => n !== driverNumber) : [...picks, driverNumber]);

  return (
    <div className="space-y-2">
      <fieldset className="flex flex-wrap gap-x-3 gap-y-1 text-xs" aria-describedby={`${id}-hint`}>
        <legend className="sr-only">Drivers on the gap chart</legend>
        {drivers.map((driver) => (
          <label key={driver.driverNumber} className="inline-flex items-center gap-1 whitespace-nowrap">
            <input type="checkbox" checked={picks.includes(driver.driverNumber)} onChange={() => toggle(driver.driverNumber)} />
            <span className="font-mono">{driver.acronym}</span>
          </label>
        ))}
      </fieldset>
      <p id={`${id}-hint`} className="text-xs text-muted">
        Seconds behind the first car to finish each lap; a team&apos;s second car is dashed. Drag across the chart to zoom in on laps.
      </p>
      {cutoff === 0 ? (
        <p className="text-sm text-muted">The chart starts once the first lap is complete.</p>
      ) : lines.length === 0 ? (
        <p className="text-sm text-muted">Pick a driver to draw their gaps.</p>
      ) : (
        <GapPlot crossings={crossings} cutoff={cutoff} linesKey={linesKey} lines={lines} />
      )}
    </div>
  );
}

/**
 * Tyre stints and the gap chart of the session at the moment `state` describes: both read the session's laps and
 * stints (asked again every `refreshMs` while live) and show only what was known then, so the TV delay and time travel
 * move them with the tower and the map.
 */
export function RaceHistory({ state, totalLaps, refreshMs }: { state: RaceState; totalLaps?: number | null; refreshMs?: number }) {
  const key = state.sessionKey;
  const options = { enabled: key !== null, refetchInterval: refreshMs ?? false, staleTime: refreshMs ?? Infinity } as const;
  const laps = useQuery({ queryKey: ["f1", "laps", key], queryFn: ({ signal }) => fetchEndpoint(lapsEndpoint, { params: { key: key! }, signal }), ...options });
  const stints = useQuery({ queryKey: ["f1", "stints", key], queryFn: ({ signal }) => fetchEndpoint(stintsEndpoint, { params: { key: key! }, signal }), ...options });
  const crossings = useMemo(() => lapCrossings(laps.data?.data ?? []), [laps.data]);
  const lastLap = Math.max(totalLaps ?? 0, state.lap ?? 0, ...(laps.data?.data ?? []).map((lap) => lap.lapNumber));
  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid="race-history">
      <Section id="f1-tyre-stints" title="Tyre stints">
        {stints.data ? (
          <StintChart drivers={state.drivers} stints={stints.data.data} totalLaps={lastLap} />
        ) : (
          <p className="text-sm text-muted">{stints.isError ? "The stints could not be loaded." : "Loading stints…"}</p>
        )}
      </Section>
      <Section id="f1-gap-chart" title="Gaps to the leader">
        {laps.data ? (
          <GapChart drivers={state.drivers} crossings={crossings} atMs={Date.parse(state.at)} />
        ) : (
          <p className="text-sm text-muted">{laps.isError ? "The laps could not be loaded." : "Loading laps…"}</p>
        )}
      </Section>
    </div>
  );
}
