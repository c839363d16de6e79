import { beforeAll, describe, expect, it } from "vitest";
import { APPLICATION_NAME, sql as rawSql } from "@/lib/db";
import { searchDrivers, type DriverHit } from "@/lib/raceroom/queries";
import { warmSearch } from "@/lib/raceroom/search";
import { useTestDatabase } from "../support/database";
import { fetched, MONZA_GTR1, MONZA_GTR3, refreshWith, RRR_GP_GTR3, useSmallCatalogue, type SimpleEntry } from "./support";

const names: [number, string][] = [
  [1, "Max Mustermann"],
  [2, "Max Mustermann"],
  [3, "Maxime Dupont"],
  [4, "Jan Maxwell"],
  [5, "Zoë Ødegaard"],
  [6, "Élodie Brünnhilde"],
  [7, "Łukasz Weißmüller"],
  [8, "Алексей Смирнов"],
  [9, "佐藤 健"],
  [10, "<script>alert(1)</script>"],
  [11, "100% Racer"],
  [12, "under_score"],
  [13, "underXscore"],
  [14, "MAXIMILIAN"],
];

const summary = (hits: DriverHit[]) => hits.map((h) => [h.driverId, h.match]);

describe("RaceRoom driver search", () => {
  useTestDatabase();

  beforeAll(async () => {
    await useSmallCatalogue();
    const entries: SimpleEntry[] = names.map(([driverId, name], i) => ({ driverId, name, lapMs: 100_000 + i * 100 }));
    // Driver 2 is on three leaderboards, driver 1 on one: namesakes stay apart, the busier one first.
    await refreshWith([
      fetched(MONZA_GTR3, entries),
      fetched(MONZA_GTR1, [{ driverId: 2, name: "Max Mustermann", lapMs: 90_000, car: "Saleen S7R" }]),
      fetched(RRR_GP_GTR3, [{ driverId: 2, name: "Max Mustermann", lapMs: 80_000 }]),
    ]);
  });

  it("ranks exact > prefix > substring, namesakes apart, with entry counts and best positions", async () => {
    const { hits } = await searchDrivers("max mustermann");
    expect(hits.slice(0, 2)).toEqual([
      { driverId: 2, name: "Max Mustermann", countryCode: "de", countryName: "Germany", entryCount: 3, bestPosition: 1, match: "exact" },
      { driverId: 1, name: "Max Mustermann", countryCode: "de", countryName: "Germany", entryCount: 1, bestPosition: 1, match: "exact" },
    ]);

    expect(summary((await searchDrivers("max")).hits)).toEqual([
      [2, "prefix"],
      [1, "prefix"],
      [3, "prefix"],
      [14, "prefix"],
      [4, "substring"],
    ]);
  });

  it("ignores case, accents and extra spaces", async () => {
    expect(summary((await searchDrivers("MAX")).hits)).toEqual(summary((await searchDrivers("max")).hits));
    expect((await searchDrivers("elodie")).hits[0]).toMatchObject({ driverId: 6, match: "prefix" });
    expect((await searchDrivers("ÉLODIE BRÜNNHILDE")).hits[0]).toMatchObject({ driverId: 6, match: "exact" });
    expect((await searchDrivers("  elodie   brunnhilde ")).hits[0]).toMatchObject({ driverId: 6, match: "exact" });
    expect((await searchDrivers("zoe odegaard")).hits[0]).toMatchObject({ driverId: 5, match: "exact" });
    expect((await searchDrivers("weissmuller")).hits[0]).toMatchObject({ driverId: 7, match: "substring" });
    expect((await searchDrivers("смирнов")).hits[0]).toMatchObject({ driverId: 8, match: "substring" });
    expect((await searchDrivers("佐藤")).hits[0]).toMatchObject({ driverId: 9, match: "prefix" });
  });

  it("tolerates typos from four characters, not below", async () => {
    expect((await searchDrivers("mxime")).hits[0]).toMatchObject({ driverId: 3, match: "fuzzy" });
    expect((await searchDrivers("dupomt")).hits[0]).toMatchObject({ driverId: 3, match: "fuzzy" });
    expect((await searchDrivers("mustremann")).hits.map((h) => h.driverId).sort()).toEqual([1, 2]);
    // A word of one or two letters is kept as typed while the others are corrected.
    expect(summary((await searchDrivers("ax mustremann")).hits).sort()).toEqual([
      [1, "fuzzy"],
      [2, "fuzzy"],
    ]);
    expect((await searchDrivers("mxa")).hits).toEqual([]);
    expect((await searchDrivers("qqqqqq")).hits).toEqual([]);
  });

  it("treats LIKE wildcards and markup as plain text", async () => {
    expect(summary((await searchDrivers("100%")).hits)).toEqual([[11, "prefix"]]);
    // "_" is a literal underscore: "underXscore" is no prefix match (it may still come last as a near miss).
    expect(summary((await searchDrivers("under_")).hits.filter((h) => h.match !== "fuzzy"))).toEqual([[12, "prefix"]]);
    expect((await searchDrivers("<script>")).hits[0]).toMatchObject({ driverId: 10, name: "<script>alert(1)</script>" });
    expect((await searchDrivers("")).hits).toEqual([]);
    expect((await searchDrivers("   ")).hits).toEqual([]);
  });

  it("finds short prefixes and honours the limit", async () => {
    expect(summary((await searchDrivers("ma")).hits)).toEqual([
      [2, "prefix"],
      [1, "prefix"],
      [3, "prefix"],
      [14, "prefix"],
    ]);
    expect((await searchDrivers("m", { limit: 2 })).hits).toHaveLength(2);
  });

  it("only finds drivers with entries in the live generation", async () => {
    const maxime = [{ driverId: 3, name: "Maxime Dupont", lapMs: 100_000, car: "Saleen S7R" }];
    await refreshWith([fetched(MONZA_GTR3, maxime), fetched(MONZA_GTR1, maxime), fetched(RRR_GP_GTR3, maxime)]);
    expect(summary((await searchDrivers("max")).hits)).toEqual([[3, "prefix"]]);
  });

  it("primes every pooled connection for search at start", async () => {
    const pool = rawSql().options.max;
    expect(await warmSearch()).toBe(pool);
    const [open] = await rawSql()<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = ${APPLICATION_NAME}`;
    expect(open!.n).toBeGreaterThanOrEqual(pool);
  });
});
