import { beforeAll, describe, expect, it } from "vitest";
import { driverIndexGeneration, driverIndexJson, statusExport, topCombinationsExport } from "@/lib/raceroom/exports";
import { beginFullRefresh } from "@/lib/raceroom/generations";
import { raceroomFigures } from "@/lib/raceroom/queries";
import { useTestDatabase } from "../support/database";
import { ELODIE_INDEX_ENTRIES, EMPTY_STATUS, MONZA_GTR3_BOARD, TOP_COMBINATIONS } from "./export-fixtures";
import { fetched, refreshWith, RRR_GP_GTR3, useSmallCatalogue } from "./support";

async function text(stream: AsyncIterable<string>): Promise<string> {
  let out = "";
  for await (const chunk of stream) out += chunk;
  return out;
}

describe("RaceRoom legacy export files", () => {
  useTestDatabase();

  beforeAll(async () => {
    await useSmallCatalogue();
  });

  it("has empty but well-formed files before the first refresh", async () => {
    expect(await statusExport()).toEqual(EMPTY_STATUS);
    expect(await topCombinationsExport()).toEqual({ count: 0, results: [] });
    expect(await driverIndexGeneration()).toBeNull();
    expect(await raceroomFigures()).toEqual([
      { label: "Leaderboard entries", value: 0 },
      { label: "Drivers", value: 0 },
      { label: "Leaderboards with entries", value: 0 },
    ]);
  });

  it("writes the original shapes from the live generation", async () => {
    await refreshWith([
      MONZA_GTR3_BOARD,
      fetched(RRR_GP_GTR3, [{ driverId: 2, name: "Max Mustermann", lapMs: 59_100 }]),
    ]);

    const status = await statusExport();
    expect(status).toMatchObject({ fetch_in_progress: false, track_count: 2, total_drivers: 3, total_entries: 4 });
    expect(new Date(status.last_scrape_end).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(status.last_index_update).toBe(status.last_scrape_end);

    expect(await topCombinationsExport()).toEqual(TOP_COMBINATIONS);

    const generation = await driverIndexGeneration();
    expect(generation).not.toBeNull();
    const index = JSON.parse(await text(driverIndexJson(generation!)));
    expect(Object.keys(index)).toEqual(["max mustermann", "élodie brünnhilde"]);
    // Both namesakes share the lower-cased key, as in the original file.
    expect(index["max mustermann"]).toHaveLength(3);
    expect(index["élodie brünnhilde"]).toEqual(ELODIE_INDEX_ENTRIES);
    const slow = index["max mustermann"].find((e: { position: number }) => e.position === 3);
    expect(slow).toMatchObject({ name: "max mustermann", laptime: "1h 2m 05.190s", time_diff: 3618.388, difficulty: "Novice" });
    expect(index["max mustermann"].find((e: { track_id: string }) => e.track_id === "263")).toMatchObject({ laptime: "59.100s" });

    await beginFullRefresh();
    expect((await statusExport()).fetch_in_progress).toBe(true);
  });
});
