import { describe, expect, it } from "vitest";
import { parseSeasonSchedule, parseRaceWeeks } from "@/lib/iracing/parse/schedule";
import { parseSeriesSeasons } from "@/lib/iracing/parse/seasons";
import type { Rejected } from "@/lib/iracing/records";
import { scheduleHash } from "@/lib/iracing/schedule-hash";
import { fixture } from "./fixtures";

describe("season 5935 (series/season_schedule, real)", () => {
  it("reads the 12 race weeks with tracks, lengths and descriptors", async () => {
    const { seasonId, raceWeeks, rejected } = parseSeasonSchedule(await fixture("series-season-schedule-5935.json"));
    expect(rejected).toEqual([]);
    expect(seasonId).toBe(5935);
    expect(raceWeeks.map((week) => week.raceWeekNum)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const [first] = raceWeeks;
    expect(first).toMatchObject({
      seasonId: 5935,
      seriesId: 447,
      startDate: "2025-12-16",
      startsAt: new Date("2025-12-16T00:00:00Z"),
      weekEndTime: new Date("2025-12-22T22:45:00Z"),
      endsAt: new Date("2025-12-23T00:00:00Z"),
      track: { trackId: 572, trackName: "Autódromo Hermanos Rodríguez", configName: "Grand Prix", category: "road", categoryId: 2 },
      category: "sports_car",
      raceLapLimit: null,
      raceTimeLimitMinutes: 45,
      practiceMinutes: 3,
      qualifyMinutes: 8,
      qualifyingAttached: true,
      startType: "Rolling",
      specialEventType: null,
      cars: [],
      carClassIds: [],
    });
    expect(first?.raceTimeDescriptors).toEqual([
      {
        repeating: true,
        superSession: false,
        sessionMinutes: 59,
        startDate: "2025-12-16",
        firstSessionTime: "00:45:00",
        repeatMinutes: 120,
        dayOffsets: [0, 1, 2, 3, 4, 5, 6],
        endOffsetMinutes: null,
      },
    ]);
    const last = raceWeeks[11];
    expect(last).toMatchObject({ startDate: "2026-03-03", weekEndTime: new Date("2026-03-09T22:45:00Z"), track: { trackName: "Miami International Autodrome" } });
  });

  it("keeps decimal and negative balance of performance", async () => {
    const { raceWeeks } = parseSeasonSchedule(await fixture("series-season-schedule-5935.json"));
    expect(raceWeeks[0]?.carRestrictions).toEqual([
      { seasonId: 5935, raceWeekNum: 0, carId: 128, powerAdjustPct: 0, weightPenaltyKg: 0, maxPctFuelFill: 80, maxDryTireSets: 0, raceSetupId: null, qualifyingSetupId: null },
      { seasonId: 5935, raceWeekNum: 0, carId: 132, powerAdjustPct: -1.25, weightPenaltyKg: -1, maxPctFuelFill: 50.5, maxDryTireSets: 0, raceSetupId: null, qualifyingSetupId: null },
    ]);
  });

  it("reads the weather forecast and its rain chance", async () => {
    const { raceWeeks } = parseSeasonSchedule(await fixture("series-season-schedule-5935.json"));
    expect(raceWeeks.map((week) => week.weather?.rainChancePct)).toEqual([0, 48, 0, 0, 0, 34, 0, 0, 0, 0, 31, 0]);
    expect(raceWeeks[0]?.weather).toMatchObject({
      temperatureLow: 21.3,
      temperatureHigh: 22.2,
      temperatureUnits: 1,
      windLow: 8,
      windHigh: 10.9,
      maxPrecipRateDescription: "None",
      forecastType: 1,
      relativeHumidity: 42,
      ambientTemperature: 70,
      ambientTemperatureUnits: 0,
      simulatedStartTime: "2025-12-20T12:00:00",
      simulatedStartUtc: null,
      legacyType: null,
    });
    // Signed URLs expire: they are not part of the record.
    expect(JSON.stringify(raceWeeks)).not.toContain("X-Amz");
  });
});

describe("series/seasons", () => {
  it("reads the 2022 shape: no descriptors, race_setup_id, the old weather", async () => {
    const { records, rejected } = parseSeriesSeasons(await fixture("series-seasons-2022s1.json"));
    expect(rejected).toEqual([]);
    expect(records).toHaveLength(1);
    const [{ season, raceWeeks }] = records as [(typeof records)[0]];
    expect(season).toMatchObject({
      seasonId: 3492,
      seriesId: 74,
      name: "Radical Racing Challenge- 2022 Season 1 - Fixed",
      shortName: "2022 Season 1",
      year: 2022,
      quarter: 1,
      official: true,
      fixedSetup: true,
      licenceGroup: 3,
      carClassIds: [15],
      maxWeeks: 12,
      drops: 4,
      incidentLimit: 25,
      scheduleDescription: "Races every odd 2 hours on the hour",
      startsAt: new Date("2021-12-14T00:00:00Z"),
      carTypes: ["prototype", "road"],
      trackTypes: ["road"],
    });
    expect(raceWeeks.map((week) => week.raceWeekNum)).toEqual([0, 11]);
    const [first, last] = raceWeeks;
    expect(first?.raceTimeDescriptors).toEqual([]);
    expect(first?.weekEndTime).toBeNull();
    expect(first?.track).toEqual({ trackId: 413, trackName: "Hungaroring", configName: null, category: "road", categoryId: 2 });
    expect(first?.raceLapLimit).toBe(14);
    expect(first?.carRestrictions[0]).toMatchObject({ carId: 13, raceSetupId: 151976, maxPctFuelFill: 50 });
    expect(first?.weather).toMatchObject({ legacyType: 3, ambientTemperature: 78, ambientTemperatureUnits: 0, temperatureUnits: null, relativeHumidity: 55, rainChancePct: null, simulatedStartUtc: new Date("2022-04-01T06:25:00Z") });
    // Without week_end_time a week ends at the next one's start, 7 days at most (weeks 1-10 are missing here).
    expect(first?.endsAt).toEqual(new Date("2021-12-21T00:00:00Z"));
    expect(last?.endsAt).toEqual(new Date("2022-03-08T00:00:00Z"));
    expect(last?.track.configName).toBe("Industriefahrten");
  });

  it("reads a season without include_series", async () => {
    const { records, rejected } = parseSeriesSeasons(await fixture("series-seasons-no-include-series-2022.json"));
    expect(rejected).toEqual([]);
    expect(records[0]?.season).toMatchObject({ seasonId: 3587, seriesId: 47, licenceGroup: 3, fixedSetup: false, maxWeeks: 38 });
    expect(records[0]?.raceWeeks.map((week) => [week.raceWeekNum, week.track.trackName, week.carRestrictions.length])).toEqual([
      [0, "Daytona International Speedway", 3],
      [1, "Auto Club Speedway", 3],
    ]);
    expect(records[0]?.raceWeeks[0]?.endsAt).toEqual(new Date("2022-02-22T00:00:00Z"));
  });

  it("reads the newer fields: rotating cars, set session times, end offsets, setups", () => {
    const { records, rejected } = parseSeriesSeasons([season(7001, [newerWeek])]);
    expect(rejected).toEqual([]);
    const week = records[0]?.raceWeeks[0];
    expect(week?.cars).toEqual([
      { seasonId: 7001, raceWeekNum: 0, carId: 67, carName: "Global Mazda MX-5 Cup", carNameAbbreviated: "MX5" },
      { seasonId: 7001, raceWeekNum: 0, carId: 160, carName: "Toyota GR86", carNameAbbreviated: null },
    ]);
    expect(week?.carClassIds).toEqual([74, 4011]);
    expect(week?.specialEventType).toBe(2);
    expect(week?.carRestrictions[0]).toMatchObject({ raceSetupId: 265755, qualifyingSetupId: 263880, powerAdjustPct: -1.75, weightPenaltyKg: 5 });
    expect(week?.raceTimeDescriptors).toEqual([
      { repeating: false, superSession: true, sessionMinutes: 1440, sessionTimes: ["2026-03-07T14:00:00.000Z", "2026-03-08T02:00:00.000Z"] },
      {
        repeating: true,
        superSession: false,
        sessionMinutes: 40,
        startDate: "2026-03-03",
        firstSessionTime: "18:00:00",
        repeatMinutes: 180,
        dayOffsets: [4, 5],
        endOffsetMinutes: 1260,
      },
    ]);
  });
});

describe("rejections", () => {
  it("counts and skips malformed seasons, weeks, descriptors, restrictions and weather with a reason", () => {
    const weeks = [
      { ...newerWeek, race_week_num: 0 },
      { ...newerWeek, race_week_num: 1, track: { track_name: "No id" } },
      { ...newerWeek, race_week_num: 0 },
      {
        ...newerWeek,
        race_week_num: 2,
        race_time_descriptors: [{ repeating: true, start_date: "2026-03-17", day_offset: [0] }, { repeating: false, session_times: [] }, { repeating: false, session_times: ["soon"] }],
        car_restrictions: [{ car_id: 67, power_adjust_pct: "-1" }, { max_pct_fuel_fill: 50 }, { car_id: 160 }, { car_id: 160 }],
        weather: { weather_summary: { precip_chance: "high" } },
      },
      { ...newerWeek, race_week_num: 3, start_date: "2026-02-30" },
    ];
    const { records, rejected } = parseSeriesSeasons([season(7001, weeks), { season_id: 7002 }, season(7001, []), null]);
    expect(records.map((record) => record.season.seasonId)).toEqual([7001]);
    const weekNums = records[0]?.raceWeeks.map((week) => week.raceWeekNum);
    expect(weekNums).toEqual([0, 2]);
    const week2 = records[0]?.raceWeeks[1];
    expect(week2?.raceTimeDescriptors).toEqual([]);
    expect(week2?.carRestrictions.map((restriction) => restriction.carId)).toEqual([160]);
    expect(week2?.weather).toBeNull();
    const reasons = rejected.map((r: Rejected) => `${r.index} ${r.reason}`);
    expect(reasons).toEqual([
      expect.stringMatching(/^1 season 7001, schedules: track\.track_id: /),
      "2 season 7001, schedules: race week 0 of season 7001 is listed twice",
      "0 season 7001, race week 2, race_time_descriptors: first_session_time: a repeating descriptor needs first_session_time",
      "1 season 7001, race week 2, race_time_descriptors: session_times: a non-repeating descriptor needs session_times",
      expect.stringMatching(/^2 season 7001, race week 2, race_time_descriptors: session_times\.0: not an ISO date-time: "soon"/),
      expect.stringMatching(/^0 season 7001, race week 2, car_restrictions: power_adjust_pct: /),
      expect.stringMatching(/^1 season 7001, race week 2, car_restrictions: car_id: /),
      "3 season 7001, race week 2, car_restrictions: car 160 is restricted twice",
      expect.stringMatching(/^3 season 7001, race week 2, weather: weather_summary\.precip_chance: /),
      '4 season 7001, schedules: start_date: not a day (YYYY-MM-DD): "2026-02-30"',
      expect.stringMatching(/^1 series_id: /),
      "2 season 7001 is listed twice",
      expect.stringMatching(/^3 \(item\): /),
    ]);
  });

  it("refuses a body of another shape with a clear message", () => {
    expect(() => parseSeasonSchedule({ schedules: [] })).toThrow(/series\/season_schedule has an unexpected shape: season_id/);
    expect(() => parseSeriesSeasons({ link: "https://example.com" })).toThrow(/series\/seasons has an unexpected shape/);
  });
});

describe("schedule hash", () => {
  it("is stable under reordering and changes with the schedule", async () => {
    const { raceWeeks } = parseSeasonSchedule(await fixture("series-season-schedule-5935.json"));
    const hash = scheduleHash(raceWeeks);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const shuffled = [...raceWeeks].reverse().map((week) => ({ ...week, carRestrictions: [...week.carRestrictions].reverse() }));
    expect(scheduleHash(shuffled)).toBe(hash);
    const reparsed = parseSeasonSchedule(await fixture("series-season-schedule-5935.json")).raceWeeks;
    expect(scheduleHash(reparsed)).toBe(hash);

    const rebalanced = raceWeeks.map((week) =>
      week.raceWeekNum === 4 ? { ...week, carRestrictions: week.carRestrictions.map((r) => ({ ...r, powerAdjustPct: -0.5 })) } : week,
    );
    expect(scheduleHash(rebalanced)).not.toBe(hash);
    const moved = raceWeeks.map((week) => (week.raceWeekNum === 7 ? { ...week, track: { ...week.track, trackId: 1 } } : week));
    expect(scheduleHash(moved)).not.toBe(hash);
  });

  it("is the same for weeks parsed from series/seasons and from series/season_schedule", async () => {
    const body = (await fixture("series-season-schedule-5935.json")) as { schedules: unknown[] };
    const rejected: Rejected[] = [];
    const fromSeasons = parseRaceWeeks(body.schedules, rejected);
    expect(scheduleHash(fromSeasons)).toBe(scheduleHash(parseSeasonSchedule(body).raceWeeks));
  });
});

/** A week in the newest shape, with the fields the fixtures do not show. */
const newerWeek = {
  season_id: 7001,
  race_week_num: 0,
  series_id: 700,
  start_date: "2026-03-03",
  week_end_time: "2026-03-09T21:00:00Z",
  track: { track_id: 47, track_name: "WeatherTech Raceway at Laguna Seca", config_name: "Full Course", category: "road", category_id: 2 },
  race_lap_limit: null,
  race_time_limit: 40,
  special_event_type: 2,
  race_week_cars: [
    { car_id: 67, car_name: "Global Mazda MX-5 Cup", car_name_abbreviated: "MX5" },
    { car_id: 160, car_name: "Toyota GR86" },
  ],
  race_week_car_class_ids: [74, 4011],
  car_restrictions: [{ car_id: 67, max_dry_tire_sets: 0, max_pct_fuel_fill: 100, power_adjust_pct: -1.75, weight_penalty_kg: 5, race_setup_id: 265755, qual_setup_id: 263880 }],
  race_time_descriptors: [
    { repeating: false, super_session: true, session_minutes: 1440, session_times: ["2026-03-08T02:00:00Z", "2026-03-07T14:00:00Z"] },
    { repeating: true, super_session: false, session_minutes: 40, start_date: "2026-03-03", first_session_time: "18:00:00", repeat_minutes: 180, day_offset: [5, 4], end_offset_minutes: 1260 },
  ],
  weather: null,
};

function season(seasonId: number, schedules: unknown[]) {
  return {
    season_id: seasonId,
    series_id: 700,
    season_name: `Rotating Cup - 2026 Season 1 (${seasonId})`,
    season_year: 2026,
    season_quarter: 1,
    official: true,
    fixed_setup: true,
    license_group: 1,
    schedules,
  };
}
