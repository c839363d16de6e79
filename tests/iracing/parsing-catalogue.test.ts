import { describe, expect, it } from "vitest";
import { chunkInfo, chunkUrls, readDataAnswer } from "@/lib/iracing/links";
import { parseCarAssets, parseCarClasses, parseCars, parseConstants } from "@/lib/iracing/parse/catalogue";
import { parseRaceGuide } from "@/lib/iracing/parse/race-guide";
import { parsePastSeasons, parseSeasonList, parseSeriesSeasonList } from "@/lib/iracing/parse/seasons";
import { parseSeriesAssets, parseSeriesList } from "@/lib/iracing/parse/series";
import { groupTracks, parseTrackAssets, parseTrackConfigs } from "@/lib/iracing/parse/tracks";
import { parseTokenResponse } from "@/lib/iracing/token";
import { fixture } from "./fixtures";

describe("series", () => {
  it("reads series/get (a bare array) with categories and licence classes", async () => {
    const { records, rejected } = parseSeriesList(await fixture("series-get.json"));
    expect(rejected).toEqual([]);
    expect(records.map((s) => [s.seriesId, s.name, s.category, s.categoryId, s.minLicenceGroup, s.eligible])).toEqual([
      [514, "Toyota GR86 Cup by SIMAGIC", "sports_car", 5, 1, true],
      [259, "NASCAR Pickup Cup", "oval", 1, 1, true],
      [515, "DIRTcar 360 Sprint Car Series - Fixed", "dirt_oval", 3, 2, false],
    ]);
    expect(records[0]).toMatchObject({ minStarters: 6, maxStarters: 20, firstSeason: { year: 2023, quarter: 1 }, searchFilters: null });
    expect(records[0]?.allowedLicences[0]).toEqual({ group: 1, groupName: "Rookie", minLevel: 4, maxLevel: 4 });
    expect(records[1]?.searchFilters).toBe("nascar,oval");
  });

  it("rejects malformed and repeated series, keeps the rest", () => {
    const { records, rejected } = parseSeriesList([
      { series_id: 1, series_name: "Good", category_id: 6 },
      { series_id: "2", series_name: "Id as text", category_id: 2 },
      { series_id: 3, series_name: "  ", category_id: 2 },
      { series_id: 1, series_name: "Again", category_id: 2 },
      { series_id: 4, series_name: "No category" },
    ]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ seriesId: 1, category: "formula_car", shortName: "Good", allowedLicences: [], minLicenceGroup: null });
    expect(rejected.map((r) => r.index)).toEqual([1, 2, 3, 4]);
    expect(rejected[2]?.reason).toBe("series 1 is listed twice");
    expect(rejected[3]?.reason).toMatch(/^category_id: /);
  });

  it("reads series/assets keyed by series id strings", () => {
    const { records, rejected } = parseSeriesAssets({
      "514": { series_id: 514, logo: "seriesid_514.png", large_image: null, small_image: null, series_copy: "The GR86 ..." },
      "259": { logo: "", series_copy: null },
      abc: { logo: "x.png" },
    });
    // Integer-like keys iterate in numeric order.
    expect(records).toEqual([
      { seriesId: 259, logoUrl: null, largeImageUrl: null, smallImageUrl: null, copy: null },
      { seriesId: 514, logoUrl: "https://images-static.iracing.com/img/logos/series/seriesid_514.png", largeImageUrl: null, smallImageUrl: null, copy: "The GR86 ..." },
    ]);
    expect(rejected).toEqual([{ index: 2, reason: 'abc: no series id (key "abc")' }]);
  });
});

describe("seasons", () => {
  it("reads series/past_seasons with each week's track", async () => {
    const { series, records, rejected } = parsePastSeasons(await fixture("series-past-seasons-139.json"));
    expect(rejected).toEqual([]);
    expect(series).toMatchObject({
      seriesId: 139,
      name: "Global Mazda MX-5 Cup by Fanatec",
      category: "sports_car",
      licenceGroup: 1,
      official: true,
      fixedSetup: true,
      logoUrl: "https://images-static.iracing.com/img/logos/series/seriesid_139.png",
    });
    expect(series.allowedLicences).toHaveLength(7);
    expect(records.map((s) => [s.seasonId, s.year, s.quarter, s.active])).toEqual([
      [5893, 2026, 1, true],
      [5727, 2025, 4, false],
    ]);
    expect(records[0]?.carClasses).toEqual([{ carClassId: 74, name: "Mazda MX-5 Cup 2016", shortName: "MX5 Cup 2016", relativeSpeed: 35 }]);
    expect(records[0]?.raceWeeks).toEqual([
      { raceWeekNum: 5, track: { trackId: 324, trackName: "Tsukuba Circuit", configName: "2000 Full", category: null, categoryId: null } },
      { raceWeekNum: 6, track: { trackId: 489, trackName: "Circuit de Lédenon", configName: null, category: null, categoryId: null } },
      { raceWeekNum: 8, track: { trackId: 554, trackName: "Charlotte Motor Speedway", configName: "Roval 2025", category: null, categoryId: null } },
    ]);
  });

  it("reads season/list", async () => {
    const { year, quarter, records, rejected } = parseSeasonList(await fixture("season-list-2025q4.json"));
    expect(rejected).toEqual([]);
    expect([year, quarter]).toEqual([2025, 4]);
    expect(records[0]).toEqual({
      seasonId: 6052,
      seriesId: 295,
      name: "13th Week Battle of the Little Wings - 2025 Season 4",
      seriesName: "13th Week - Battle of the Little Wings",
      year: 2025,
      quarter: 4,
      official: false,
      fixedSetup: false,
      licenceGroup: 1,
      driverChanges: false,
      rookieSeason: null,
    });
    expect(records.map((s) => s.fixedSetup)).toEqual([false, false, true]);
  });

  it("reads series/season_list (seasons without their weeks)", async () => {
    const [season] = (await fixture("series-seasons-2022s1.json")) as Record<string, unknown>[];
    const { records, rejected } = parseSeriesSeasonList({ seasons: [{ ...season, schedules: undefined, current_week_sched: { race_week_num: 3 } }, { season_id: 1 }] });
    expect(records.map((s) => [s.seasonId, s.name])).toEqual([[3492, "Radical Racing Challenge- 2022 Season 1 - Fixed"]]);
    expect(rejected.map((r) => r.index)).toEqual([1]);
  });
});

describe("race guide", () => {
  it("reads sessions with entry counts", async () => {
    const guide = parseRaceGuide(await fixture("season-race-guide.json"));
    expect(guide.rejected).toEqual([]);
    expect(guide.blockBegin).toEqual(new Date("2026-01-01T10:59:00Z"));
    expect(guide.blockEnd).toEqual(new Date("2026-01-01T13:59:00Z"));
    expect(guide.sessions[0]).toEqual({
      seasonId: 5893,
      seriesId: 139,
      raceWeekNum: 2,
      sessionId: 296272764,
      startsAt: new Date("2026-01-01T11:00:00Z"),
      endsAt: new Date("2026-01-01T11:26:00Z"),
      entryCount: 221,
      superSession: false,
    });
    expect(guide.sessions.map((s) => s.entryCount)).toEqual([221, 41, 32]);
  });

  it("rejects a session without a start or with a negative entry count", () => {
    const guide = parseRaceGuide({
      sessions: [
        { season_id: 1, series_id: 2, race_week_num: 0, start_time: "2026-01-01T11:00:00Z", entry_count: 3 },
        { season_id: 1, series_id: 2, race_week_num: 0, entry_count: 3 },
        { season_id: 1, series_id: 2, race_week_num: 0, start_time: "2026-01-01T11:00:00Z", entry_count: -1 },
        { season_id: 1, series_id: 2, race_week_num: 0, start_time: "2026-01-01T11:00:00Z", end_time: "2026-01-01T10:00:00Z", entry_count: 1 },
      ],
    });
    expect(guide.sessions).toHaveLength(1);
    expect(guide.sessions[0]).toMatchObject({ sessionId: null, endsAt: null, superSession: false });
    expect(guide.rejected.map((r) => r.index)).toEqual([1, 2, 3]);
  });
});

describe("catalogue", () => {
  it("reads carclass/get with the cars of each class", async () => {
    const { records, rejected } = parseCarClasses(await fixture("carclass-get.json"));
    expect(rejected).toEqual([]);
    expect(records.map((c) => [c.carClassId, c.shortName, c.relativeSpeed, c.cars.map((car) => car.carId)])).toEqual([
      [2, "SK Modified", 51, [2]],
      [4029, "GTP", 179, [174, 159, 196, 168, 170]],
    ]);
    expect(records[1]?.cars[0]).toEqual({ carId: 174, dirPath: "porsche963gtp", retired: false, rainEnabled: true });
  });

  it("reads car/get with the limits of balance of performance and image URLs", async () => {
    const { records, rejected } = parseCars(await fixture("car-get.json"));
    expect(rejected).toEqual([]);
    expect(records[0]).toMatchObject({
      carId: 1,
      name: "Skip Barber Formula 2000",
      abbreviation: "SBRS",
      categories: ["formula_car"],
      carTypes: ["openwheel", "road", "rt2000", "sbrs", "skippy"],
      horsepower: 132,
      weightLbs: 1250,
      free: false,
      price: 11.95,
      packageId: 15,
      minPowerAdjustPct: -5,
      maxPowerAdjustPct: 0,
      maxWeightPenaltyKg: 250,
      logoUrl: "https://images-static.iracing.com/img/logos/partners/skipbarber-logo.png",
      smallImageUrl: "https://images-static.iracing.com/img/cars/skipbarberformula2000/skipbarberformula2000-small.jpg",
      firstSale: new Date("2008-02-03T00:00:00Z"),
    });
    expect(records[1]).toMatchObject({ carId: 2, make: "Modified", model: "SK" });
  });

  it("reads car/assets keyed by car id", () => {
    const { records } = parseCarAssets({ "1": { car_id: 1, folder: "/img/cars/skipbarberformula2000", small_image: "skipbarberformula2000-small.jpg", logo: null } });
    expect(records).toEqual([
      {
        carId: 1,
        logoUrl: null,
        smallImageUrl: "https://images-static.iracing.com/img/cars/skipbarberformula2000/skipbarberformula2000-small.jpg",
        largeImageUrl: null,
        groupName: null,
        detailCopy: null,
        techSpecs: null,
      },
    ]);
  });

  it("reads track/get (one row per configuration) and groups configurations into tracks", async () => {
    const { records, rejected } = parseTrackConfigs(await fixture("track-get.json"));
    expect(rejected).toEqual([]);
    expect(records.map((t) => [t.trackId, t.trackName, t.configName, t.packageId, t.retired])).toEqual([
      [1, "[Retired] Lime Rock Park - 2008", "[Retired] Full Course", 9, true],
      [2, "[Retired] Virginia International Raceway", "[Retired] Full Course", 14, true],
      [268, "Circuit des 24 Heures du Mans", "24 Heures du Mans", 204, false],
    ]);
    expect(records[2]).toMatchObject({ lengthMiles: 8.469, corners: 38, timeZone: "Europe/Paris", nominalLapSeconds: 252.08228, nightLighting: true, trackTypes: ["road"] });
    const tracks = groupTracks([...records, { ...records[2]!, trackId: 999, configName: "Mulsanne", retired: false }]);
    expect(tracks.map((t) => [t.trackKey, t.name, t.retired, t.configs.map((c) => c.trackId)])).toEqual([
      [9, "[Retired] Lime Rock Park - 2008", true, [1]],
      [14, "[Retired] Virginia International Raceway", true, [2]],
      [204, "Circuit des 24 Heures du Mans", false, [268, 999]],
    ]);
  });

  it("reads track/assets with the SVG map layers as URLs", async () => {
    const { records, rejected } = parseTrackAssets(await fixture("track-assets.json"));
    expect(rejected).toEqual([]);
    const [limeRock] = records;
    expect(limeRock?.trackId).toBe(1);
    expect(limeRock?.mapLayers).toEqual({
      background: "https://members-assets.iracing.com/public/track-maps/tracks_limerock/1-limerock-full/background.svg",
      inactive: "https://members-assets.iracing.com/public/track-maps/tracks_limerock/1-limerock-full/inactive.svg",
      active: "https://members-assets.iracing.com/public/track-maps/tracks_limerock/1-limerock-full/active.svg",
      pitroad: "https://members-assets.iracing.com/public/track-maps/tracks_limerock/1-limerock-full/pitroad.svg",
      "start-finish": "https://members-assets.iracing.com/public/track-maps/tracks_limerock/1-limerock-full/start-finish.svg",
      turns: "https://members-assets.iracing.com/public/track-maps/tracks_limerock/1-limerock-full/turns.svg",
    });
    expect(limeRock?.coordinates).toEqual({ latitude: 41.9282105, longitude: -73.3839642 });
    expect(limeRock?.largeImageUrl).toBe("https://images-static.iracing.com/img/tracks/limerockpark/limerockpark-large.jpg");
  });

  it("reads the constants", () => {
    const { records, rejected } = parseConstants([
      { label: "Oval", value: 1 },
      { label: "Division 1", value: 0 },
      { label: "", value: 2 },
    ]);
    expect(records).toEqual([
      { value: 1, label: "Oval" },
      { value: 0, label: "Division 1" },
    ]);
    expect(rejected.map((r) => r.index)).toEqual([2]);
  });
});

describe("envelopes", () => {
  it("tells a signed link from data returned directly", async () => {
    const { content } = (await fixture("link-envelope-series-seasons.json")) as { content: unknown };
    expect(readDataAnswer(content)).toEqual({
      kind: "link",
      link: expect.stringMatching(/^https:\/\/scorpio-assets\.s3\.amazonaws\.com\/production\/data-server\/cache\/data-services\/series\/seasons\//),
      expires: new Date("2022-08-27T11:23:19.507Z"),
    });
    expect(readDataAnswer([{ label: "Oval", value: 1 }])).toEqual({ kind: "data", data: [{ label: "Oval", value: 1 }] });
  });

  it("lists the chunks of a chunked body in order", async () => {
    const body = await fixture("chunk-info-season-qualify-results.json");
    const info = chunkInfo(body);
    expect(info).toMatchObject({ chunk_size: 500, num_chunks: 7, rows: 3078 });
    const urls = chunkUrls(info!);
    expect(urls).toHaveLength(7);
    expect(urls[0]).toBe("https://dqfp1ltauszrc.cloudfront.net/public/standings/season/3587/season-driver/71/0/6b80dc340e9a5fc4f04988e0c98987ca3e794eb80eefe21bad06412b3b699f12.json");
    expect(chunkInfo({ chunk_info: null })).toBeNull();
    expect(chunkInfo([1, 2])).toBeNull();
    expect(() => chunkInfo({ chunk_info: { rows: 3 } })).toThrow(/chunk_info has an unexpected shape/);
  });

  it("reads the token response into expiry instants", async () => {
    const receivedAt = new Date("2025-09-13T01:00:00Z");
    expect(parseTokenResponse(await fixture("oauth-token-response.json"), receivedAt)).toEqual({
      accessToken: "fake_access_token",
      accessTokenExpiresAt: new Date("2025-09-13T01:10:00Z"),
      refreshToken: "fake_refresh_token",
      refreshTokenExpiresAt: new Date("2025-09-13T02:00:00Z"),
      scope: "iracing.auth",
    });
    expect(() => parseTokenResponse({ access_token: "x", token_type: "MAC", expires_in: 600 }, receivedAt)).toThrow(/Bearer/);
  });
});
