import { describe, expect, it } from "vitest";
import type { LapRecord } from "@/lib/endurance/records";
import { parseAnalysis, SourceFormatError } from "@/lib/endurance/sources";
import { fixtureBytes, raceTime } from "./support";

const lap = (laps: LapRecord[], car: string, number: number) => {
  const found = laps.find((candidate) => candidate.car === car && candidate.lap === number);
  if (!found) throw new Error(`no lap ${number} of car ${car}`);
  return found;
};

// Spa 2025, car 007 lap 1, as the real file has it: the base of the hand-made variants below.
const SPA_HEADER =
  "NUMBER; DRIVER_NUMBER; LAP_NUMBER; LAP_TIME; LAP_IMPROVEMENT; CROSSING_FINISH_LINE_IN_PIT; S1; S1_IMPROVEMENT; S2; S2_IMPROVEMENT; S3; S3_IMPROVEMENT; KPH; ELAPSED; HOUR;S1_LARGE;S2_LARGE;S3_LARGE;TOP_SPEED;DRIVER_NAME;PIT_TIME;CLASS;GROUP;TEAM;MANUFACTURER;FLAG_AT_FL;S1_SECONDS;S2_SECONDS;S3_SECONDS;";
const SPA_ROW =
  "007;1;1;2:12.381;0;;37.526;0;1:02.835;0;32.020;0;187.1;2:12.381;14:03:04.538;0:37.526;1:02.835;0:32.020;244.6;Harry TINCKNELL;;HYPERCAR;;Aston Martin Thor Team;Aston Martin;GF;37.526;62.835;32.020;";
const spaRow = (changes: Record<number, string>) =>
  SPA_ROW.split(";")
    .map((field, i) => changes[i] ?? field)
    .join(";");

describe("Al Kamel analysis, 29-field WEC layout (Le Mans 2024, BOM, CRLF, trailing ;)", () => {
  const batch = parseAnalysis(fixtureBytes("wec2024_lemans24h_analysis.excerpt.CSV"));

  it("reads every row of the excerpt and rejects none", () => {
    expect(batch.laps).toHaveLength(19);
    expect(batch.rejected).toEqual([]);
  });

  it("reads a lap with every field", () => {
    expect(lap(batch.laps, "10", 1)).toEqual({
      car: "10",
      lap: 1,
      driverNumber: 2,
      driver: "Patrick PILET",
      lapTimeMs: raceTime(0, 3, 53, 276),
      sectorsMs: [45_985, 86_214, 101_077],
      kph: 208.1,
      topSpeedKph: 316.3,
      elapsedMs: raceTime(0, 3, 53, 276),
      timeOfDayMs: raceTime(16, 4, 19, 878),
      improvement: 0,
      inLap: false,
      outLap: false,
      pitTimeMs: null,
      flag: "green",
      flagCode: "GF",
      carClass: "LMP2",
      group: null,
      team: "Vector Sport",
      manufacturer: "Oreca",
    });
  });

  it("marks the in-lap and puts the pit time on the out-lap", () => {
    expect(lap(batch.laps, "10", 9)).toMatchObject({ inLap: true, pitTimeMs: null });
    expect(lap(batch.laps, "10", 10)).toMatchObject({ inLap: false, outLap: true, pitTimeMs: raceTime(0, 1, 27, 261) });
    expect(batch.pits).toContainEqual({ car: "10", inLap: 9, outLap: 10, pitLaneMs: raceTime(0, 1, 27, 261), atMs: raceTime(0, 33, 19, 161) });
  });

  it("reads flags, race times past 24 h, a 17-hour lap and HOUR past midnight", () => {
    expect(lap(batch.laps, "11", 101)).toMatchObject({ flag: "safety-car", flagCode: "SF", group: "H", pitTimeMs: 32_179 });
    expect(lap(batch.laps, "10", 93)).toMatchObject({ flag: "fcy", driver: "Stéphane RICHELMI", driverNumber: 3 });
    expect(lap(batch.laps, "10", 297)).toMatchObject({ flag: "chequered", elapsedMs: raceTime(24, 6, 1, 39) });
    expect(lap(batch.laps, "20", 93)).toMatchObject({
      lapTimeMs: raceTime(17, 31, 33, 55),
      pitTimeMs: raceTime(17, 27, 26, 277),
      sectorsMs: [raceTime(17, 28, 2, 751), 93_053, 117_251],
      kph: 0.8,
    });
    expect(lap(batch.laps, "10", 109).timeOfDayMs).toBe(raceTime(0, 2, 15, 36));
  });

  it("keeps blanks as null and the improvement flag as written", () => {
    expect(lap(batch.laps, "7", 22).topSpeedKph).toBeNull();
    expect(lap(batch.laps, "7", 254).improvement).toBe(3);
  });
});

describe("other real layouts", () => {
  it("reads the 2026 file (same header, blank GROUP)", () => {
    const { laps, rejected } = parseAnalysis(fixtureBytes("wec2026_spa6h_analysis.excerpt.CSV"));
    expect(rejected).toEqual([]);
    expect(laps.map((l) => `${l.car}/${l.lap}`)).toEqual(["51/1", "51/2", "51/3", "10/1", "10/2"]);
    expect(lap(laps, "51", 3)).toMatchObject({ carClass: "HYPERCAR", group: null, sectorsMs: [34_711, 59_613, 31_538] });
  });

  it("reads Spa 2025 without BOM and with LF, keeping 007 as written", () => {
    const { laps, rejected } = parseAnalysis(fixtureBytes("wec2025_spa6h_three_cars.csv"));
    expect(rejected).toEqual([]);
    expect(laps).toHaveLength(309);
    expect(new Set(laps.map((l) => l.car))).toEqual(new Set(["007", "99", "21"]));
    expect(lap(laps, "007", 150)).toMatchObject({ flag: "chequered", elapsedMs: raceTime(6, 2, 55, 738) });
  });

  it("reads Fuji 2024 (safety car from lap 2, a blank top speed on lap 1)", () => {
    const { laps } = parseAnalysis(fixtureBytes("wec2024_fuji6h_analysis.excerpt.csv"));
    expect(laps.map((l) => l.flag)).toEqual(["green", "safety-car", "safety-car"]);
    expect(laps[0]?.topSpeedKph).toBeNull();
  });

  it("reads the older 25-field export (Spa 2020: no FLAG_AT_FL, no S*_SECONDS)", () => {
    const { laps, pits, rejected } = parseAnalysis(fixtureBytes("wec2020_spa6h_analysis.excerpt.csv"));
    expect(rejected).toEqual([]);
    expect(laps).toHaveLength(5);
    expect(laps.every((l) => l.flag === null && l.flagCode === null)).toBe(true);
    expect(lap(laps, "1", 1)).toMatchObject({ carClass: "LMP1", team: "Rebellion Racing", manufacturer: "Rebellion", sectorsMs: [77_510, 99_179, 57_448] });
    expect(pits).toEqual([{ car: "1", inLap: 23, outLap: 24, pitLaneMs: 56_338, atMs: raceTime(1, 1, 5, 193) }]);
  });

  it("reads IMSA time cards (LAPNUMBER; LAPTIME, BOM, LF), red-flag pit time without a marked in-lap", () => {
    const { laps, pits, rejected } = parseAnalysis(fixtureBytes("imsa2019_daytona24_time_cards.excerpt.CSV"));
    expect(rejected).toEqual([]);
    expect(laps).toHaveLength(9);
    expect(lap(laps, "10", 1)).toMatchObject({ lapTimeMs: 101_068, driver: "Jordan Taylor", carClass: "DPi", team: "Konica Minolta Cadillac DPi-V.R.", flag: null });
    expect(lap(laps, "85", 515)).toMatchObject({ lapTimeMs: raceTime(1, 44, 32, 942), pitTimeMs: raceTime(1, 37, 28, 542), inLap: false });
    expect(pits).toEqual([{ car: "85", inLap: 514, outLap: 515, pitLaneMs: raceTime(1, 37, 28, 542), atMs: raceTime(16, 43, 31, 516) }]);
  });

  it("reads the IMSA 26-field time cards (FLAG_AT_FL, no S*_SECONDS)", () => {
    const { laps } = parseAnalysis(fixtureBytes("imsa_time_cards.fixture.csv"));
    expect(laps).toEqual([expect.objectContaining({ car: "12", lap: 1, carClass: "GS", flag: "green", driver: "Varun Choksey", manufacturer: "Toyota" })]);
  });

  it("ignores the intermediate columns of SRO's analysis with sections", () => {
    const { laps } = parseAnalysis(fixtureBytes("sro_analysis_with_sections.fixture.csv"));
    expect(laps).toEqual([expect.objectContaining({ car: "007", lapTimeMs: 158_197, sectorsMs: [43_680, 57_535, 56_982], carClass: "Am" })]);
  });
});

describe("variants the notes describe", () => {
  it("keeps 007 and 7 apart", () => {
    const { laps, rejected } = parseAnalysis([SPA_HEADER, SPA_ROW, spaRow({ 0: "7" })].join("\n"));
    expect(rejected).toEqual([]);
    expect(laps.map((l) => l.car)).toEqual(["007", "7"]);
  });

  it("reads M'SS.fff times", () => {
    const { laps } = parseAnalysis([SPA_HEADER, spaRow({ 3: "2'12.381", 8: "1'02.835", 13: "2'12.381" })].join("\n"));
    expect(laps[0]).toMatchObject({ lapTimeMs: 132_381, elapsedMs: 132_381, sectorsMs: [37_526, 62_835, 32_020] });
  });

  it("reads HOUR counted past midnight as 24:", () => {
    const { laps } = parseAnalysis([SPA_HEADER, spaRow({ 14: "24:03:04.538" })].join("\n"));
    expect(laps[0]?.timeOfDayMs).toBe(raceTime(0, 3, 4, 538));
  });

  it("reads a file without CLASS, GROUP and TEAM, without trailing ; and with padded names", () => {
    const keep = (fields: string[]) => fields.filter((_, i) => i !== 21 && i !== 22 && i !== 23 && i !== 29);
    const header = keep(SPA_HEADER.split(";")).map((name) => `  ${name.trim()}  `).join(";");
    const row = keep(SPA_ROW.split(";")).join(";");
    const { laps, rejected } = parseAnalysis(`${header}\r\n${row}\r\n`);
    expect(rejected).toEqual([]);
    expect(laps[0]).toMatchObject({ car: "007", carClass: null, group: null, team: null, manufacturer: "Aston Martin", flag: "green" });
  });

  it("reads Windows-1252 bytes of older files", () => {
    const latin1 = Buffer.from(`${SPA_HEADER}\r\n${spaRow({ 19: "Stéphane RICHELMI" })}\r\n`, "latin1");
    expect(parseAnalysis(latin1).laps[0]?.driver).toBe("Stéphane RICHELMI");
  });

  it("reads a UTF-8 body with or without its BOM the same way", () => {
    const text = `${SPA_HEADER}\n${SPA_ROW}\n`;
    expect(parseAnalysis(Buffer.from(`\ufeff${text}`, "utf8")).laps).toEqual(parseAnalysis(text).laps);
  });

  it("keeps an unknown flag code without guessing", () => {
    const { laps } = parseAnalysis([SPA_HEADER, spaRow({ 25: "ZZ" })].join("\n"));
    expect(laps[0]).toMatchObject({ flag: null, flagCode: "ZZ" });
  });
});

describe("IMSA time cards as JSON", () => {
  const document = {
    session: { session_name: "Race", circuit: { name: "Daytona International Speedway" } },
    participants: [
      {
        number: "007",
        team: "Heart of Racing",
        class: "GTP",
        vehicle: "Aston Martin Valkyrie",
        manufacturer: "Aston Martin",
        drivers: [{ number: 1, firstname: "Harry", surname: "Tincknell", license: "Platinum" }],
        laps: [
          { number: 1, driver_number: "1", time: "1:58.002", top_speed_kph: "290.1", session_elapsed: "1:58.002", hour: "13:49:46.113", average_speed_kph: "160.2", crossing_pit_finish_lane: false, sector_times: [{ index: 1, time: "30.500" }, { index: 2, time: "50.001" }, { index: 3, time: "37.501" }] },
          { number: 2, driver_number: 1, time: "2:05.100", session_elapsed: "4:03.102", hour: "13:51:51.213", crossing_pit_finish_lane: true },
          { number: 3, driver_number: 1, time: "2:50.000", session_elapsed: "6:53.102", pit_time: "0:01:05.000" },
          { number: "x", time: "1:58.000", session_elapsed: "8:51.102" },
        ],
      },
      { team: "No number", laps: [] },
    ],
  };

  it("reads participants' laps through the same source, with BOM", () => {
    const { laps, pits, rejected } = parseAnalysis(Buffer.from(`\ufeff${JSON.stringify(document)}`, "utf8"));
    expect(laps.map((l) => [l.car, l.lap, l.inLap])).toEqual([
      ["007", 1, false],
      ["007", 2, true],
      ["007", 3, false],
    ]);
    expect(laps[0]).toMatchObject({ driver: "Harry Tincknell", driverNumber: 1, lapTimeMs: 118_002, sectorsMs: [30_500, 50_001, 37_501], kph: 160.2, topSpeedKph: 290.1, timeOfDayMs: raceTime(13, 49, 46, 113), carClass: "GTP", team: "Heart of Racing", manufacturer: "Aston Martin", flag: null });
    expect(pits).toEqual([{ car: "007", inLap: 2, outLap: 3, pitLaneMs: 65_000, atMs: raceTime(0, 4, 3, 102) }]);
    expect(rejected).toEqual([
      { line: 4, reason: 'car 007: lap number "x"' },
      { line: 5, reason: "participant without a number" },
    ]);
  });
});

describe("malformed rows", () => {
  it("are reported with their line and reason, and nothing of them is produced", () => {
    const text = [
      SPA_HEADER,
      SPA_ROW,
      "007;1;2;2:07.157;0",
      spaRow({ 2: "2", 3: "2:7x" }),
      spaRow({ 2: "3", 5: "X" }),
      SPA_ROW,
      spaRow({ 0: " " }),
      `${spaRow({ 2: "4" })}extra;`,
      "",
      spaRow({ 2: "5", 13: "" }),
      spaRow({ 2: "6", 12: "fast" }),
      spaRow({ 2: "7" }),
    ].join("\r\n");
    const { laps, rejected } = parseAnalysis(text);
    expect(laps.map((l) => l.lap)).toEqual([1, 7]);
    expect(rejected).toEqual([
      { line: 3, reason: "has 5 fields, the header names 29" },
      { line: 4, reason: 'LAP_TIME is not a time: "2:7x"' },
      { line: 5, reason: 'CROSSING_FINISH_LINE_IN_PIT is "X", not B or blank' },
      { line: 6, reason: "lap 1 of car 007 again (first on line 2)" },
      { line: 7, reason: "NUMBER is blank" },
      { line: 8, reason: "has a value past the last named column (field 30)" },
      { line: 10, reason: "ELAPSED is blank" },
      { line: 11, reason: 'KPH is not a speed: "fast"' },
    ]);
  });

  it("refuses a body that is not an analysis file", () => {
    expect(() => parseAnalysis("POSITION;NUMBER;STATUS\n1;7;Classified\n")).toThrow(SourceFormatError);
    expect(() => parseAnalysis("POSITION;NUMBER;STATUS\n1;7;Classified\n")).toThrow(/no LAP_NUMBER, LAP_TIME, ELAPSED/);
  });

  it("gives an empty batch for an empty body", () => {
    expect(parseAnalysis("").laps).toEqual([]);
  });
});
