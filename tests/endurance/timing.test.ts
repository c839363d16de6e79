import { describe, expect, it } from "vitest";
import { flagFromCode } from "@/lib/endurance/flags";
import { parseDuration, parseGap, parseTimeOfDay } from "@/lib/endurance/timing";
import { raceTime } from "./support";

describe("durations", () => {
  it.each([
    ["34.905", 34_905],
    ["3:46.324", raceTime(0, 3, 46, 324)],
    ["54:26.020", raceTime(0, 54, 26, 20)],
    ["0:01:27.261", raceTime(0, 1, 27, 261)],
    ["17:31:33.055", raceTime(17, 31, 33, 55)],
    ["24:06:01.039", raceTime(24, 6, 1, 39)],
    ["1'54.154", raceTime(0, 1, 54, 154)],
    ["1:02'03.5", raceTime(1, 2, 3, 500)],
    ["62882.751", 62_882_751],
    ["1:41", raceTime(0, 1, 41)],
    [" 2:12.381 ", raceTime(0, 2, 12, 381)],
  ])("%s is %d ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(["", "-", "--.---", "1:60.000", "1:2:3:4", "abc", "1,5", "-1:00.000"])("%j is not a duration", (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe("time of day", () => {
  it("reads HOUR and folds the hours some exports count past midnight", () => {
    expect(parseTimeOfDay("16:33:45.763")).toBe(raceTime(16, 33, 45, 763));
    expect(parseTimeOfDay("00:02:15.036")).toBe(raceTime(0, 2, 15, 36));
    expect(parseTimeOfDay("24:02:15.036")).toBe(raceTime(0, 2, 15, 36));
  });

  it.each(["2:15.036", "48:00:00.000", "noon"])("refuses %j", (text) => {
    expect(parseTimeOfDay(text)).toBeNull();
  });
});

describe("gaps", () => {
  it.each([
    ["1.854", { laps: 0, ms: 1_854 }],
    ["1:02.345", { laps: 0, ms: 62_345 }],
    ["+12.000", { laps: 0, ms: 12_000 }],
    ["1 Lap", { laps: 1, ms: null }],
    ["3 Laps", { laps: 3, ms: null }],
    ["2L", { laps: 2, ms: null }],
  ])("%s", (text, gap) => {
    expect(parseGap(text)).toEqual(gap);
  });

  it.each(["", "-", "--.---", "---"])("%j is no gap (the leader)", (text) => {
    expect(parseGap(text)).toBeNull();
  });
});

describe("flag codes", () => {
  it.each([
    ["GF", "green"],
    ["FCY", "fcy"],
    ["SF", "safety-car"],
    ["SC", "safety-car"],
    ["FF", "chequered"],
    ["RF", "red"],
    ["YF", "yellow"],
    ["full course yellow", "fcy"],
    ["CHECKERED", "chequered"],
  ])("%s is %s", (code, flag) => {
    expect(flagFromCode(code)).toBe(flag);
  });

  it("does not guess an unknown code", () => {
    expect(flagFromCode("XQ")).toBeNull();
  });
});
