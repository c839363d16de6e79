import type { Difficulty, DriverResult, PersonalBestHistory } from "./queries";

// A driver's results as the driver page lists them: filtered, sorted and cut into pages on the server, so the page
// stays small for drivers with a thousand results (the whole list would be megabytes of HTML).

export const DRIVER_RESULT_SORTS = ["position", "track", "class", "car", "lap-time", "gap", "percent", "difficulty", "date"] as const;
export type DriverResultSort = (typeof DRIVER_RESULT_SORTS)[number];

/** Bigger is better for % of record and newer for dates: those sort descending, the rest ascending. */
export const DESCENDING_SORTS: ReadonlySet<DriverResultSort> = new Set(["percent", "date"]);

// A row costs about 7 KB of HTML and payload: 25 keep the page under 250 KB with its chart.
export const DRIVER_RESULTS_PAGE_SIZE = 25;

const DIFFICULTY_ORDER: Record<Difficulty, number> = { "Get Real": 0, Amateur: 1, Novice: 2 };

type SortValue = string | number | null;

const sortValues: Record<DriverResultSort, (r: DriverResult) => SortValue[]> = {
  position: (r) => [r.position, r.total],
  track: (r) => [r.trackName, r.layoutName, r.className],
  class: (r) => [r.className, r.trackName],
  car: (r) => [r.carName, r.trackName],
  "lap-time": (r) => [r.lapTimeMs],
  gap: (r) => [r.gapMs],
  percent: (r) => [r.percentOfRecord],
  difficulty: (r) => [r.difficulty ? DIFFICULTY_ORDER[r.difficulty] : null, r.position],
  date: (r) => [r.achievedAt],
};

function compare(a: SortValue[], b: SortValue[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const [x, y] = [a[i] ?? null, b[i] ?? null];
    if (x === y) continue;
    // Missing values go last whichever the direction.
    if (x === null) return 1;
    if (y === null) return -1;
    return typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
  }
  return 0;
}

export interface DriverResultsQuery {
  text: string;
  difficulty?: Difficulty;
  sort: DriverResultSort;
  page: number;
}

export interface DriverResultsPage {
  rows: DriverResult[];
  /** Results matching the filters, and all the driver's results. */
  matching: number;
  total: number;
  page: number;
  pageCount: number;
  difficulties: Difficulty[];
}

export function driverResultsPage(results: readonly DriverResult[], query: DriverResultsQuery): DriverResultsPage {
  const needle = query.text.trim().toLocaleLowerCase();
  const matching = results.filter(
    (r) =>
      (!query.difficulty || r.difficulty === query.difficulty) &&
      (!needle || [r.trackName, r.layoutName, r.className, r.carName].some((value) => value.toLocaleLowerCase().includes(needle))),
  );
  const valuesOf = sortValues[query.sort];
  const sign = DESCENDING_SORTS.has(query.sort) ? -1 : 1;
  const sorted = matching
    .map((row) => ({ row, key: valuesOf(row) }))
    .sort((a, b) => {
      const [x, y] = [a.key[0] ?? null, b.key[0] ?? null];
      // Missing first values stay last in either direction; the rest flips with the direction.
      if ((x === null) !== (y === null)) return x === null ? 1 : -1;
      return sign * compare(a.key, b.key);
    })
    .map(({ row }) => row);
  const pageCount = Math.max(1, Math.ceil(sorted.length / DRIVER_RESULTS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  return {
    rows: sorted.slice((page - 1) * DRIVER_RESULTS_PAGE_SIZE, page * DRIVER_RESULTS_PAGE_SIZE),
    matching: sorted.length,
    total: results.length,
    page,
    pageCount,
    difficulties: [...new Set(results.flatMap((r) => (r.difficulty ? [r.difficulty] : [])))],
  };
}

/** Leaderboards the personal-best chart offers at most: the most interesting ones, plus the one asked for. */
export const CHART_LEADERBOARDS = 40;

function byInterest(a: PersonalBestHistory, b: PersonalBestHistory): number {
  const position = (h: PersonalBestHistory) => h.points.at(-1)?.position ?? Infinity;
  return (
    b.points.length - a.points.length ||
    position(a) - position(b) ||
    `${a.trackName} ${a.layoutName} ${a.className}`.localeCompare(`${b.trackName} ${b.layoutName} ${b.className}`)
  );
}

/**
 * The chart's leaderboards, first shown first: the one asked for (a result's History link), then those with the most
 * bests and the best current position. Bounded, so a driver on a thousand leaderboards still gets a small page.
 */
export function chartHistories(histories: readonly PersonalBestHistory[], board?: { layoutId: number; classId: number }): PersonalBestHistory[] {
  const sorted = [...histories].sort(byInterest);
  const asked = board && sorted.find((h) => h.layoutId === board.layoutId && h.classId === board.classId);
  const top = sorted.slice(0, CHART_LEADERBOARDS);
  return asked ? [asked, ...top.filter((h) => h !== asked)] : top;
}
