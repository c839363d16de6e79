"use client";

import { formatLapTime } from "@/lib/ui/format";
import { SortableTable } from "@/lib/ui/table/sortable-table";
import { anomaliesEndpoint, flagsEndpoint, predictionsEndpoint, strategyEndpoint } from "../api-contract";
import { ClassBadge, FlagBadge, raceClock } from "./labels";
import { useRaceTime } from "./race-time";
import { PANEL_ROWS, useRaceQuery } from "./use-race-query";

const ofClass = (carClass: string | null) => (row: { carClass: string | null }) => carClass === null || (row.carClass ?? "") === carClass;
const mae = (ms: number | null) => (ms === null ? "–" : `${(ms / 1000).toFixed(3)} s`);

/** Model vs baseline mean absolute error per class, measured on the laps as they ended, and which one the board uses. */
export function AccuracyPanel() {
  const { data } = useRaceQuery(predictionsEndpoint);
  const rows = data?.accuracy ?? [];
  return (
    <SortableTable
      label="Prediction accuracy"
      testId="accuracy"
      rows={rows}
      rowKey={(row) => row.carClass ?? ""}
      empty={data ? "Not enough laps scored yet: both predictions are measured once laps end." : "Loading…"}
      columns={[
        { key: "class", header: "Class", sortValue: (r) => r.carClass ?? "", cell: (r) => <ClassBadge carClass={r.carClass} /> },
        { key: "laps", header: "Laps scored", numeric: true, sortValue: (r) => r.laps, cell: (r) => r.laps },
        { key: "model", header: "Model MAE", numeric: true, sortValue: (r) => r.modelMaeMs ?? Infinity, cell: (r) => mae(r.modelMaeMs) },
        { key: "baseline", header: "Baseline MAE", numeric: true, sortValue: (r) => r.baselineMaeMs ?? Infinity, cell: (r) => mae(r.baselineMaeMs) },
        { key: "ratio", header: "Model / baseline", numeric: true, from: "sm", sortValue: (r) => r.ratio ?? Infinity, cell: (r) => (r.ratio === null ? "–" : `${r.ratio.toFixed(2)}×`) },
        { key: "use", header: "Used", sortValue: (r) => r.use, cell: (r) => (r.use === "model" ? "Model (forest + boosted trees)" : "Baseline (median of last 5 green laps)") },
      ]}
    />
  );
}

export function AnomaliesTable() {
  const { carClass } = useRaceTime();
  const { data } = useRaceQuery(anomaliesEndpoint);
  const rows = (data?.data ?? []).filter(ofClass(carClass));
  return (
    <SortableTable
      label="Anomalies"
      testId="anomalies"
      pageSize={PANEL_ROWS}
      rowsName="anomalies"
      scroll="box"
      initialSort={{ key: "score", descending: true }}
      rows={rows}
      rowKey={(a) => `${a.car}:${a.lap}`}
      empty={data ? "No unexplained slow lap." : "Loading…"}
      columns={[
        { key: "car", header: "Car", sortValue: (a) => a.car, cell: (a) => <span className="font-mono font-semibold">#{a.car}</span> },
        { key: "lap", header: "Lap", numeric: true, sortValue: (a) => a.lap, cell: (a) => a.lap },
        { key: "time", header: "Lap time", numeric: true, from: "sm", sortValue: (a) => a.lapTimeMs, cell: (a) => formatLapTime(a.lapTimeMs) },
        { key: "loss", header: "Lost", numeric: true, sortValue: (a) => a.lossMs, descendingFirst: true, cell: (a) => `+${(a.lossMs / 1000).toFixed(1)} s` },
        { key: "reason", header: "Likely reason", sortValue: (a) => a.reason, cell: (a) => a.reason + (a.sector ? ` (S${a.sector})` : "") },
        { key: "score", header: "Score", numeric: true, sortValue: (a) => a.score, descendingFirst: true, cell: (a) => a.score.toFixed(2) },
        { key: "driver", header: "Driver", from: "md", sortValue: (a) => a.driver, cell: (a) => a.driver },
      ]}
    />
  );
}

export function StrategyTable() {
  const { carClass } = useRaceTime();
  const { data } = useRaceQuery(strategyEndpoint);
  const strategy = data?.data;
  const rows = (strategy?.cars ?? []).filter(ofClass(carClass));
  return (
    <div className="space-y-2">
      {strategy ? <p className="text-sm text-muted">Chequered flag expected at race time {raceClock(strategy.chequeredMs)}.</p> : null}
      <SortableTable
        label="Strategy"
        testId="strategy"
        scroll="box"
        initialSort={{ key: "projected" }}
        rows={rows}
        rowKey={(c) => c.car}
        empty={data ? "No strategy before the first stints." : "Loading…"}
        columns={[
          { key: "car", header: "Car", sortValue: (c) => c.car, cell: (c) => <span className="font-mono font-semibold">#{c.car}</span> },
          { key: "projected", header: "Proj. class pos", numeric: true, sortValue: (c) => [c.carClass ?? "", c.projectedClassPosition], cell: (c) => c.projectedClassPosition },
          { key: "laps", header: "Proj. laps", numeric: true, sortValue: (c) => c.projectedLaps, descendingFirst: true, cell: (c) => c.projectedLaps },
          { key: "stint", header: "Stint", numeric: true, from: "sm", sortValue: (c) => c.stintLaps, cell: (c) => `${c.stintLaps}${c.stintLength ? ` / ${c.stintLength.typicalLaps}` : ""}` },
          {
            key: "window",
            header: "Next pit window",
            sortValue: (c) => c.pitWindow?.opensMs ?? Infinity,
            cell: (c) => (c.finished ? "Finished" : c.stopped ? "Stopped" : c.pitWindow ? `laps ${c.pitWindow.opensLap}–${c.pitWindow.closesLap} (${raceClock(c.pitWindow.opensMs)})` : "–"),
          },
          { key: "stops", header: "Stops to go", numeric: true, from: "md", sortValue: (c) => c.stopsToGo ?? -1, cell: (c) => c.stopsToGo ?? "–" },
        ]}
      />
    </div>
  );
}

/** Flag periods as a strip along the race, and as a list (colour is never the only signal). */
export function FlagTimeline({ durationMs }: { durationMs: number }) {
  const { data } = useRaceQuery(flagsEndpoint);
  const periods = (data?.data ?? []).filter((p) => p.flag !== "green");
  return (
    <div className="space-y-2" data-testid="flag-timeline">
      <ol className="flex flex-wrap gap-2 text-sm">
        {periods.length === 0 ? <li className="text-muted">{data ? "Green all the way so far." : "Loading…"}</li> : null}
        {periods.map((p, i) => (
          <li key={i} className="inline-flex items-center gap-1.5">
            <FlagBadge flag={p.flag} />
            <span className="tabular">
              {raceClock(p.startMs ?? 0)}–{p.endMs === null ? "now" : raceClock(p.endMs)}
            </span>
          </li>
        ))}
      </ol>
      <div aria-hidden className="relative h-2 w-full overflow-hidden rounded bg-green-700/70">
        {periods.map((p, i) => (
          <span
            key={i}
            className={`absolute inset-y-0 ${p.flag === "red" ? "bg-red-600" : p.flag === "chequered" ? "bg-neutral-800" : "bg-yellow-300"}`}
            style={{ left: `${((p.startMs ?? 0) / durationMs) * 100}%`, width: `${Math.max(0.3, (((p.endMs ?? durationMs) - (p.startMs ?? 0)) / durationMs) * 100)}%` }}
          />
        ))}
      </div>
    </div>
  );
}
