import { describe, expect, it } from "vitest";
import { flagsAnalysisSource, imsaLiveSource, imsaResultsSource, SourceFormatError } from "@/lib/endurance/sources";
import { fixtureBytes, raceTime } from "./support";

// Shapes as IMSA's scoring pages serve them (keys from the consumers quoted in the format notes).
const raceResults = {
  S: "Race",
  E: "Rolex 24 At Daytona",
  T: "Daytona International Speedway",
  DT: "16:02:17",
  B: [
    { A: 2, PIC: "2", N: "7", C: "GTP", F: "Felipe Nasr", T: "Porsche Penske Motorsport", V: "Porsche 963", L: "512", D: "12.345", G: "12.345", DIC: "12.345", GIC: "12.345", LL: "1:37.411", BL: "1:35.102", IN: 77, P: 0, PS: "14" },
    { A: 1, PIC: 1, N: "007", C: "GTP", F: "SÃ©bastien Buemi", V: "Aston Martin Valkyrie", L: 512, D: "--.---", G: "--.---", DIC: "", GIC: "", LL: "1:36.950", BL: "1:35.001", IN: "45", P: false, PS: 14 },
    { A: "3", PIC: "1", N: "64", C: "GTD PRO", F: "Ben Barnicoat", V: "Ford Mustang GT3", L: "490", D: "22 Laps", G: "1 Lap", DIC: "-", GIC: "-", LL: "2:01.004", BL: "1:45.887", IN: "12", P: "1", PS: "15" },
    { A: "", N: "12", C: "LMP2", F: "Driver X" },
    { A: 4, N: "SC1", C: "", F: "" },
    { A: 5, N: "Tx123", C: "   ", F: "", V: "" },
    { A: 6, N: "99", C: "GTD", L: { laps: 3 } },
  ],
};

const jsonp = (callback: string, value: unknown) => `${callback}(${JSON.stringify(value)});`;

describe("IMSA live scoring", () => {
  it("reads RaceResults JSONP into standings, skipping class-less rows and rejecting malformed ones", () => {
    const batch = imsaLiveSource.read(jsonp("jsonpRaceResults", raceResults));
    expect(batch.standings.map((s) => [s.position, s.car, s.classPosition])).toEqual([
      [1, "007", 1],
      [2, "7", 2],
      [3, "64", 1],
    ]);
    expect(batch.standings[0]).toEqual({
      car: "007",
      position: 1,
      classPosition: 1,
      carClass: "GTP",
      driver: "Sébastien Buemi",
      team: null,
      vehicle: "Aston Martin Valkyrie",
      laps: 512,
      gapToLeader: null,
      interval: null,
      classGapToLeader: null,
      classInterval: null,
      lastLapMs: 96_950,
      bestLapMs: 95_001,
      bestLapNumber: 45,
      inPit: false,
      pitStops: 14,
    });
    expect(batch.standings[1]).toMatchObject({ team: "Porsche Penske Motorsport", gapToLeader: { laps: 0, ms: 12_345 }, laps: 512 });
    expect(batch.standings[2]).toMatchObject({ gapToLeader: { laps: 22, ms: null }, interval: { laps: 1, ms: null }, inPit: true, pitStops: 15 });
    expect(batch.rejected).toEqual([
      { line: 4, reason: 'car 12: no position (A = "")' },
      { line: 7, reason: expect.stringMatching(/^L: /) },
    ]);
    expect(batch.session).toEqual({ name: "Race", event: "Rolex 24 At Daytona", track: "Daytona International Speedway", flag: null, elapsedMs: null, remainingMs: null, complete: false });
  });

  it("reads plain JSON as well, and yields nothing for an unchanged payload", () => {
    const first = imsaLiveSource.read(JSON.stringify(raceResults));
    expect(first.standings).toHaveLength(3);
    const again = imsaLiveSource.read(JSON.stringify(raceResults), { since: first.cursor });
    expect(again.standings).toEqual([]);
    expect(again.cursor).toEqual(first.cursor);
  });

  it("reads RaceData: flag, time to go, and the end of the session", () => {
    const running = imsaLiveSource.read(jsonp("jsonpRaceData", { A: "16:02:17", B: "Time to go: 05:12:33", C: "2", T: "05:12:33" }));
    expect(running.session).toMatchObject({ flag: "fcy", remainingMs: raceTime(5, 12, 33), complete: false });
    expect(running.flags).toEqual([{ flag: "fcy", startMs: null, endMs: null, startLap: null }]);
    expect(running.standings).toEqual([]);

    const over = imsaLiveSource.read(jsonp("jsonpRaceData", { A: "", B: "Session Complete", C: "0", T: "" }));
    expect(over.session).toMatchObject({ flag: "chequered", complete: true });
    expect(imsaLiveSource.read(jsonp("jsonpRaceData", { C: "4" })).session).toMatchObject({ flag: "chequered", complete: true });
  });

  it("reads the legacy session info (title, flag, elapsed, remaining)", () => {
    const batch = imsaLiveSource.read(jsonp("jsonpSessionInfo", { T: "Twelve Hours of Sebring", S: "Race", F: "GREEN", TT: "6:01:02", TR: "5:58:58" }));
    expect(batch.session).toEqual({ name: "Race", event: "Twelve Hours of Sebring", track: null, flag: "green", elapsedMs: raceTime(6, 1, 2), remainingMs: raceTime(5, 58, 58), complete: false });
    expect(batch.flags).toEqual([{ flag: "green", startMs: raceTime(6, 1, 2), endMs: null, startLap: null }]);
  });

  it("never lets the empty shell between sessions stand for standings", () => {
    const shell = imsaLiveSource.read(jsonp("jsonpRaceResults", { B: [] }));
    expect(shell.standings).toEqual([]);
    expect(shell.session).toBeNull();
    const placeholders = imsaLiveSource.read(jsonp("jsonpRaceResults", { B: [{ A: 0, N: "-", C: "-", F: "---" }] }));
    expect(placeholders.standings).toEqual([]);
    expect(imsaLiveSource.read(jsonp("jsonpRaceData", { A: "", B: "", C: "0", T: "" })).session).toBeNull();
    expect(imsaLiveSource.read(jsonp("jsonpRaceResults", { B: [], S: "Session Complete" })).session).toMatchObject({ complete: true });
  });

  it("refuses a body that is not JSON", () => {
    expect(() => imsaLiveSource.read("<html>maintenance</html>")).toThrow(SourceFormatError);
    expect(() => imsaLiveSource.read("jsonpRaceResults({B: [});")).toThrow(/not JSONP/);
  });
});

const resultsDocument = {
  session: { championship_name: "IMSA WeatherTech SportsCar Championship", session_name: "Race", circuit: { name: "Daytona International Speedway" }, finalize_type: { type: "time", time_in_seconds: 86400 } },
  classification: [
    { position: 2, number: "7", class: "GTP", team: "Porsche Penske Motorsport", vehicle: "Porsche 963", manufacturer: "Porsche", laps: 783, time: "24:00:58.321", not_finished: false, drivers: [{ number: 1, firstname: "Felipe", surname: "Nasr", license: "Platinum" }] },
    { position: 1, number: "007", class: "GTP", team: "Heart of Racing", vehicle: "Aston Martin Valkyrie", manufacturer: "Aston Martin", laps: "783", time: "24:00:55.010", status: "Classified", drivers: [] },
    { position: 3, number: "64", class: "GTD PRO", team: "Ford Multimatic", vehicle: "Ford Mustang GT3", laps: 721, time: "24:01:30.100", not_finished: false, drivers: [{ firstname: "Ben", surname: "Barnicoat", license: "Gold" }] },
    { position: 4, number: "99", class: "GTD PRO", laps: 402, time: "13:02:11.000", not_finished: true, status: "Retired" },
    { position: "x", number: "12", class: "LMP2" },
  ],
};

describe("IMSA results", () => {
  it("reads the JSON with its BOM, in order, with class positions and finishers", () => {
    const body = Buffer.from(`\ufeff${JSON.stringify(resultsDocument)}`, "utf8");
    const batch = imsaResultsSource.read(body);
    expect(batch.classification.map((c) => [c.position, c.car, c.classPosition, c.finished])).toEqual([
      [1, "007", 1, true],
      [2, "7", 2, true],
      [3, "64", 1, true],
      [4, "99", 2, false],
    ]);
    expect(batch.classification[1]).toEqual({
      position: 2,
      classPosition: 2,
      car: "7",
      carClass: "GTP",
      team: "Porsche Penske Motorsport",
      vehicle: "Porsche 963",
      manufacturer: "Porsche",
      laps: 783,
      totalTimeMs: raceTime(24, 0, 58, 321),
      bestLapMs: null,
      status: null,
      finished: true,
      drivers: [{ name: "Felipe Nasr", license: "Platinum" }],
    });
    expect(batch.rejected).toEqual([{ line: 5, reason: "car 12: no position" }]);
    expect(imsaResultsSource.read(body, { since: batch.cursor }).classification).toEqual([]);
  });

  it("reads the results CSV export", () => {
    const { classification, rejected } = imsaResultsSource.read(fixtureBytes("imsa_results_provisional.fixture.csv"));
    expect(rejected).toEqual([]);
    expect(classification).toEqual([
      {
        position: 1,
        classPosition: 1,
        car: "19",
        carClass: "GS",
        team: "Stephen Cameron Racing",
        vehicle: "Ford Mustang GT4",
        manufacturer: null,
        laps: 58,
        totalTimeMs: raceTime(2, 2, 6, 175),
        bestLapMs: 114_154,
        status: "Classified",
        finished: true,
        drivers: [{ name: "Sean Quinlan", license: "Bronze" }],
      },
    ]);
  });

  it("refuses a document without a classification", () => {
    expect(() => imsaResultsSource.read('{"session": {}}')).toThrow(/no classification array/);
  });
});

describe("flags analysis CSV", () => {
  it("turns flag rows into periods and passes race-control messages over", () => {
    const { flags, rejected } = flagsAnalysisSource.read(fixtureBytes("imsa_flags_analysis.fixture.csv"));
    expect(rejected).toEqual([]);
    expect(flags).toEqual([
      { flag: "green", startMs: 0, endMs: raceTime(0, 20, 13, 603), startLap: 1 },
      { flag: "fcy", startMs: raceTime(0, 20, 13, 603), endMs: raceTime(0, 28, 32, 165), startLap: 11 },
      { flag: "green", startMs: raceTime(0, 28, 32, 165), endMs: raceTime(1, 47, 51, 610), startLap: 13 },
    ]);
  });

  it("rejects a flag row it cannot read, with its line", () => {
    const text = "TIME;ELAPSED;REC_TYPE;FLAG;SECTOR;MESSAGE;FLAG_TIME;ACCUM_TIME;LAP\n14:15:28.786;-;GF;GREEN FLAG;;;20:13.603;20:13.603;1\n14:35:42.389;soon;FCY;FULL COURSE YELLOW;;;8:18.562;8:18.562;11\n14:40:00.000;24:31.214;XX;SOMETHING;;;1:00.000;1:00.000;12\n";
    const { flags, rejected } = flagsAnalysisSource.read(text);
    expect(flags).toHaveLength(1);
    expect(rejected).toEqual([
      { line: 3, reason: 'ELAPSED "soon" or FLAG_TIME "8:18.562" is not a time' },
      { line: 4, reason: 'REC_TYPE "XX" is not a flag' },
    ]);
  });
});
