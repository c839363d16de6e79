import { describe, expect, it } from "vitest";
import { createIracingSource } from "@/lib/iracing/source";
import { syncCatalogue, syncPastSeasons, syncRaceGuide, syncSeason, syncSeasons, syncSeries } from "@/lib/iracing/work";
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

  it("fans out over one series' past seasons: each schedule fetched once and stored, nothing written on a second run", async () => {
    const source = createIracingSource();
    const [series] = await database.sql<{ series_id: number }[]>`select series_id from iracing_series order by series_id limit 1`;
    const seriesId = series!.series_id;
    const listed = (await source.fetch("series/past_seasons", { series_id: seriesId })) as { series: { seasons: { season_id: number; active: boolean }[] } };
    const pastIds = listed.series.seasons.filter((season) => !season.active).map((season) => season.season_id);
    expect(pastIds.length, "the simulator lists several past seasons").toBeGreaterThan(1);

    const before = new Date();
    const result = await syncPastSeasons(seriesId, { source, refresh: true });
    expect(result).toMatchObject({ seasons: pastIds.length, rejected: 0 });
    expect(result.schedulesWritten + result.schedulesUnchanged).toBe(pastIds.length);
    const schedules = (await upstreamCalls(database.sql, before)).find((call) => call.endpoint === "series/season_schedule");
    expect(schedules?.calls).toBe(pastIds.length);
    const stored = await database.sql<{ season_id: number; weeks: string }[]>`
      select s.season_id, count(e.race_week_num) as weeks from iracing_seasons s join iracing_events e using (season_id)
      where s.season_id in ${database.sql(pastIds)} and s.series_id = ${seriesId} group by s.season_id`;
    expect(stored.map((row) => row.season_id).sort()).toEqual([...pastIds].sort());
    for (const row of stored) expect(Number(row.weeks)).toBeGreaterThanOrEqual(12);

    const counts = await tableCounts(database.sql);
    const again = await syncPastSeasons(seriesId, { source, refresh: true });
    expect(again).toMatchObject({ seasons: pastIds.length, schedulesWritten: 0, events: { created: 0, updated: 0 } });
    expect(await tableCounts(database.sql)).toEqual(counts);
  });

  it("stores the race guide's entry counts", async () => {
    const guide = await syncRaceGuide({ source: createIracingSource() });
    expect(guide.fetched).toBeGreaterThan(0);
    expect(guide.rejected).toBe(0);
    const [row] = await database.sql<{ n: string }[]>`select count(*) as n from iracing_race_guide`;
    expect(Number(row!.n)).toBe(guide.fetched);
  });
});
