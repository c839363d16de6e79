"use client";

import { SortableTable, type SortableColumn } from "@/lib/ui/table/sortable-table";
import { Folded } from "@/lib/ui/table/folded";
import type { LeaderboardRow } from "../leaderboard";
import { ClassBadge, gapText, LapTime } from "./labels";

const gapKey = (gap: LeaderboardRow["gapToLeader"]) => (gap ? [gap.laps, gap.ms ?? 0] : [-1, 0]);

function columns(inClass: boolean, bestByClass: Map<string | null, number>): SortableColumn<LeaderboardRow>[] {
  const gap = (row: LeaderboardRow) => (inClass ? row.classGapToLeader : row.gapToLeader);
  const interval = (row: LeaderboardRow) => (inClass ? row.classInterval : row.interval);
  return [
    { key: "position", header: "Pos", numeric: true, className: "font-semibold", sortValue: (r) => (inClass ? (r.classPosition ?? r.position) : r.position), cell: (r) => (inClass ? r.classPosition : r.position) },
    {
      key: "car",
      header: "Car",
      className: "max-w-56",
      sortValue: (r) => r.car,
      cell: (r) => (
        <>
          <span className="font-mono font-semibold">#{r.car}</span> <span className="break-words">{r.team ?? ""}</span>
          {r.inPit ? <span className="ml-1.5 rounded border border-warn/40 bg-warn/15 px-1 text-[10px] font-semibold uppercase text-warn">In pit</span> : null}
          <Folded
            summary={r.driver ?? "Driver unknown"}
            items={[
              { label: "Class", value: <ClassBadge carClass={r.carClass} /> },
              { label: "Laps", value: r.laps ?? "–" },
              { label: "Interval", value: gapText(interval(r)) },
              { label: "Best", value: <LapTime ms={r.bestLapMs} /> },
              { label: "Pit stops", value: r.pitStops },
              { label: "Since stop", value: r.lapsSinceStop },
              { label: "Predicted", value: <LapTime ms={r.predictedNextLapMs} /> },
            ]}
          />
        </>
      ),
    },
    { key: "class", header: "Class", from: "sm", sortValue: (r) => r.carClass ?? "", cell: (r) => <ClassBadge carClass={r.carClass} /> },
    { key: "driver", header: "Driver", from: "md", className: "max-w-48 break-words", sortValue: (r) => r.driver ?? "", cell: (r) => r.driver ?? "–" },
    { key: "laps", header: "Laps", numeric: true, from: "sm", sortValue: (r) => r.laps ?? 0, descendingFirst: true, cell: (r) => r.laps ?? "–" },
    { key: "gap", header: "Gap", numeric: true, sortValue: (r) => gapKey(gap(r)), cell: (r) => gapText(gap(r)) },
    { key: "interval", header: "Int", numeric: true, from: "sm", sortValue: (r) => gapKey(interval(r)), cell: (r) => gapText(interval(r)) },
    { key: "last", header: "Last", numeric: true, sortValue: (r) => r.lastLapMs ?? Infinity, cell: (r) => <LapTime ms={r.lastLapMs} /> },
    {
      key: "best",
      header: "Best",
      numeric: true,
      from: "sm",
      sortValue: (r) => r.bestLapMs ?? Infinity,
      cell: (r) => <LapTime ms={r.bestLapMs} best={r.bestLapMs !== null && r.bestLapMs === bestByClass.get(r.carClass)} />,
    },
    { key: "pits", header: "Pits", numeric: true, from: "md", sortValue: (r) => r.pitStops, cell: (r) => r.pitStops },
    { key: "since-stop", header: "Since stop", numeric: true, from: "md", sortValue: (r) => r.lapsSinceStop, cell: (r) => r.lapsSinceStop },
    { key: "stint", header: "Stint", numeric: true, from: "lg", sortValue: (r) => r.stintLength ?? 0, cell: (r) => r.stintLength ?? "–" },
    {
      key: "predicted",
      header: "Next lap",
      numeric: true,
      from: "lg",
      sortValue: (r) => r.predictedNextLapMs ?? Infinity,
      cell: (r) => (
        <span title={r.predictionSource ? `Predicted by the ${r.predictionSource}` : undefined}>
          <LapTime ms={r.predictedNextLapMs} />
          {r.predictionSource ? <span className="ml-1 text-[10px] uppercase text-muted">{r.predictionSource === "model" ? "M" : "B"}</span> : null}
        </span>
      ),
    },
  ];
}

/** The multi-class leaderboard: overall, or one class with class positions and gaps. */
export function LeaderboardTable({ rows, carClass }: { rows: readonly LeaderboardRow[]; carClass: string | null }) {
  const shown = carClass === null ? rows : rows.filter((row) => (row.carClass ?? "") === carClass);
  const bestByClass = new Map<string | null, number>();
  for (const row of rows) if (row.bestLapMs !== null) bestByClass.set(row.carClass, Math.min(bestByClass.get(row.carClass) ?? Infinity, row.bestLapMs));
  return (
    <SortableTable
      label={carClass === null ? "Leaderboard, all classes" : `Leaderboard, ${carClass}`}
      testId="endurance-leaderboard"
      columns={columns(carClass !== null, bestByClass)}
      rows={shown}
      rowKey={(row) => row.car}
      rowOptions={(row) => ({ attributes: { "data-car": row.car } })}
      empty="No car has completed a lap yet."
    />
  );
}
