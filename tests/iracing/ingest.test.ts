import { describe, expect, it } from "vitest";
import { createIracingSource } from "@/lib/iracing/source";
import { syncCatalogue, syncRaceGuide, syncSeason, syncSeasons, syncSeries } from "@/lib/iracing/work";
import { useTestDatabase } from "../support/database";
import { tableCounts, upstreamCalls, useIracingSimulator } from "./sync-support";

describe("iRacing ingest against the simulator", () => {
  const database = useTestDatabase();
  const handle = useIracingSimulator();

  it("stores series, seasons and the catalogue, then writes nothing on a second run", async () => {
    const source = createIracingSource();
    const series = await syncSeries({ source });
    expect(series).toMatchObject({ fetched: 24, rejected: 0, created: 24, updated: 0, deactivated: 0 });
    const catalogue = await syncCatalogue({ source });
    expect(catalogue.rejected).toBe(0);
    expect(catalogue.created).toBeGreaterThan(50);
    const seasons = await syncSeasons({ source });
    expect(seasons.rejected).toBe(0);
    expect(seasons.seasons.created).toBeGreaterThan(20);
    expect(seasons.schedulesWritten).toBe(seasons.seasons.created);
    expect(seasons.unknownTracks).toBe(0);
    const first = await tableCounts(database.sql);
    expect(first.iracing_events).toBeGreaterThan(200);
    expect(first.iracing_event_cars).toBeGreaterThan(0);

    // Within the cache TTL: no upstream call, no write.
    const before = new Date();
    const again = await syncSeasons({ source });
    expect(again).toMatchObject({ schedulesWritten: 0, seasons: { created: 0, updated: 0 }, events: { created: 0, updated: 0 }, removed: 0 });
    expect(await syncSeries({ source })).toMatchObject({ created: 0, updated: 0 });
    expect(await syncCatalogue({ source })).toMatchObject({ created: 0, updated: 0 });
    expect(await upstreamCalls(database.sql, before)).toEqual([]);

    // Refetched (cache bypassed): the same data, still nothing written.
    const refreshed = await syncSeasons({ source, refresh: true });
    expect(refreshed).toMatchObject({ schedulesWritten: 0, seasons: { created: 0, updated: 0 } });
    expect(await tableCounts(database.sql)).toEqual(first);
  });

  it("rewrites only the season whose schedule changed", async () => {
    const source = createIracingSource();
    const [target] = await database.sql<{ season_id: number }[]>`select season_id from iracing_seasons where active order by season_id limit 1`;
    const response = await fetch(`${handle.sim.url}/_control/iracing/change-schedule`, { method: "POST", body: JSON.stringify({ seasonId: target!.season_id, raceWeekNum: 0 }) });
    expect(response.status).toBe(200);
    const changed = await syncSeasons({ source, refresh: true });
    expect(changed.schedulesWritten).toBe(1);
    expect(changed.events.updated).toBe(1);
    expect(changed.events.created).toBe(0);

    const single = await syncSeason(target!.season_id, { source, refresh: true });
    expect(single.schedulesWritten).toBe(0);
  });

  it("stores the race guide's entry counts", async () => {
    const guide = await syncRaceGuide({ source: createIracingSource() });
    expect(guide.fetched).toBeGreaterThan(0);
    expect(guide.rejected).toBe(0);
    const [row] = await database.sql<{ n: string }[]>`select count(*) as n from iracing_race_guide`;
    expect(Number(row!.n)).toBe(guide.fetched);
  });
});
