import { describe, expect, it } from "vitest";
import { translateMessages } from "@/lib/f1/livetiming/feed-run";
import type { FeedMessage } from "@/lib/f1/livetiming/message";
import type { Interval, Lap, PitStop, Stint } from "@/lib/f1/records";

// A race as the feed sends it (shapes as in the 2021 Bahrain race recording): the counts are laps done, the gaps
// are text, a lapped car's gap is "1 L".
const T0 = Date.parse("2021-03-28T15:03:00Z");
const at = (seconds: number) => T0 + seconds * 1000;
const message = (seconds: number, topic: string, data: object): FeedMessage => ({ topic, data: data as FeedMessage["data"], at: at(seconds) });

const race: FeedMessage[] = [
  message(0, "SessionInfo", { Key: 6036, Type: "Race", Name: "Race", StartDate: "2021-03-28T18:00:00", GmtOffset: "03:00:00", Meeting: { Key: 1073, Name: "Bahrain Grand Prix" } }),
  message(0, "TimingData", {
    Lines: {
      "44": { Position: "1", GapToLeader: "", IntervalToPositionAhead: { Value: "" }, Sectors: [{ Value: "" }, { Value: "" }, { Value: "" }] },
      "9": { Position: "20", GapToLeader: "", IntervalToPositionAhead: { Value: "" }, Sectors: [{ Value: "" }, { Value: "" }, { Value: "" }] },
    },
  }),
  message(0, "TimingAppData", { Lines: { "44": { GridPos: "2", Stints: [{ Compound: "MEDIUM", New: "true", TotalLaps: 0, StartLaps: 0 }] } } }),
  message(40, "TimingData", { Lines: { "44": { Sectors: { "0": { Value: "41.002" } } } } }),
  message(72, "TimingData", { Lines: { "44": { Sectors: { "1": { Value: "31.520" } } } } }),
  message(100, "TimingData", {
    Lines: { "44": { NumberOfLaps: 1, Sectors: { "2": { Value: "26.780" } }, LastLapTime: { Value: "1:39.302" }, GapToLeader: "LAP 1" } },
  }),
  message(101, "TimingData", { Lines: { "44": { Sectors: { "0": { Value: "" }, "1": { Value: "" }, "2": { Value: "" } } } } }),
  message(136, "TimingData", { Lines: { "44": { Sectors: { "0": { Value: "35.101" } } } } }),
  message(190, "TimingData", { Lines: { "44": { NumberOfLaps: 2, Sectors: { "2": { Value: "24.990" } }, LastLapTime: { Value: "1:34.811" } } } }),
  message(200, "TimingData", { Lines: { "9": { NumberOfLaps: 1, GapToLeader: "1 L", IntervalToPositionAhead: { Value: "+12.345" } } } }),
  message(230, "PitLaneTimeCollection", { PitTimes: { "44": { RacingNumber: "44", Duration: "22.615", Lap: "3" } } }),
  message(231, "TimingAppData", { Lines: { "44": { Stints: { "0": { TotalLaps: 3 }, "1": { Compound: "HARD", New: "true", TotalLaps: 0, StartLaps: 0 } } } } }),
];

describe("a race's timing", () => {
  const run = translateMessages(race);
  const laps = run.records.filter((record): record is Lap => record.kind === "lap" && record.driverNumber === 44);

  it("numbers the laps by the count of laps done, the last sector going to the lap just done", () => {
    expect(laps.map((lap) => [lap.lapNumber, lap.lapMs, lap.sectorMs])).toEqual([
      [1, 99_302, [41_002, 31_520, 26_780]],
      [2, 94_811, [35_101, null, 24_990]],
      [3, null, [null, null, null]],
    ]);
    // The first lap of a race has no timed start; the next one starts as the line is crossed.
    expect(laps.map((lap) => lap.startedAt?.getTime() ?? null)).toEqual([null, at(100), at(190)]);
  });

  it("reads the leader's column as no gap and a lapped car's gap as laps", () => {
    const intervals = run.records.filter((record): record is Interval => record.kind === "interval");
    expect(intervals.filter((interval) => interval.driverNumber === 44).at(-1)?.gapToLeader).toBeNull();
    expect(intervals.filter((interval) => interval.driverNumber === 9).at(-1)).toMatchObject({ gapToLeader: { kind: "laps", laps: 1 }, interval: { kind: "time", ms: 12_345 } });
  });

  it("takes pit visits from the pit-lane times and stints from the tyre data", () => {
    expect(run.records.filter((record): record is PitStop => record.kind === "pit")).toEqual([
      { kind: "pit", sessionKey: 6036, driverNumber: 44, at: new Date(at(230)), lapNumber: 3, laneMs: 22_615, stationaryMs: null },
    ]);
    const stints = run.records.filter((record): record is Stint => record.kind === "stint");
    expect(stints.map((stint) => [stint.stintNumber, stint.compound, stint.lapStart, stint.lapEnd])).toEqual([
      [1, "MEDIUM", 1, 3],
      [2, "HARD", 3, null],
    ]);
    expect(run.records.find((record) => record.kind === "grid")).toMatchObject({ driverNumber: 44, position: 2 });
  });
});

describe("qualifying's gaps", () => {
  it("come per part, the latest part with a gap counting", () => {
    const run = translateMessages([
      message(0, "SessionInfo", { Key: 6035, Type: "Qualifying", Name: "Qualifying", StartDate: "2021-03-27T18:00:00", GmtOffset: "03:00:00", Meeting: { Key: 1073 } }),
      message(0, "TimingData", { Lines: { "33": { Position: "2", Stats: [{ TimeDiffToFastest: "", TimeDifftoPositionAhead: "" }, { TimeDiffToFastest: "", TimeDifftoPositionAhead: "" }] } } }),
      message(60, "TimingData", { Lines: { "33": { Stats: { "0": { TimeDiffToFastest: "+0.388", TimeDifftoPositionAhead: "+0.388" } } } } }),
      message(900, "TimingData", { Lines: { "33": { Stats: { "1": { TimeDiffToFastest: "+0.100", TimeDifftoPositionAhead: "+0.100" } } } } }),
    ]);
    const gaps = run.records.filter((record): record is Interval => record.kind === "interval").map((interval) => interval.gapToLeader);
    expect(gaps).toEqual([null, { kind: "time", ms: 388 }, { kind: "time", ms: 100 }]);
  });
});
