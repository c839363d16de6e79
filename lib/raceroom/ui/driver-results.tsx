"use client";

import Link from "next/link";
import { useId, useMemo, useState } from "react";
import type { Difficulty, DriverResult } from "@/lib/raceroom/queries";
import { control, fieldLabel } from "@/lib/ui/controls";
import { Folded } from "@/lib/ui/table/folded";
import { SortableTable, type SortableColumn } from "@/lib/ui/table/sortable-table";
import { ClassBadge } from "./class-badge";
import { Day, DifficultyBadge, Gap, LapTime, PositionOf } from "./labels";
import { leaderboardHref } from "./links";

const DIFFICULTY_ORDER: Record<Difficulty, number> = { "Get Real": 0, Amateur: 1, Novice: 2 };

function columns(driverId: number): SortableColumn<DriverResult>[] {
  return [
    {
      key: "leaderboard",
      header: "Track",
      sortValue: (r) => [r.trackName, r.layoutName],
      cell: (r) => (
        <>
          <Link prefetch={false} href={leaderboardHref(r.layoutId, r.classId, { driver: driverId })} className="font-medium hover:underline" data-testid="result-leaderboard-link">
            {r.trackName}
          </Link>
          <span className="block text-xs text-muted">{r.layoutName}</span>
          <Folded
            summary={<ClassBadge classId={r.classId} name={r.className} />}
            items={[
              { label: "Car", value: r.carName },
              { label: "% of record", value: `${r.percentOfRecord.toFixed(3)} %` },
              { label: "Difficulty", value: r.difficulty ?? "–" },
              { label: "Rank", value: r.rank ?? "–" },
              { label: "Date", value: <Day iso={r.achievedAt} /> },
            ]}
          />
        </>
      ),
    },
    { key: "class", header: "Class", from: "sm", sortValue: (r) => r.className, cell: (r) => <ClassBadge classId={r.classId} name={r.className} /> },
    { key: "car", header: "Car", from: "sm", sortValue: (r) => r.carName, cell: (r) => r.carName },
    { key: "position", header: "Pos", numeric: true, sortValue: (r) => [r.position, r.total], cell: (r) => <PositionOf position={r.position} total={r.total} /> },
    { key: "lap-time", header: "Lap time", numeric: true, sortValue: (r) => r.lapTimeMs, cell: (r) => <LapTime ms={r.lapTimeMs} record={r.position === 1} /> },
    { key: "gap", header: "Gap", numeric: true, sortValue: (r) => r.gapMs, cell: (r) => <Gap ms={r.gapMs} /> },
    // Bigger is better for % of record and newer for dates, so they sort that way first.
    { key: "percent", header: "% of record", numeric: true, from: "sm", descendingFirst: true, sortValue: (r) => r.percentOfRecord, cell: (r) => `${r.percentOfRecord.toFixed(3)} %` },
    {
      key: "difficulty",
      header: "Difficulty",
      from: "sm",
      sortValue: (r) => (r.difficulty ? DIFFICULTY_ORDER[r.difficulty] : null),
      cell: (r) => <DifficultyBadge difficulty={r.difficulty} />,
    },
    { key: "rank", header: "Rank", from: "sm", sortValue: (r) => r.rank, cell: (r) => r.rank ?? "–" },
    { key: "date", header: "Date", from: "sm", className: "tabular whitespace-nowrap", descendingFirst: true, sortValue: (r) => r.achievedAt, cell: (r) => <Day iso={r.achievedAt} /> },
  ];
}

/** Every result of a driver, sortable by any column and filterable by track, class or car text and by difficulty. */
export function DriverResults({ driverId, results }: { driverId: number; results: DriverResult[] }) {
  const filterId = useId();
  const [text, setText] = useState("");
  const [difficulty, setDifficulty] = useState<Difficulty | "">("");

  const difficulties = useMemo(() => [...new Set(results.flatMap((r) => (r.difficulty ? [r.difficulty] : [])))], [results]);
  const shown = useMemo(() => {
    const needle = text.trim().toLocaleLowerCase();
    return results.filter(
      (r) =>
        (!difficulty || r.difficulty === difficulty) &&
        (!needle || [r.trackName, r.layoutName, r.className, r.carName].some((value) => value.toLocaleLowerCase().includes(needle))),
    );
  }, [results, text, difficulty]);
  const resultColumns = useMemo(() => columns(driverId), [driverId]);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <label htmlFor={`${filterId}-text`} className={fieldLabel}>
          Track, class or car
          <input
            id={`${filterId}-text`}
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="e.g. Monza, GTR 3, Audi"
            data-testid="results-filter"
            className={`${control} w-64`}
          />
        </label>
        <label htmlFor={`${filterId}-difficulty`} className={fieldLabel}>
          Difficulty
          <select id={`${filterId}-difficulty`} value={difficulty} onChange={(event) => setDifficulty(event.target.value as Difficulty | "")} className={control}>
            <option value="">All difficulties</option>
            {difficulties.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <p className="tabular pb-1.5 text-sm text-muted" aria-live="polite">
          {shown.length === results.length ? `${results.length} results` : `${shown.length} of ${results.length} results`}
        </p>
      </div>
      <SortableTable
        label="Results"
        testId="driver-results"
        columns={resultColumns}
        rows={shown}
        rowKey={(r) => `${r.layoutId}:${r.classId}`}
        initialSort={{ key: "position" }}
        empty="No result matches these filters."
      />
    </div>
  );
}
