import { describe, expect, it } from "vitest";
import { chartHistories, CHART_LEADERBOARDS, driverResultsPage, DRIVER_RESULTS_PAGE_SIZE } from "@/lib/raceroom/driver-results";
import type { DriverResult, PersonalBestHistory } from "@/lib/raceroom/queries";

function result(i: number, change: Partial<DriverResult> = {}): DriverResult {
  return {
    layoutId: 100 + i,
    layoutName: "Grand Prix",
    trackId: 10 + (i % 7),
    trackName: `Track ${String(i).padStart(4, "0")}`,
    classId: 5,
    className: i % 2 ? "GTR 3" : "DTM 1992",
    carId: 1,
    carName: i % 3 ? "Audi R8" : "BMW M3",
    position: (i * 7) % 50 + 1,
    total: 60,
    lapTimeMs: 90_000 + ((i * 37) % 1000),
    gapMs: (i * 13) % 500,
    recordLapTimeMs: 89_000,
    percentOfRecord: 99 - (i % 10) / 10,
    difficulty: i % 4 === 0 ? null : "Get Real",
    rank: null,
    team: null,
    achievedAt: new Date(Date.UTC(2026, 0, 1 + (i % 300))).toISOString(),
    fetchedAt: "2026-11-30T04:00:00.000Z",
    ...change,
  };
}

const many = Array.from({ length: 1229 }, (_, i) => result(i));

describe("a driver's results on the driver page", () => {
  it("cuts a thousand results into pages, best position first", () => {
    const first = driverResultsPage(many, { text: "", sort: "position", page: 1 });
    expect(first.rows).toHaveLength(DRIVER_RESULTS_PAGE_SIZE);
    expect(first.pageCount).toBe(Math.ceil(1229 / DRIVER_RESULTS_PAGE_SIZE));
    expect(first.rows.map((r) => r.position)).toEqual([...first.rows.map((r) => r.position)].sort((a, b) => a - b));
    const last = driverResultsPage(many, { text: "", sort: "position", page: 999 });
    expect(last.page).toBe(first.pageCount);
    expect(last.rows).toHaveLength(1229 - (first.pageCount - 1) * DRIVER_RESULTS_PAGE_SIZE);
    // Every result is on exactly one page.
    const seen = new Set<number>();
    for (let page = 1; page <= first.pageCount; page += 1) {
      for (const row of driverResultsPage(many, { text: "", sort: "lap-time", page }).rows) seen.add(row.layoutId);
    }
    expect(seen.size).toBe(1229);
  });

  it("sorts dates and % of record newest and best first, lap times fastest first, missing values last", () => {
    const byDate = driverResultsPage(many, { text: "", sort: "date", page: 1 }).rows.map((r) => r.achievedAt);
    expect(byDate).toEqual([...byDate].sort().reverse());
    const byLap = driverResultsPage(many, { text: "", sort: "lap-time", page: 1 }).rows.map((r) => r.lapTimeMs);
    expect(byLap[0]).toBe(Math.min(...many.map((r) => r.lapTimeMs)));
    const byDifficulty = driverResultsPage(many, { text: "", sort: "difficulty", page: 999 }).rows;
    expect(byDifficulty.at(-1)?.difficulty).toBeNull();
  });

  it("filters by track, class or car text and by difficulty, counting what matches", () => {
    const bmw = driverResultsPage(many, { text: " bmw ", sort: "position", page: 1 });
    expect(bmw.matching).toBe(many.filter((r) => r.carName === "BMW M3").length);
    expect(bmw.total).toBe(1229);
    const getReal = driverResultsPage(many, { text: "track 00", difficulty: "Get Real", sort: "position", page: 1 });
    expect(getReal.rows.every((r) => r.difficulty === "Get Real" && r.trackName.startsWith("Track 00"))).toBe(true);
    expect(driverResultsPage(many, { text: "nowhere", sort: "position", page: 3 })).toMatchObject({ matching: 0, page: 1, pageCount: 1, rows: [] });
  });
});

describe("the personal-best chart's leaderboards", () => {
  const histories: PersonalBestHistory[] = many.slice(0, 200).map((r, i) => ({
    layoutId: r.layoutId,
    layoutName: r.layoutName,
    trackId: r.trackId,
    trackName: r.trackName,
    classId: r.classId,
    className: r.className,
    points: Array.from({ length: 1 + (i % 5) }, (_, k) => ({ lapTimeMs: 91_000 - k, carName: r.carName, position: r.position, achievedAt: r.achievedAt, recordedAt: r.fetchedAt })),
  }));

  it("offers a bounded list, most bests first, and puts the one asked for first", () => {
    const offered = chartHistories(histories);
    expect(offered).toHaveLength(CHART_LEADERBOARDS);
    expect(offered[0]!.points).toHaveLength(5);
    const quiet = histories.find((h) => h.points.length === 1)!;
    const asked = chartHistories(histories, { layoutId: quiet.layoutId, classId: quiet.classId });
    expect(asked[0]).toBe(quiet);
    expect(asked.length).toBe(CHART_LEADERBOARDS + 1);
    expect(chartHistories(histories, { layoutId: 1, classId: 1 })).toEqual(offered);
  });
});
