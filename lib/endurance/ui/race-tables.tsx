"use client";

import { formatLapTime } from "@/lib/ui/format";
import { SortableTable } from "@/lib/ui/table/sortable-table";
import { driveTimeEndpoint, pitStopsEndpoint, stintsEndpoint } from "../api-contract";
import { ClassBadge, raceClock } from "./labels";
import { useRaceTime } from "./race-time";
import { PANEL_ROWS, useRaceQuery } from "./use-race-query";

const inClass = <T extends { carClass: string | null }>(rows: readonly T[] | undefined, carClass: string | null): T[] =>
  (rows ?? []).filter((row) => carClass === null || (row.carClass ?? "") === carClass);
const seconds = (ms: number | null) => (ms === null ? "–" : `${(ms / 1000).toFixed(1)} s`);
const SERVICE: Record<string, string> = { "drive-through": "Drive-through", fuel: "Fuel", "fuel-tyres": "Fuel + tyres", long: "Long stop", unknown: "–" };

export function PitStopsTable() {
  const { carClass } = useRaceTime();
  const { data } = useRaceQuery(pitStopsEndpoint);
  const rows = inClass(data?.data, carClass);
  return (
    <SortableTable
      label="Pit stops"
      testId="pit-stops"
      pageSize={PANEL_ROWS}
      rowsName="pit stops"
      scroll="box"
      initialSort={{ key: "at", descending: true }}
      rows={rows}
      rowKey={(s) => `${s.car}:${s.number}`}
      empty={data ? "No pit stop yet." : "Loading…"}
      columns={[
        { key: "car", header: "Car", sortValue: (s) => s.car, cell: (s) => <span className="font-mono font-semibold">#{s.car}</span> },
        { key: "class", header: "Class", from: "sm", sortValue: (s) => s.carClass ?? "", cell: (s) => <ClassBadge carClass={s.carClass} /> },
        { key: "number", header: "Stop", numeric: true, sortValue: (s) => s.number, cell: (s) => s.number },
        { key: "lap", header: "In lap", numeric: true, sortValue: (s) => s.inLap, cell: (s) => s.inLap },
        { key: "at", header: "Race time", numeric: true, from: "sm", sortValue: (s) => s.atMs, cell: (s) => raceClock(s.atMs) },
        { key: "pit-lane", header: "Pit lane", numeric: true, sortValue: (s) => s.pitLaneMs ?? 0, cell: (s) => seconds(s.pitLaneMs) },
        { key: "service", header: "Service", sortValue: (s) => s.service, cell: (s) => SERVICE[s.service] },
        {
          key: "driver",
          header: "Driver change",
          from: "md",
          sortValue: (s) => (s.driverChange ? 1 : 0),
          cell: (s) => (s.driverChange ? `${s.driverIn ?? "?"} → ${s.driverOut ?? "?"}` : "No"),
        },
      ]}
    />
  );
}

export function StintsTable() {
  const { carClass } = useRaceTime();
  const { data } = useRaceQuery(stintsEndpoint);
  const rows = inClass(data?.data, carClass);
  return (
    <SortableTable
      label="Stints"
      testId="stints"
      pageSize={PANEL_ROWS}
      rowsName="stints"
      scroll="box"
      initialSort={{ key: "car" }}
      rows={rows}
      rowKey={(s) => `${s.car}:${s.number}`}
      empty={data ? "No stint yet." : "Loading…"}
      columns={[
        { key: "car", header: "Car", sortValue: (s) => [s.car, s.number], cell: (s) => <span className="font-mono font-semibold">#{s.car}</span> },
        { key: "number", header: "Stint", numeric: true, sortValue: (s) => s.number, cell: (s) => s.number },
        { key: "laps", header: "Laps", numeric: true, sortValue: (s) => s.laps, descendingFirst: true, cell: (s) => `${s.startLap}–${s.endLap} (${s.laps})` },
        { key: "drivers", header: "Drivers", from: "sm", className: "max-w-56 break-words", sortValue: (s) => s.drivers.join(", "), cell: (s) => s.drivers.join(", ") },
        { key: "pace", header: "Pace", numeric: true, sortValue: (s) => s.paceMs ?? Infinity, cell: (s) => (s.paceMs === null ? "–" : formatLapTime(s.paceMs)) },
        { key: "best", header: "Best", numeric: true, from: "sm", sortValue: (s) => s.bestLapMs, cell: (s) => formatLapTime(s.bestLapMs) },
        { key: "ended", header: "Ended", from: "md", sortValue: (s) => (s.endedInPit ? 1 : 0), cell: (s) => (s.endedInPit ? "In the pits" : "Running") },
      ]}
    />
  );
}

export function DriveTimeTable() {
  const { carClass } = useRaceTime();
  const { data } = useRaceQuery(driveTimeEndpoint);
  const drivers = inClass(data?.data, carClass).flatMap((car) => car.drivers.map((driver) => ({ ...driver, atRisk: car.atRisk })));
  return (
    <SortableTable
      label="Drive time"
      testId="drive-time"
      pageSize={PANEL_ROWS}
      rowsName="drivers"
      scroll="box"
      initialSort={{ key: "car" }}
      rows={drivers}
      rowKey={(d) => `${d.car}:${d.driver}`}
      empty={data ? "No driving yet." : "Loading…"}
      columns={[
        { key: "car", header: "Car", sortValue: (d) => d.car, cell: (d) => <span className="font-mono font-semibold">#{d.car}</span> },
        { key: "driver", header: "Driver", className: "max-w-48 break-words", sortValue: (d) => d.driver, cell: (d) => d.driver },
        { key: "drive", header: "Driven", numeric: true, sortValue: (d) => d.driveMs, descendingFirst: true, cell: (d) => raceClock(d.driveMs) },
        {
          key: "to-min",
          header: "To minimum",
          numeric: true,
          sortValue: (d) => d.toMinimumMs ?? -1,
          cell: (d) => (d.toMinimumMs === null ? "–" : d.toMinimumMs === 0 ? "Done ✓" : raceClock(d.toMinimumMs)),
        },
        { key: "to-max", header: "Left to maximum", numeric: true, from: "sm", sortValue: (d) => d.toMaximumMs ?? Infinity, cell: (d) => (d.toMaximumMs === null ? "–" : raceClock(d.toMaximumMs)) },
        {
          key: "state",
          header: "Rules",
          sortValue: (d) => (d.exceeded ? 2 : d.atRisk ? 1 : 0),
          cell: (d) => (d.exceeded ? <span className="font-semibold text-bad">Over a limit</span> : d.atRisk ? <span className="text-warn">Minimum at risk</span> : "OK"),
        },
        { key: "stints", header: "Stints", numeric: true, from: "md", sortValue: (d) => d.stints, cell: (d) => `${d.stints} (${d.laps} laps)` },
      ]}
    />
  );
}
