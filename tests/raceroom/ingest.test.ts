import { beforeAll, describe, expect, it } from "vitest";
import { storeBatch } from "@/lib/raceroom/batch";
import { beginFullRefresh, nextLeaderboards } from "@/lib/raceroom/generations";
import { promoteGeneration } from "@/lib/raceroom/promotion";
import { replaceLeaderboard, staleLeaderboards } from "@/lib/raceroom/replacement";
import { compareGenerations, comparisonIsCurrent } from "@/lib/raceroom/history";
import { partitionGenerations } from "@/lib/raceroom/partitions";
import { driverDetail, leaderboardPage, movers, refreshStatus, searchDrivers, topLeaderboards } from "@/lib/raceroom/queries";
import { useTestDatabase } from "../support/database";
import { fetched, failed, MONZA_GTR1, MONZA_GTR3, refreshWith, RRR_GP_GTR3, useSmallCatalogue } from "./support";

const ELODIE = { driverId: 1001, name: "Élodie Brünnhilde", country: "fr" };
const MAX_A = { driverId: 1002, name: "Max Mustermann" };
const MAX_B = { driverId: 1003, name: "Max Mustermann" };
const JAN = { driverId: 1004, name: "Jan de Vries" };

describe("RaceRoom generations", () => {
  const database = useTestDatabase();
  let first = 0;
  let second = 0;

  beforeAll(async () => {
    await useSmallCatalogue();
  });

  it("stores a first full refresh and serves it", async () => {
    first = await refreshWith([
      fetched(MONZA_GTR3, [
        { ...ELODIE, lapMs: 106_802 },
        { ...MAX_A, lapMs: 107_010, car: "Ford Mustang GT3", difficulty: "Amateur" },
        { ...MAX_B, lapMs: 107_500 },
        { ...JAN, lapMs: 109_000 },
      ]),
      fetched(RRR_GP_GTR3, [
        { ...JAN, lapMs: 90_000 },
        { ...ELODIE, lapMs: 91_000 },
      ]),
    ]);

    const status = await refreshStatus();
    expect(status.running).toBeNull();
    expect(status.live).toMatchObject({ generationId: first, entries: 6, drivers: 4, leaderboards: 6, leaderboardsWithEntries: 2, flagged: 0 });

    const monza = await leaderboardPage(MONZA_GTR3.layoutId, MONZA_GTR3.classId);
    expect(monza).toMatchObject({ trackName: "Monza Circuit", layoutName: "Grand Prix", className: "GTR 3", total: 4, filteredTotal: 4, recordLapTimeMs: 106_802 });
    expect(monza!.entries.map((e) => [e.position, e.driverId, e.gapMs])).toEqual([
      [1, 1001, 0],
      [2, 1002, 208],
      [3, 1003, 698],
      [4, 1004, 2198],
    ]);
    expect(monza!.entries[1]).toMatchObject({ carName: "Ford Mustang GT3", carId: 1782, difficulty: "Amateur" });
    expect(monza!.entries[0]!.percentOfRecord).toBe(100);

    const elodie = await driverDetail(ELODIE.driverId);
    expect(elodie!.driver).toMatchObject({ name: "Élodie Brünnhilde", countryCode: "fr", entryCount: 2, bestPosition: 1 });
    expect(elodie!.results.map((r) => [r.trackName, r.className, r.position, r.total, r.gapMs])).toEqual([
      ["Monza Circuit", "GTR 3", 1, 4, 0],
      ["RaceRoom Raceway", "GTR 3", 2, 2, 1000],
    ]);
    expect(elodie!.results[1]!.percentOfRecord).toBeCloseTo((90_000 / 91_000) * 100, 2);
    // Before any improvement, a leaderboard's history is the current best.
    expect(elodie!.personalBests.map((h) => [h.layoutId, h.points.map((p) => p.lapTimeMs)])).toEqual([
      [1671, [106_802]],
      [263, [91_000]],
    ]);

    const top = await topLeaderboards();
    expect(top.total).toBe(2);
    expect(top.leaderboards[0]).toMatchObject({ layoutId: 1671, classId: 1703, entryCount: 4, leader: { driverId: 1001, lapTimeMs: 106_802 } });
    expect((await topLeaderboards({ trackId: 262 })).leaderboards.map((c) => c.layoutId)).toEqual([263]);
    expect((await movers()).movers).toEqual([]);
  });

  it("keeps a failed leaderboard's rows, flags it, records personal bests and movers, and drops the old generation", async () => {
    second = await refreshWith([
      fetched(MONZA_GTR3, [
        { ...JAN, lapMs: 106_000 },
        { ...ELODIE, lapMs: 106_802 },
        { ...MAX_A, lapMs: 107_010, car: "Ford Mustang GT3" },
        { ...MAX_B, lapMs: 107_500 },
      ]),
      failed(RRR_GP_GTR3, "HTTP 503 after 5 attempts"),
      fetched(MONZA_GTR1, [{ ...MAX_B, lapMs: 104_000, car: "Saleen S7R" }]),
    ]);
    expect(second).toBeGreaterThan(first);
    expect(await partitionGenerations(database.sql)).toEqual([second]);

    const kept = await leaderboardPage(RRR_GP_GTR3.layoutId, RRR_GP_GTR3.classId);
    expect(kept!.generationId).toBe(second);
    expect(kept!.entries.map((e) => e.driverId)).toEqual([1004, 1001]);
    expect(kept!.flag).toMatch(/fetch failed: HTTP 503/);
    expect((await refreshStatus()).live).toMatchObject({ generationId: second, entries: 7, flagged: 1, leaderboardsWithEntries: 3 });

    const climbs = await movers();
    expect(climbs.previousGenerationId).toBe(first);
    expect(climbs.movers).toHaveLength(1);
    expect(climbs.movers[0]).toMatchObject({ driverId: 1004, previousPosition: 4, position: 1, climb: 3, previousLapTimeMs: 109_000, lapTimeMs: 106_000 });

    const jan = await driverDetail(JAN.driverId);
    const monzaHistory = jan!.personalBests.find((h) => h.layoutId === 1671 && h.classId === 1703);
    expect(monzaHistory!.points.map((p) => p.lapTimeMs)).toEqual([109_000, 106_000]);
    expect(monzaHistory!.points[0]).toMatchObject({ carName: "BMW Z4 GT3", position: 4 });
    // Unchanged times add no point.
    expect((await driverDetail(ELODIE.driverId))!.personalBests.every((h) => h.points.length === 1)).toBe(true);
  });

  it("keeps the previous rows of a leaderboard that comes back empty", async () => {
    await refreshWith([fetched(MONZA_GTR3, [{ ...JAN, lapMs: 106_000 }]), fetched(RRR_GP_GTR3, [{ ...JAN, lapMs: 90_000 }])]);
    const gtr1 = await leaderboardPage(MONZA_GTR1.layoutId, MONZA_GTR1.classId);
    expect(gtr1!.entries.map((e) => e.driverId)).toEqual([1003]);
    expect(gtr1!.flag).toMatch(/empty answer/);
  });

  it("leaves the live generation untouched when a refresh is interrupted, and resumes it", async () => {
    const before = await leaderboardPage(MONZA_GTR3.layoutId, MONZA_GTR3.classId);
    const started = await beginFullRefresh();
    expect(started.resumed).toBe(false);
    const batch = [fetched(MONZA_GTR3, [{ ...MAX_A, lapMs: 100_000 }, { ...JAN, lapMs: 106_000 }])];
    expect((await storeBatch(started.generationId, batch)).leaderboards).toBe(1);
    // The process dies here. Readers still see the live generation.
    expect(await leaderboardPage(MONZA_GTR3.layoutId, MONZA_GTR3.classId)).toEqual(before);
    expect((await refreshStatus()).running).toMatchObject({ generationId: started.generationId, leaderboardsDone: 1, leaderboardsTotal: 6, entries: 2 });

    const resumed = await beginFullRefresh();
    expect(resumed).toMatchObject({ generationId: started.generationId, resumed: true, leaderboardsDone: 1 });
    // A batch replayed after the crash changes nothing.
    expect((await storeBatch(started.generationId, batch)).leaderboards).toBe(0);
    const rest = await nextLeaderboards(started.generationId, 100);
    expect(rest).toHaveLength(5);
    await expect(promoteGeneration(started.generationId)).rejects.toThrow(/not complete/);
    await storeBatch(started.generationId, rest.map((c) => fetched(c, [])));
    // And dies again while building the generation's tables: entries indexed, drivers half loaded with a stray row.
    const g = started.generationId;
    await database.sql.unsafe(`CREATE UNIQUE INDEX "raceroom_entries_g${g}_pkey" ON "raceroom_entries_g${g}" (generation_id, layout_id, class_id, position)`);
    await database.sql.unsafe(`CREATE TABLE "raceroom_drivers_g${g}" (LIKE raceroom_drivers INCLUDING DEFAULTS INCLUDING GENERATED)`);
    await database.sql.unsafe(`INSERT INTO "raceroom_drivers_g${g}" (generation_id, id, name) VALUES (${g}, 999, 'Ghost Rider')`);
    await database.sql.unsafe(`CREATE UNIQUE INDEX "raceroom_drivers_g${g}_pkey" ON "raceroom_drivers_g${g}" (generation_id, id)`);
    await promoteGeneration(started.generationId);
    expect((await searchDrivers("ghost rider")).hits).toEqual([]);
    expect((await searchDrivers("jan de vries")).hits.map((h) => h.driverId)).toEqual([1004]);
    const after = await leaderboardPage(MONZA_GTR3.layoutId, MONZA_GTR3.classId);
    expect(after!.entries.map((e) => [e.driverId, e.lapTimeMs])).toEqual([
      [1002, 100_000],
      [1004, 106_000],
    ]);
    expect((await refreshStatus()).running).toBeNull();
  });

  it("replaces one leaderboard of the live generation atomically (incremental refresh)", async () => {
    const live = (await refreshStatus()).live!;
    // Max A improves from 100.000 (stored by the resumed refresh) to 99.500; Élodie comes back to this leaderboard.
    const replaced = await replaceLeaderboard(fetched(MONZA_GTR3, [{ ...ELODIE, lapMs: 99_000 }, { ...MAX_A, lapMs: 99_500 }]));
    expect(replaced).toEqual({ status: "replaced", entries: 2 });
    const monza = await leaderboardPage(MONZA_GTR3.layoutId, MONZA_GTR3.classId);
    expect(monza!.generationId).toBe(live.generationId);
    expect(monza!.entries.map((e) => e.driverId)).toEqual([1001, 1002]);
    // Jan left this leaderboard: his aggregates follow.
    const jan = await driverDetail(JAN.driverId);
    expect(jan!.driver.entryCount).toBe(jan!.results.length);
    expect(jan!.results.map((r) => r.layoutId)).not.toContain(1671);
    const historyOn = async (driverId: number) =>
      (await driverDetail(driverId))!.personalBests.find((h) => h.layoutId === 1671 && h.classId === 1703)!.points.map((p) => p.lapTimeMs);
    expect(await historyOn(MAX_A.driverId)).toEqual([100_000, 99_500]);
    expect(await historyOn(ELODIE.driverId)).toEqual([99_000]);

    expect(await replaceLeaderboard(failed(MONZA_GTR3, "timed out"))).toEqual({ status: "kept", entries: 2 });
    const flagged = await leaderboardPage(MONZA_GTR3.layoutId, MONZA_GTR3.classId);
    expect(flagged!.entries.map((e) => e.driverId)).toEqual([1001, 1002]);
    expect(flagged!.flag).toMatch(/timed out/);

    // Nothing is older than a day yet; everything is older than a second from now on.
    expect(await staleLeaderboards(24, 10)).toEqual([]);
    const stale = await staleLeaderboards(-1, 10);
    expect(stale).toHaveLength(6);
    expect(stale[0]).toEqual(MONZA_GTR3);
  });

  it("filters a leaderboard by difficulty and car and finds a driver's page", async () => {
    const entries = Array.from({ length: 120 }, (_, i) => ({
      driverId: 2000 + i,
      name: `Driver ${i}`,
      lapMs: 100_000 + i * 10,
      car: i % 2 === 0 ? "BMW Z4 GT3" : "Ford Mustang GT3",
      difficulty: (i % 3 === 0 ? "Novice" : "Get Real") as "Novice" | "Get Real",
    }));
    await replaceLeaderboard(fetched(RRR_GP_GTR3, entries));
    const page = await leaderboardPage(RRR_GP_GTR3.layoutId, RRR_GP_GTR3.classId, { pageSize: 25, highlightDriverId: 2100 });
    expect(page).toMatchObject({ total: 120, filteredTotal: 120, pageCount: 5, page: 5, highlight: { driverId: 2100, position: 101, page: 5 } });
    expect(page!.entries[0]!.position).toBe(101);
    expect(page!.cars).toEqual([
      { carId: 1738, carName: "BMW Z4 GT3", entries: 60 },
      { carId: 1782, carName: "Ford Mustang GT3", entries: 60 },
    ]);
    expect(page!.difficulties).toEqual([
      { difficulty: "Get Real", entries: 80 },
      { difficulty: "Novice", entries: 40 },
    ]);

    const fords = await leaderboardPage(RRR_GP_GTR3.layoutId, RRR_GP_GTR3.classId, { carId: 1782, difficulty: "Get Real", pageSize: 10, page: 2 });
    expect(fords!.filteredTotal).toBe(40);
    expect(fords!.entries.every((e) => e.carName === "Ford Mustang GT3" && e.difficulty === "Get Real")).toBe(true);
    // Ford entries are the odd ranks, Get Real those not divisible by 3: the 11th is driver 31, in 32nd place.
    expect(fords!.entries[0]!.position).toBe(32);
    expect(await leaderboardPage(999_999, 1703)).toBeNull();
  });

  it("stores names with COPY's delimiters and escapes verbatim", async () => {
    const names = ["Tab\tin the name", "Back\\slash \\N", "New\nline\r", "NUL-free 🏁 <b>&amp;</b>", "Zygmunt Qwertyson"];
    await replaceLeaderboard(fetched(MONZA_GTR1, names.map((name, i) => ({ driverId: 3000 + i, name, lapMs: 100_000 + i }))));
    const stored = await leaderboardPage(MONZA_GTR1.layoutId, MONZA_GTR1.classId);
    expect(stored!.entries.map((e) => e.driverName)).toEqual(names);
    // A driver new to the live generation is searchable at once, typos included (the lexicon learnt their words).
    expect((await searchDrivers("zygmunt")).hits[0]).toMatchObject({ driverId: 3004, match: "prefix" });
    expect((await searchDrivers("qwertysin")).hits[0]).toMatchObject({ driverId: 3004, match: "fuzzy" });
  });

  it("compares again when the hourly refresh replaced a live leaderboard after the comparison", async () => {
    const GRETA = { driverId: 1005, name: "Greta Lind" };
    const bestsOn = async () =>
      (await driverDetail(GRETA.driverId))!.personalBests.find((h) => h.layoutId === RRR_GP_GTR3.layoutId && h.classId === RRR_GP_GTR3.classId)!.points.map((p) => p.lapTimeMs);
    const liveId = await refreshWith([fetched(RRR_GP_GTR3, [{ ...GRETA, lapMs: 100_000 }])]);
    const pending = await beginFullRefresh();
    await storeBatch(pending.generationId, [fetched(RRR_GP_GTR3, [{ ...GRETA, lapMs: 98_000 }])]);
    await storeBatch(pending.generationId, (await nextLeaderboards(pending.generationId, 100)).map((c) => fetched(c, [])));
    const isCurrent = () => database.sql.begin((tx) => comparisonIsCurrent(tx, pending.generationId, liveId));
    await database.sql.begin((tx) => compareGenerations(tx, pending.generationId, liveId));
    expect(await isCurrent()).toBe(true);

    // Meanwhile the hourly refresh finds Greta faster than the full refresh did: 98.000 is no personal best after that.
    await replaceLeaderboard(fetched(RRR_GP_GTR3, [{ ...GRETA, lapMs: 97_000 }]));
    expect(await isCurrent()).toBe(false);
    await promoteGeneration(pending.generationId);
    expect(await bestsOn()).toEqual([100_000, 97_000]);
    expect(await partitionGenerations(database.sql)).toEqual([pending.generationId]);
  });
});
