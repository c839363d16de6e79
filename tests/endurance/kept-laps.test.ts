import { describe, expect, it } from "vitest";
import { scheduleRace } from "@/lib/endurance/calendar";
import { buildLapTable, replayFits } from "@/lib/endurance/models";
import { parseAnalysis } from "@/lib/endurance/sources";
import { keptLaps } from "@/lib/endurance/store/kept-laps";
import { insertLaps, loadLaps } from "@/lib/endurance/store/laps";
import { loadFits, saveFit } from "@/lib/endurance/store/models";
import { sql } from "@/lib/db";
import { useTestDatabase } from "../support/database";
import { fixtureBytes } from "./support";

const laps = parseAnalysis(fixtureBytes("wec2025_spa6h_three_cars.csv")).laps;
const byCrossing = [...laps].sort((a, b) => a.elapsedMs - b.elapsedMs);
const schedule = (slug: string) =>
  scheduleRace({
    slug,
    series: "FIA WEC",
    event: slug,
    circuit: "Spa-Francorchamps",
    startsAt: "2025-05-10T12:00:00Z",
    endsAt: "2025-05-10T18:00:00Z",
    analysisUrl: `${slug}/23_Analysis_Race.CSV`,
  });

describe("a race's laps kept between reads", () => {
  useTestDatabase();

  it("reads added laps, laps stated late among them, as a full read would order them", async () => {
    const race = await schedule("kept-late");
    const half = Math.floor(byCrossing.length / 2);
    // One lap of the first half is stated late: it comes with the second half.
    const late = byCrossing[half - 3]!;
    await insertLaps(sql(), race.id, byCrossing.slice(0, half).filter((lap) => lap !== late));
    expect((await keptLaps(race.id)).laps).toHaveLength(half - 1);
    await insertLaps(sql(), race.id, [late, ...byCrossing.slice(half)]);

    const kept = await keptLaps(race.id);
    const full = await loadLaps(race.id);
    expect(kept.laps.map((lap) => [lap.car, lap.lap, lap.elapsedMs])).toEqual(full.map((lap) => [lap.car, lap.lap, lap.elapsedMs]));
    expect(kept.keys.size).toBe(laps.length);
    expect(kept.table()).toEqual(buildLapTable(full));
    // Nothing new: the same laps and the table already built.
    expect((await keptLaps(race.id)).table()).toBe((await keptLaps(race.id)).table());
  });

  it("walks the lap table on through laps as they arrive, to the table of one walk", async () => {
    const race = await schedule("kept-walk");
    const cuts = [0, 40, 41, 200, byCrossing.length];
    const tables = [];
    for (let i = 1; i < cuts.length; i++) {
      await insertLaps(sql(), race.id, byCrossing.slice(cuts[i - 1], cuts[i]));
      const kept = await keptLaps(race.id);
      tables.push(kept.table());
      expect(kept.table()).toEqual(buildLapTable(byCrossing.slice(0, cuts[i])));
    }
    // A table already given out is not changed by the walk going on.
    expect(tables[0]!.rows).toHaveLength(40);
  });

  it("reads everything again when laps went away, were stored again, or the race was made again", async () => {
    const race = await schedule("kept-again");
    await insertLaps(sql(), race.id, byCrossing);
    expect((await keptLaps(race.id)).laps).toHaveLength(laps.length);
    // Same id, same number of laps, other laps: a race made again is not taken for the old one.
    await sql()`delete from endurance_laps where race_id = ${race.id}`;
    await sql()`update endurance_races set created_at = created_at + interval '1 second' where id = ${race.id}`;
    await insertLaps(sql(), race.id, byCrossing.map((lap) => ({ ...lap, lapTimeMs: lap.lapTimeMs + 1 })));
    expect((await keptLaps(race.id)).laps.map((lap) => lap.lapTimeMs)).toEqual((await loadLaps(race.id)).map((lap) => lap.lapTimeMs));

    // A replay stores the race again: the same laps, stored anew (here with other times, as a corrected file would).
    await sql()`delete from endurance_laps where race_id = ${race.id}`;
    await insertLaps(sql(), race.id, byCrossing.map((lap) => ({ ...lap, lapTimeMs: lap.lapTimeMs + 2 })));
    expect((await keptLaps(race.id)).laps.map((lap) => lap.lapTimeMs)).toEqual((await loadLaps(race.id)).map((lap) => lap.lapTimeMs));

    await sql()`delete from endurance_laps where race_id = ${race.id} and car = ${laps[0]!.car}`;
    expect((await keptLaps(race.id)).laps).toEqual(await loadLaps(race.id));
  });

  it("parses each stored fit once, and a race made again afresh", async () => {
    const race = await schedule("kept-fits");
    const fits = replayFits(buildLapTable(laps), { schedule: { firstFitLaps: 20, growth: 0.5, maxIntervalMs: 3_600_000 } });
    expect(fits.length).toBeGreaterThan(2);
    const trained = (list: { carClass: string | null; trainedAtMs: number }[]) => list.map((fit) => `${fit.carClass}@${fit.trainedAtMs}`);
    for (const fit of fits.slice(0, 2)) await saveFit(race.id, fit);
    const first = await loadFits(race.id);
    expect(trained(first)).toEqual(trained(fits.slice(0, 2)));
    for (const fit of fits.slice(2)) await saveFit(race.id, fit);
    const all = await loadFits(race.id);
    expect(trained(all)).toEqual(trained(fits));
    expect(all[0]).toBe(first[0]);

    await sql()`update endurance_races set created_at = created_at + interval '1 second' where id = ${race.id}`;
    const again = await loadFits(race.id);
    expect(trained(again)).toEqual(trained(fits));
    expect(again[0]).not.toBe(first[0]);
  });
});
