"use client";

import Link from "next/link";
import { useId, useMemo, useState } from "react";
import type { Difficulty, DriverResult } from "@/lib/raceroom/queries";
import { ClassBadge } from "./class-badge";
import { Day, DifficultyBadge, Gap, LapTime, PositionOf } from "./labels";
import { leaderboardHref } from "./links";
import { cell, headCell, numberCell, row, table, tableFrame, wideOnly } from "./table";

type SortKey = "leaderboard" | "class" | "car" | "position" | "lapTime" | "gap" | "percent" | "difficulty" | "rank" | "date";

const DIFFICULTY_ORDER: Record<Difficulty, number> = { "Get Real": 0, Amateur: 1, Novice: 2 };

const compareText = (a: string | null, b: string | null) => (a ?? "\uffff").localeCompare(b ?? "\uffff", "en", { sensitivity: "base" });

const comparators: Record<SortKey, (a: DriverResult, b: DriverResult) => number> = {
  leaderboard: (a, b) => compareText(a.trackName, b.trackName) || compareText(a.layoutName, b.layoutName),
  class: (a, b) => compareText(a.className, b.className),
  car: (a, b) => compareText(a.carName, b.carName),
  position: (a, b) => a.position - b.position || a.total - b.total,
  lapTime: (a, b) => a.lapTimeMs - b.lapTimeMs,
  gap: (a, b) => a.gapMs - b.gapMs,
  percent: (a, b) => a.percentOfRecord - b.percentOfRecord,
  difficulty: (a, b) => (a.difficulty ? DIFFICULTY_ORDER[a.difficulty] : 9) - (b.difficulty ? DIFFICULTY_ORDER[b.difficulty] : 9),
  rank: (a, b) => compareText(a.rank, b.rank),
  date: (a, b) => compareText(a.achievedAt, b.achievedAt),
};

/** Where a column starts sorting when first clicked: bigger is better for % of record and newer for dates. */
const DESCENDING_FIRST = new Set<SortKey>(["percent", "date"]);

interface Column {
  key: SortKey;
  label: string;
  numeric?: boolean;
  /** Folded into the row detail on phones. */
  wide?: boolean;
}

const COLUMNS: Column[] = [
  { key: "leaderboard", label: "Track" },
  { key: "class", label: "Class", wide: true },
  { key: "car", label: "Car", wide: true },
  { key: "position", label: "Pos", numeric: true },
  { key: "lapTime", label: "Lap time", numeric: true },
  { key: "gap", label: "Gap", numeric: true },
  { key: "percent", label: "% of record", numeric: true, wide: true },
  { key: "difficulty", label: "Difficulty", wide: true },
  { key: "rank", label: "Rank", wide: true },
  { key: "date", label: "Date", wide: true },
];

/** Every result of a driver, sortable by any column and filterable by track, class or car text and by difficulty. */
export function DriverResults({ driverId, results }: { driverId: number; results: DriverResult[] }) {
  const filterId = useId();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: "position", descending: false });
  const [text, setText] = useState("");
  const [difficulty, setDifficulty] = useState<Difficulty | "">("");

  const difficulties = useMemo(() => [...new Set(results.flatMap((r) => (r.difficulty ? [r.difficulty] : [])))], [results]);
  const shown = useMemo(() => {
    const needle = text.trim().toLocaleLowerCase();
    const filtered = results.filter(
      (r) =>
        (!difficulty || r.difficulty === difficulty) &&
        (!needle || [r.trackName, r.layoutName, r.className, r.carName].some((value) => value.toLocaleLowerCase().includes(needle))),
    );
    const compare = comparators[sort.key];
    return filtered.sort((a, b) => (sort.descending ? -1 : 1) * compare(a, b) || a.position - b.position);
  }, [results, text, difficulty, sort]);

  function sortBy(key: SortKey) {
    setSort((current) => (current.key === key ? { key, descending: !current.descending } : { key, descending: DESCENDING_FIRST.has(key) }));
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <label htmlFor={`${filterId}-text`} className="flex flex-col gap-1 text-xs font-medium text-muted">
          Track, class or car
          <input
            id={`${filterId}-text`}
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="e.g. Monza, GTR 3, Audi"
            data-testid="results-filter"
            className="w-64 rounded-md border border-border bg-surface px-2 py-1.5 text-sm text-fg placeholder:text-muted focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/30"
          />
        </label>
        <label htmlFor={`${filterId}-difficulty`} className="flex flex-col gap-1 text-xs font-medium text-muted">
          Difficulty
          <select
            id={`${filterId}-difficulty`}
            value={difficulty}
            onChange={(event) => setDifficulty(event.target.value as Difficulty | "")}
            className="rounded-md border border-border bg-surface px-2 py-1.5 text-sm text-fg focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/30"
          >
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
      <div className={tableFrame}>
        <table className={table} data-testid="driver-results">
          <thead>
            <tr>
              {COLUMNS.map((column) => {
                const active = sort.key === column.key;
                return (
                  <th
                    key={column.key}
                    scope="col"
                    aria-sort={active ? (sort.descending ? "descending" : "ascending") : undefined}
                    className={`${headCell} ${column.numeric ? "text-right" : ""} ${column.wide ? wideOnly : ""}`}
                  >
                    <button
                      type="button"
                      onClick={() => sortBy(column.key)}
                      className={`inline-flex items-center gap-1 uppercase hover:text-fg ${active ? "text-fg" : ""}`}
                    >
                      {column.label}
                      <span aria-hidden className="w-2">
                        {active ? (sort.descending ? "▼" : "▲") : ""}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={`${r.layoutId}:${r.classId}`} className={row}>
                <td className={cell}>
                  <Link prefetch={false} href={leaderboardHref(r.layoutId, r.classId, { driver: driverId })} className="font-medium hover:underline" data-testid="result-leaderboard-link">
                    {r.trackName}
                  </Link>
                  <span className="block text-xs text-muted">{r.layoutName}</span>
                  <details className="mt-1 text-xs sm:hidden">
                    <summary className="cursor-pointer text-muted">
                      <ClassBadge classId={r.classId} name={r.className} />
                    </summary>
                    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
                      <dt className="text-muted">Car</dt>
                      <dd>{r.carName}</dd>
                      <dt className="text-muted">% of record</dt>
                      <dd className="tabular">{r.percentOfRecord.toFixed(3)} %</dd>
                      <dt className="text-muted">Difficulty</dt>
                      <dd>{r.difficulty ?? "–"}</dd>
                      <dt className="text-muted">Rank</dt>
                      <dd>{r.rank ?? "–"}</dd>
                      <dt className="text-muted">Date</dt>
                      <dd>
                        <Day iso={r.achievedAt} />
                      </dd>
                    </dl>
                  </details>
                </td>
                <td className={`${cell} ${wideOnly}`}>
                  <ClassBadge classId={r.classId} name={r.className} />
                </td>
                <td className={`${cell} ${wideOnly}`}>{r.carName}</td>
                <td className={numberCell}>
                  <PositionOf position={r.position} total={r.total} />
                </td>
                <td className={numberCell}>
                  <LapTime ms={r.lapTimeMs} record={r.position === 1} />
                </td>
                <td className={numberCell}>
                  <Gap ms={r.gapMs} />
                </td>
                <td className={`${numberCell} ${wideOnly}`}>{r.percentOfRecord.toFixed(3)} %</td>
                <td className={`${cell} ${wideOnly}`}>
                  <DifficultyBadge difficulty={r.difficulty} />
                </td>
                <td className={`${cell} ${wideOnly}`}>{r.rank ?? "–"}</td>
                <td className={`${cell} ${wideOnly} tabular whitespace-nowrap`}>
                  <Day iso={r.achievedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 ? <p className="px-3 py-4 text-sm text-muted">No result matches these filters.</p> : null}
      </div>
    </div>
  );
}
