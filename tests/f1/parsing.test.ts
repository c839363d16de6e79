import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { parseGap, parseInstant } from "@/lib/f1/openf1/fields";
import { OpenF1ShapeError, parseOpenF1, type OpenF1Endpoint } from "@/lib/f1/openf1/parse";
import { tokenResponse } from "@/lib/f1/openf1/schemas";

type Fixture = Record<OpenF1Endpoint | "token", unknown>;
let rows: Fixture;
const body = (endpoint: OpenF1Endpoint) => rows[endpoint];

beforeAll(async () => {
  rows = JSON.parse(await readFile(new URL("../fixtures/f1/openf1-rows.json", import.meta.url), "utf8")) as Fixture;
});

describe("OpenF1 values", () => {
  it.each([
    [41.019, { kind: "time", ms: 41_019 }],
    [0, { kind: "time", ms: 0 }],
    ["+1 LAP", { kind: "laps", laps: 1 }],
    ["+2 LAPS", { kind: "laps", laps: 2 }],
    ["+12 laps", { kind: "laps", laps: 12 }],
    ["0.22", { kind: "time", ms: 220 }],
    [null, null],
  ])("gap %j", (value, gap) => {
    expect(parseGap(value)).toEqual(gap);
  });

  it.each(["soon", "", "+ LAP", true, [1]])("%j is not a gap", (value) => {
    expect(parseGap(value)).toBeUndefined();
  });

  it("reads OpenF1 dates with microseconds, without fraction, and without zone as UTC", () => {
    expect(parseInstant("2025-12-07T13:04:59.577000+00:00")?.toISOString()).toBe("2025-12-07T13:04:59.577Z");
    expect(parseInstant("2025-12-07T12:20:00+00:00")?.toISOString()).toBe("2025-12-07T12:20:00.000Z");
    expect(parseInstant("2026-10-09T09:30:00+08:00")?.toISOString()).toBe("2026-10-09T01:30:00.000Z");
    expect(parseInstant("2023-09-16T13:03:35.200")?.toISOString()).toBe("2023-09-16T13:03:35.200Z");
    expect(parseInstant("2025-02-30T10:00:00")).toBeNull();
    expect(parseInstant("yesterday")).toBeNull();
  });
});

describe("OpenF1 rows", () => {
  it("reads laps, the untimed first lap of a race included, and skips a malformed one", () => {
    const laps = parseOpenF1("laps", body("laps"));
    expect(laps.malformed).toBe(1);
    expect(laps.issues[0]).toMatch(/laps\[2\] lap_number/);
    const [documented, first] = laps.records;
    expect(documented).toMatchObject({
      kind: "lap",
      sessionKey: 9161,
      driverNumber: 63,
      lapNumber: 8,
      startedAt: new Date("2023-09-16T13:59:07.606Z"),
      lapMs: 91_743,
      sectorMs: [26_966, 38_657, 26_120],
      intermediate1Kph: 307,
      intermediate2Kph: 277,
      speedTrapKph: 298,
      pitOutLap: false,
    });
    expect(documented?.miniSectors[0]).toEqual(["green", "green", "green", "purple", "green", "purple", "green", "green"]);
    expect(documented?.miniSectors[2].slice(4)).toEqual(["yellow", "pit", "pit", "pit"]);
    expect(first).toMatchObject({ lapNumber: 1, startedAt: null, lapMs: null, sectorMs: [null, 38_489, 32_363] });
  });

  it("reads gaps as time, laps down or null, and counts the rows it cannot read", () => {
    const intervals = parseOpenF1("intervals", body("intervals"));
    expect(intervals.records.map((interval) => [interval.driverNumber, interval.gapToLeader, interval.interval])).toEqual([
      [1, { kind: "time", ms: 41_019 }, { kind: "time", ms: 3 }],
      [10, { kind: "laps", laps: 1 }, { kind: "time", ms: 16_906 }],
      [30, null, { kind: "time", ms: 755 }],
      [1, { kind: "time", ms: 0 }, { kind: "time", ms: 0 }],
      [43, { kind: "laps", laps: 2 }, null],
    ]);
    expect(intervals.malformed).toBe(2);
    expect(intervals.issues.join(" ")).toMatch(/gap_to_leader: not a gap: "soon"/);
    expect(intervals.issues.join(" ")).toMatch(/date/);
  });

  it("drops OpenF1's 0,0,0 location placeholders without counting them as malformed", () => {
    const locations = parseOpenF1("location", body("location"));
    expect(locations.records.map((sample) => [sample.x, sample.y, sample.z])).toEqual([
      [567, 3195, 187],
      [489, 3403, 186],
    ]);
    expect(locations.dropped).toBe(1);
    expect(locations.malformed).toBe(1);
  });

  it("reads pit lane time from lane_duration, or the deprecated pit_duration of older data", () => {
    const pits = parseOpenF1("pit", body("pit"));
    expect(pits.records.map((pit) => [pit.driverNumber, pit.lapNumber, pit.laneMs, pit.stationaryMs])).toEqual([
      [16, 31, 22_215, 2_200],
      [81, 47, 22_159, 2_100],
      [27, 7, 21_600, null],
    ]);
  });

  it("reads stints with compound and tyre age, unknown compounds as UNKNOWN", () => {
    const stints = parseOpenF1("stints", body("stints"));
    expect(stints.records.map((stint) => [stint.driverNumber, stint.stintNumber, stint.compound, stint.lapStart, stint.lapEnd, stint.tyreAgeAtStart])).toEqual([
      [16, 1, "SOFT", 1, 20, 3],
      [20, 3, "SOFT", 44, 62, 3],
      [10, 3, "MEDIUM", 41, 57, 3],
      [99, 1, "UNKNOWN", 1, null, null],
    ]);
  });

  it("reads drivers, with their names still missing early in a session", () => {
    const drivers = parseOpenF1("drivers", body("drivers"));
    expect(drivers.records[0]).toEqual({
      kind: "driver",
      sessionKey: 9158,
      driverNumber: 1,
      acronym: "VER",
      broadcastName: "M VERSTAPPEN",
      fullName: "Max VERSTAPPEN",
      firstName: "Max",
      lastName: "Verstappen",
      teamName: "Red Bull Racing",
      teamColour: "#3671C6",
      headshotUrl: expect.stringMatching(/^https:\/\/www\.formula1\.com\//),
    });
    expect(drivers.records[1]).toMatchObject({ driverNumber: 43, acronym: null, fullName: null, teamColour: null });
    expect(drivers.malformed).toBe(1);
  });

  it("reads race control, weather, positions, car data, the grid, sessions and meetings", () => {
    const messages = parseOpenF1("race_control", body("race_control")).records;
    expect(messages[0]).toMatchObject({ category: "Flag", flag: "BLACK AND WHITE", scope: "Driver", driverNumber: 1, lapNumber: 59, sector: null });
    expect(messages[1]).toMatchObject({ flag: "DOUBLE YELLOW", scope: "Sector", sector: 14, at: new Date("2025-12-07T12:51:46Z") });

    const [weather] = parseOpenF1("weather", body("weather")).records;
    expect(weather).toMatchObject({ airTemperatureC: 27.8, trackTemperatureC: 52.5, humidityPct: 58, rainfall: false, windDirectionDeg: 136 });

    expect(parseOpenF1("position", body("position")).records.map((p) => p.position)).toEqual([2, 3]);
    const [telemetry] = parseOpenF1("car_data", body("car_data")).records;
    expect(telemetry).toMatchObject({ speedKph: 315, rpm: 11_141, gear: 8, throttlePct: 99, braking: false, drs: 12 });
    expect(parseOpenF1("starting_grid", body("starting_grid")).records[0]).toMatchObject({ position: 1, driverNumber: 1, qualifyingLapMs: 76_732 });

    const [session] = parseOpenF1("sessions", body("sessions")).records;
    expect(session).toMatchObject({ sessionKey: 9140, meetingKey: 1216, name: "Sprint Qualifying", type: "Sprint Qualifying", gmtOffset: "02:00:00" });
    expect(session?.startsAt.toISOString()).toBe("2023-07-29T15:05:00.000Z");
    const [meeting] = parseOpenF1("meetings", body("meetings")).records;
    expect(meeting).toMatchObject({ meetingKey: 1296, name: "Singapore Grand Prix", circuitType: "Temporary - Street", cancelled: false });
  });

  it("reads race results with laps down, and qualifying results as Q1/Q2/Q3", () => {
    const results = parseOpenF1("session_result", body("session_result"));
    expect(results.malformed).toBe(0);
    expect(results.records[1]).toMatchObject({ position: 2, durationMs: 77_727, gapToLeader: { kind: "time", ms: 162 } });
    expect(results.records[3]).toMatchObject({ driverNumber: 6, durationMs: null, gapToLeader: { kind: "laps", laps: 1 }, points: 0 });
    expect(results.records[4]).toMatchObject({
      durationMs: null,
      qualifyingMs: [85_100, 84_200, 83_400],
      qualifyingGaps: [
        { kind: "time", ms: 0 },
        { kind: "time", ms: 0 },
        { kind: "time", ms: 44 },
      ],
    });
  });

  it("takes OpenF1's no-results answer as no rows, and refuses any other body", () => {
    expect(parseOpenF1("position", { detail: "No results found." }).records).toEqual([]);
    expect(() => parseOpenF1("position", { detail: "Session in progress" })).toThrow(OpenF1ShapeError);
    expect(() => parseOpenF1("laps", "<html>")).toThrow(/laps answered string/);
  });
});

describe("token", () => {
  it("reads expires_in as a string of seconds", () => {
    expect(tokenResponse.parse(rows.token)).toEqual({ accessToken: "YOUR_ACCESS_TOKEN", tokenType: "bearer", lifetimeMs: 3_600_000 });
  });

  it("refuses an expiry that is not whole seconds", () => {
    expect(tokenResponse.safeParse({ access_token: "a", token_type: "bearer", expires_in: "an hour" }).success).toBe(false);
  });
});
