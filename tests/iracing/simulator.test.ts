import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { chunkInfo, chunkUrls, readDataAnswer } from "@/lib/iracing/links";
import { parseCarAssets, parseCarClasses, parseCars, parseConstants } from "@/lib/iracing/parse/catalogue";
import { parseRaceGuide } from "@/lib/iracing/parse/race-guide";
import { parseSeasonSchedule } from "@/lib/iracing/parse/schedule";
import { parsePastSeasons, parseSeasonList, parseSeriesSeasonList, parseSeriesSeasons } from "@/lib/iracing/parse/seasons";
import { parseSeriesAssets, parseSeriesList } from "@/lib/iracing/parse/series";
import { parseTrackAssets, parseTrackConfigs } from "@/lib/iracing/parse/tracks";
import type { RaceWeek } from "@/lib/iracing/records";
import { sessionsBetween } from "@/lib/iracing/recurrence";
import { scheduleHash } from "@/lib/iracing/schedule-hash";
import { iracingUpstream } from "@/sim/iracing";
import { startSimulator, type Simulator } from "@/sim/server";
import { iracingClient } from "./simulator-support";

const DAY = 86_400_000;
const NOW = "2026-01-20T12:00:00Z";

describe("iRacing simulator", () => {
  let sim: Simulator;
  let client: ReturnType<typeof iracingClient>;
  let token: string;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 7, upstreams: [iracingUpstream({ now: NOW, linkSeconds: 30 })] });
    client = iracingClient(sim.url);
  });
  beforeEach(async () => {
    sim.reset(7);
    token = (await client.login()).accessToken;
  });
  afterAll(async () => {
    await sim?.close();
  });

  it("serves the series catalogue and its seasons in shapes the parsers accept", async () => {
    const series = parseSeriesList(await client.data("series/get", token));
    expect(series.rejected).toEqual([]);
    expect(series.records).toHaveLength(150);
    expect(new Set(series.records.map((s) => s.category))).toEqual(new Set(["road", "sports_car", "formula_car", "oval", "dirt_oval", "dirt_road"]));
    expect(new Set(series.records.map((s) => s.minLicenceGroup))).toEqual(new Set([1, 2, 3, 4, 5]));
    const assets = parseSeriesAssets(await client.data("series/assets", token));
    expect(assets.rejected).toEqual([]);
    expect(assets.records).toHaveLength(150);

    const seasons = parseSeriesSeasons(await client.data("series/seasons", token, { include_series: true }));
    expect(seasons.rejected).toEqual([]);
    expect(seasons.records.length).toBeGreaterThan(130);
    const current = seasons.records.filter(({ season }) => season.year === 2026 && season.quarter === 1);
    expect(current).toHaveLength(seasons.records.length);
    expect(new Set(current.map(({ season }) => season.official))).toEqual(new Set([true, false]));
    expect(new Set(current.map(({ season }) => season.fixedSetup))).toEqual(new Set([true, false]));
    const weeks = current.flatMap(({ raceWeeks }) => raceWeeks);
    const weekCounts = new Set(current.map(({ raceWeeks }) => raceWeeks.length));
    expect([...weekCounts].sort((a, b) => a - b)).toEqual([1, 6, 12, 13]);
    const days = (week: RaceWeek) => (week.endsAt.getTime() - week.startsAt.getTime()) / DAY;
    const lastWeeks = new Set(current.map(({ raceWeeks }) => raceWeeks[raceWeeks.length - 1]));
    expect(new Set(weeks.filter((week) => !lastWeeks.has(week)).map(days))).toEqual(new Set([7, 14]));
    // A last week ends at midnight after its last session: a weekend-only week's Monday is not part of it.
    expect(new Set([...lastWeeks].map((week) => days(week!)))).toEqual(new Set([6, 7, 13, 14]));
    const restrictions = weeks.flatMap((week) => week.carRestrictions);
    expect(restrictions.some((r) => !Number.isInteger(r.powerAdjustPct) && (r.powerAdjustPct ?? 0) < 0)).toBe(true);
    expect(restrictions.some((r) => (r.weightPenaltyKg ?? 0) < 0)).toBe(true);
    expect(restrictions.some((r) => r.maxPctFuelFill === 50.5)).toBe(true);
    expect(restrictions.some((r) => r.raceSetupId !== null)).toBe(true);
    expect(weeks.some((week) => (week.weather?.rainChancePct ?? 0) > 0)).toBe(true);
    expect(weeks.some((week) => week.cars.length === 1 && week.carClassIds.length === 1)).toBe(true);
    const descriptors = weeks.flatMap((week) => week.raceTimeDescriptors);
    expect(descriptors.some((d) => !d.repeating && d.superSession && d.sessionTimes.length === 3)).toBe(true);
    expect(descriptors.some((d) => d.repeating && d.dayOffsets?.join() === "4,5")).toBe(true);
    expect(new Set(descriptors.map((d) => (d.repeating ? d.repeatMinutes : null)))).toEqual(new Set([null, 30, 60, 120, 180, 480]));
    // The week's last session starts at its week_end_time, as in the real season 5935.
    const every2h = weeks.find((week) => week.raceTimeDescriptors[0]?.repeating && week.raceTimeDescriptors[0].repeatMinutes === 120 && week.raceTimeDescriptors[0].firstSessionTime === "00:15:00");
    expect(every2h?.weekEndTime?.toISOString().slice(11)).toBe("22:15:00.000Z");
  });

  it("serves the other season endpoints and the catalogue", async () => {
    const list = parseSeasonList(await client.data("season/list", token, { season_year: 2026, season_quarter: 1 }));
    expect(list.rejected).toEqual([]);
    expect(list.records.length).toBeGreaterThan(130);
    const seasonList = parseSeriesSeasonList(await client.data("series/season_list", token, { include_series: true }));
    expect(seasonList.rejected).toEqual([]);
    expect(seasonList.records.map((s) => s.seasonId).sort()).toEqual(list.records.map((s) => s.seasonId).sort());

    const [first] = list.records;
    const schedule = parseSeasonSchedule(await client.data("series/season_schedule", token, { season_id: first!.seasonId }));
    expect(schedule.rejected).toEqual([]);
    expect(schedule.seasonId).toBe(first!.seasonId);
    const past = parsePastSeasons(await client.data("series/past_seasons", token, { series_id: first!.seriesId }));
    expect(past.rejected).toEqual([]);
    expect(past.series.seriesId).toBe(first!.seriesId);
    expect(past.records.length).toBeGreaterThanOrEqual(2);
    expect(past.records[0]).toMatchObject({ seasonId: first!.seasonId, year: 2026, quarter: 1, active: true });
    expect(past.records[0]?.raceWeeks.map((w) => w.track.trackId)).toEqual(schedule.raceWeeks.map((w) => w.track.trackId));

    const cars = parseCars(await client.data("car/get", token));
    const classes = parseCarClasses(await client.data("carclass/get", token));
    const tracks = parseTrackConfigs(await client.data("track/get", token));
    const carAssets = parseCarAssets(await client.data("car/assets", token));
    const trackAssets = parseTrackAssets(await client.data("track/assets", token));
    for (const parsed of [cars, classes, tracks, carAssets, trackAssets]) expect(parsed.rejected).toEqual([]);
    expect(tracks.records.some((t) => t.configName === null)).toBe(true);
    // Every car and track a schedule names is in the catalogue.
    const seasons = parseSeriesSeasons(await client.data("series/seasons", token)).records;
    const weeks = seasons.flatMap(({ raceWeeks }) => raceWeeks);
    const carIds = new Set(cars.records.map((car) => car.carId));
    const trackIds = new Set(tracks.records.map((track) => track.trackId));
    expect(weeks.every((week) => trackIds.has(week.track.trackId))).toBe(true);
    expect(weeks.every((week) => week.carRestrictions.every((r) => carIds.has(r.carId)))).toBe(true);
    expect(classes.records.every((c) => c.cars.every((car) => carIds.has(car.carId)))).toBe(true);

    const map = trackAssets.records[0]!.mapLayers;
    expect(Object.keys(map)).toEqual(["background", "inactive", "active", "pitroad", "start-finish", "turns"]);
    const svg = await fetch(map.active!);
    expect(svg.headers.get("content-type")).toBe("image/svg+xml");
    expect(await svg.text()).toMatch(/^<svg /);

    // Constants come back directly, without a link.
    const categories = await client.call("constants/categories", token);
    expect(readDataAnswer(await categories.json()).kind).toBe("data");
    expect(parseConstants(await client.data("constants/divisions", token)).records).toContainEqual({ value: 10, label: "Rookie" });
  });

  it("lists in the race guide exactly the sessions the descriptors give, with entry counts", async () => {
    const from = new Date(Date.parse(NOW) + 2 * 60_000);
    const guide = parseRaceGuide(await client.data("season/race_guide", token, { from: from.toISOString() }));
    expect(guide.rejected).toEqual([]);
    expect(guide.sessions.length).toBeGreaterThan(50);
    expect(guide.sessions.some((s) => s.entryCount > 0)).toBe(true);
    const seasons = parseSeriesSeasons(await client.data("series/seasons", token)).records;
    const weeks: RaceWeek[] = seasons.flatMap(({ raceWeeks }) => raceWeeks);
    const blockStart = guide.blockBegin!.getTime() + 60_000;
    const computed = sessionsBetween(weeks, new Date(blockStart), new Date(blockStart + 3 * 3_600_000));
    const key = (s: { seasonId: number; raceWeekNum: number; startsAt: Date }) => `${s.seasonId}/${s.raceWeekNum}/${s.startsAt.toISOString()}`;
    expect(guide.sessions.map(key).sort()).toEqual(computed.map(key).sort());
  });

  it("answers with signed links that expire and refuse the Authorization header", async () => {
    const response = await client.call("series/get", token);
    const answer = readDataAnswer(await response.json());
    if (answer.kind !== "link") throw new Error("series/get should answer with a link");
    expect(answer.expires!.getTime() - Date.parse(NOW)).toBeGreaterThan(25_000);
    const withBearer = await fetch(answer.link, { headers: { Authorization: `Bearer ${token}` } });
    expect(withBearer.status).toBe(400);
    expect(await withBearer.text()).toContain("Only one auth mechanism allowed");
    const tampered = await fetch(answer.link.replace(/Signature=[^&]+/, "Signature=forged"));
    expect(tampered.status).toBe(403);
    expect((await fetch(answer.link)).status).toBe(200);
    await client.control("advance", { seconds: 31 });
    const expired = await fetch(answer.link);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain("Request has expired");
  });

  it("splits large results into chunks that concatenate to every row", async () => {
    const [season] = parseSeriesSeasons(await client.data("series/seasons", token)).records;
    const carClassId = season!.season.carClassIds[0]!;
    const body = await client.data("stats/season_driver_standings", token, { season_id: season!.season.seasonId, car_class_id: carClassId });
    const info = chunkInfo(body)!;
    expect(info.num_chunks).toBe(Math.ceil(info.rows / 500));
    expect(info.num_chunks).toBeGreaterThan(0);
    const rows: { rank: number }[] = [];
    for (const url of chunkUrls(info)) {
      const chunk = await fetch(url);
      expect(chunk.headers.get("content-type")).toBe("application/octet-stream");
      rows.push(...((await chunk.json()) as { rank: number }[]));
    }
    expect(rows).toHaveLength(info.rows);
    expect(rows.map((row) => row.rank)).toEqual(Array.from({ length: info.rows }, (_, i) => i + 1));
  });

  it("counts the rate limit down in x-ratelimit-* headers and answers 429 when it is spent", async () => {
    expect((await client.control("rate-limit", { limit: 3, windowSeconds: 60 })).status).toBe(200);
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i += 1) {
      const response = await client.call("constants/categories", token);
      expect(response.status).toBe(200);
      expect(response.headers.get("x-ratelimit-limit")).toBe("3");
      remaining.push(response.headers.get("x-ratelimit-remaining"));
    }
    expect(remaining).toEqual(["2", "1", "0"]);
    const limited = await client.call("constants/categories", token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    const reset = Number(limited.headers.get("x-ratelimit-reset"));
    expect(reset * 1000).toBeGreaterThan(Date.parse(NOW));
    expect(reset * 1000).toBeLessThanOrEqual(Date.parse(NOW) + 61_000 + 10_000);
    await client.control("advance", { seconds: 61 });
    const again = await client.call("constants/categories", token);
    expect(again.status).toBe(200);
    expect(again.headers.get("x-ratelimit-remaining")).toBe("2");
  });

  it("goes into maintenance on request", async () => {
    await client.control("maintenance", { on: true });
    const down = await client.call("series/get", token);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ error: "Site Maintenance" });
    await client.control("maintenance", { on: false });
    expect((await client.call("series/get", token)).status).toBe(200);
  });

  it("changes one season's schedule on request and leaves the others alone", async () => {
    const before = parseSeriesSeasons(await client.data("series/seasons", token)).records;
    const target = before[5]!.season.seasonId;
    const change = await client.control("change-schedule", { seasonId: target, raceWeekNum: 3 });
    expect(change).toMatchObject({ status: 200, body: { seasonId: target, raceWeekNum: 3, changes: 1 } });
    const after = parseSeriesSeasons(await client.data("series/seasons", token)).records;
    const hashes = (records: typeof before) => new Map(records.map(({ season, raceWeeks }) => [season.seasonId, scheduleHash(raceWeeks)]));
    const [old, now] = [hashes(before), hashes(after)];
    const changed = [...old.keys()].filter((seasonId) => old.get(seasonId) !== now.get(seasonId));
    expect(changed).toEqual([target]);
    const schedule = parseSeasonSchedule(await client.data("series/season_schedule", token, { season_id: target }));
    expect(scheduleHash(schedule.raceWeeks)).toBe(now.get(target));
    expect(schedule.raceWeeks[3]?.track.trackId).toBe(change.body.trackId);
    expect((await client.control("change-schedule", { seasonId: 1 })).status).toBe(400);
  });

  it("builds the world around the clock and replays a seed exactly", async () => {
    const first = JSON.stringify(await client.data("series/seasons", token));
    sim.reset(7);
    token = (await client.login()).accessToken;
    expect(JSON.stringify(await client.data("series/seasons", token))).toBe(first);

    await client.control("clock", { now: "2026-07-01T00:00:00Z" });
    token = (await client.login()).accessToken;
    const summer = parseSeriesSeasons(await client.data("series/seasons", token)).records;
    expect(new Set(summer.map(({ season }) => `${season.year} S${season.quarter}`))).toEqual(new Set(["2026 S3"]));
    const past = parseSeasonList(await client.data("season/list", token, { season_year: 2026, season_quarter: 1 }));
    expect(past.records.length).toBeGreaterThan(100);
  });

  it("refuses calls without a valid token, with missing parameters or to unknown endpoints", async () => {
    expect((await client.call("series/get", null)).status).toBe(401);
    expect((await client.call("series/get", "forged")).status).toBe(401);
    expect((await client.call("season/list", token)).status).toBe(400);
    expect((await client.call("series/season_schedule", token, { season_id: 1 })).status).toBe(404);
    expect((await client.call("series/nothing", token)).status).toBe(404);
  });
});
