import { describe, expect, it } from "vitest";
import {
  bestLaps,
  deriveRace,
  driveTime,
  flagPeriods,
  lapPositions,
  pitStops,
  projectFinish,
  standingsAt,
  stints,
  type DriveTimeRules,
} from "@/lib/endurance/derive";
import type { LapRecord } from "@/lib/endurance/records";
import { parseAnalysis } from "@/lib/endurance/sources";
import { fixtureBytes, raceTime } from "./support";

// Spa 6 Hours 2025, every lap of three cars: 007 (Hypercar, 150 laps), 99 (Hypercar, retired in the pits on
// lap 22) and 21 (LMGT3, 137 laps). Expectations below were read off the file by hand.
const laps = parseAnalysis(fixtureBytes("wec2025_spa6h_three_cars.csv")).laps;
const SIX_HOURS = raceTime(6, 0, 0);

describe("pit stops (hand-checked)", () => {
  const { stops, passMs } = pitStops(laps);
  const of = (car: string) => stops.filter((stop) => stop.car === car);

  it("finds car 007's seven stops: in-lap, out-lap, pit-lane time, driver changes", () => {
    expect(of("007").map((s) => [s.number, s.inLap, s.outLap, s.pitLaneMs, s.driverChange])).toEqual([
      [1, 25, 26, 68_633, false],
      [2, 34, 35, 59_151, false],
      [3, 63, 64, 79_427, true],
      [4, 80, 81, 75_417, false],
      [5, 95, 96, 63_983, false],
      [6, 122, 123, 68_528, true],
      [7, 147, 148, 34_077, false],
    ]);
    expect(of("007")[2]).toMatchObject({ driverIn: "Harry TINCKNELL", driverOut: "Tom GAMBLE", atMs: raceTime(2, 31, 37, 233), flag: "green" });
    expect(of("007")[3]?.flag).toBe("safety-car");
  });

  it("finds car 21's ten stops, back-to-back ones included, and tells the drive-through", () => {
    expect(of("21").map((s) => [s.inLap, s.outLap, s.pitLaneMs])).toEqual([
      [20, 21, 55_671],
      [21, 22, 52_485],
      [31, 32, 47_782],
      [43, 44, 61_155],
      [48, 49, 23_473],
      [63, 64, 76_715],
      [73, 74, 54_018],
      [85, 86, 65_446],
      [106, 107, 58_760],
      [120, 121, 75_668],
    ]);
    // The fastest passage of the pit lane is 21's lap-49 drive-through.
    expect(passMs).toBe(23_473);
    expect(of("21")[4]).toMatchObject({ service: "drive-through", stationaryMs: 0 });
    expect(of("21").filter((s) => s.driverChange).map((s) => s.outLap)).toEqual([44, 86]);
    expect(of("21")[0]?.flag).toBe("fcy");
  });

  it("keeps car 99's last stop, with no out-lap, as a stop of unknown service", () => {
    expect(of("99")).toEqual([expect.objectContaining({ inLap: 22, outLap: null, pitLaneMs: null, service: "unknown", driverChange: false })]);
  });

  it("tells fuel-only from tyre stops by a threshold derived per class", () => {
    const timed = (gaps: number[]) =>
      gaps.map((pitMs, i): LapRecord[] => {
        const base = { car: `${i}`, driverNumber: 1, driver: "A", sectorsMs: [null, null, null], kph: null, topSpeedKph: null, timeOfDayMs: null, improvement: null, flag: "green", flagCode: "GF", carClass: "GT", group: null, team: null, manufacturer: null } as const;
        return [
          { ...base, sectorsMs: [null, null, null], lap: 1, lapTimeMs: 100_000, elapsedMs: 100_000, inLap: true, outLap: false, pitTimeMs: null },
          { ...base, sectorsMs: [null, null, null], lap: 2, lapTimeMs: 100_000 + pitMs, elapsedMs: 200_000 + pitMs, inLap: false, outLap: true, pitTimeMs: pitMs },
        ];
      });
    const durations = [25_000, 61_000, 62_000, 63_000, 60_500, 64_000, 80_000, 81_000, 82_500, 79_000, 83_000, 300_000];
    const { stops, thresholds } = pitStops(timed(durations).flat());
    expect(stops.map((s) => s.service)).toEqual(["drive-through", "fuel", "fuel", "fuel", "fuel", "fuel", "fuel-tyres", "fuel-tyres", "fuel-tyres", "fuel-tyres", "fuel-tyres", "long"]);
    expect(thresholds).toEqual([{ carClass: "GT", stops: 12, driveThroughMaxMs: 33_000, tyresFromMs: 71_500, longFromMs: expect.any(Number) }]);
  });
});

describe("stints (hand-checked)", () => {
  const { stints: all, driverStints, stintLaps } = stints(laps);
  const of = (car: string) => all.filter((stint) => stint.car === car);

  it("splits car 007 into eight stints at its stops", () => {
    expect(of("007").map((s) => [s.startLap, s.endLap, s.laps, s.endedInPit])).toEqual([
      [1, 25, 25, true],
      [26, 34, 9, true],
      [35, 63, 29, true],
      [64, 80, 17, true],
      [81, 95, 15, true],
      [96, 122, 27, true],
      [123, 147, 25, true],
      [148, 150, 3, false],
    ]);
    expect(of("007")[2]).toMatchObject({ drivers: ["Harry TINCKNELL"], startMs: raceTime(1, 21, 42, 665) - raceTime(0, 5, 57, 183), endMs: raceTime(2, 31, 37, 233) });
  });

  it("gives one stint to the car that retired in the pits, ended in the pit lane", () => {
    expect(of("99")).toEqual([expect.objectContaining({ startLap: 1, endLap: 22, laps: 22, endedInPit: true })]);
  });

  it("counts laps since the last stop, the out-lap being the first", () => {
    const since = (car: string, lap: number) => stintLaps.find((s) => s.car === car && s.lap === lap)?.lapsSinceStop;
    expect([since("007", 25), since("007", 26), since("007", 34), since("007", 150)]).toEqual([25, 1, 9, 3]);
    expect([since("21", 20), since("21", 21), since("21", 22)]).toEqual([20, 1, 1]);
  });

  it("follows drivers across stops (double stints are one driver stint)", () => {
    expect(driverStints.filter((s) => s.car === "007").map((s) => [s.driver, s.startLap, s.endLap, s.laps])).toEqual([
      ["Harry TINCKNELL", 1, 63, 63],
      ["Tom GAMBLE", 64, 122, 59],
      ["Harry TINCKNELL", 123, 150, 28],
    ]);
    expect(driverStints.filter((s) => s.car === "21").map((s) => s.driver)).toEqual(["François HERIAU", "Simon MANN", "Alessio ROVERA"]);
  });
});

describe("drive time (hand-checked)", () => {
  // TINCKNELL: laps 1-63 (to 2:31:37.233) and 123-150 (5:00:00.261 to 6:02:55.738); GAMBLE: 64-122.
  const tincknell = raceTime(2, 31, 37, 233) + (raceTime(6, 2, 55, 738) - raceTime(5, 0, 0, 261));
  const gamble = raceTime(5, 0, 0, 261) - raceTime(2, 31, 37, 233);
  const rules: DriveTimeRules = { minPerDriverMs: raceTime(3, 0, 0), maxPerDriverMs: raceTime(3, 30, 0), window: { lengthMs: raceTime(3, 0, 0), maxMs: raceTime(2, 30, 0) }, pitLaneCounts: true };
  const car = (all: ReturnType<typeof driveTime>, number: string) => all.find((entry) => entry.car === number);

  it("adds up each driver's laps and checks the minimum, the maximum and the window", () => {
    const result = car(driveTime(laps, { raceDurationMs: SIX_HOURS, rules }), "007");
    expect(result?.drivers.map((d) => [d.driver, d.driveMs, d.laps, d.stints])).toEqual([
      ["Harry TINCKNELL", tincknell, 91, 2],
      ["Tom GAMBLE", gamble, 59, 1],
    ]);
    const [first, second] = result?.drivers ?? [];
    // 3:34:32.710 is over the 3:30 maximum; his first stint alone (2:31:37) breaks 2:30 in any 3 hours.
    expect(first).toMatchObject({ toMinimumMs: 0, toMaximumMs: 0, exceeded: true });
    expect(first?.window).toEqual({
      lengthMs: raceTime(3, 0, 0),
      maxMs: raceTime(2, 30, 0),
      peakMs: raceTime(2, 31, 37, 233),
      currentMs: raceTime(6, 2, 55, 738) - raceTime(5, 0, 0, 261),
      allowedNowMs: raceTime(2, 30, 0) - (raceTime(6, 2, 55, 738) - raceTime(5, 0, 0, 261)),
      exceeded: true,
    });
    // GAMBLE drove 2:28:23.028: 31:36.972 short of the minimum, with no race left.
    expect(second).toMatchObject({ toMinimumMs: raceTime(3, 0, 0) - gamble, toMaximumMs: raceTime(3, 30, 0) - gamble, exceeded: false });
    expect(second?.window).toMatchObject({ peakMs: gamble, currentMs: raceTime(5, 0, 0, 261) - raceTime(3, 2, 55, 738) });
    expect(result).toMatchObject({ remainingRaceMs: 0, owedMs: raceTime(3, 0, 0) - gamble, atRisk: true });
  });

  it("leaves pit-lane time out unless the rules count it", () => {
    const result = car(driveTime(laps, { raceDurationMs: SIX_HOURS, rules: { minPerDriverMs: 0 } }), "007");
    const tincknellPits = 68_633 + 59_151 + 68_528 + 34_077;
    const gamblePits = 79_427 + 75_417 + 63_983;
    expect(result?.drivers.map((d) => d.driveMs)).toEqual([tincknell - tincknellPits, gamble - gamblePits]);
  });

  it("counts up to a given race time, with the countdowns then", () => {
    const result = car(driveTime(laps, { raceDurationMs: SIX_HOURS, nowMs: raceTime(2, 0, 0), rules }), "007");
    expect(result?.drivers).toHaveLength(1);
    expect(result).toMatchObject({ remainingRaceMs: raceTime(4, 0, 0), atRisk: false });
  });

  it("applies a class's own rules", () => {
    const all = driveTime(laps, { raceDurationMs: SIX_HOURS, rules: {}, classRules: { LMGT3: { minPerDriverMs: raceTime(1, 0, 0) } } });
    expect(car(all, "21")?.drivers.every((d) => d.minMs === raceTime(1, 0, 0))).toBe(true);
    expect(car(all, "007")?.drivers.every((d) => d.minMs === null)).toBe(true);
  });
});

describe("positions and gaps (hand-checked)", () => {
  const positions = lapPositions(laps);
  const at = (car: string, lap: number) => positions.find((p) => p.car === car && p.lap === lap);

  it("orders the lap-22 crossings and measures gaps in laps and time", () => {
    // 007 completed lap 22 at 46:48.980 and lap 24 at 52:13.399; 99 completed lap 22 at 52:28.282 (in-lap, then
    // retired); 21 completed lap 22 at 54:50.410, when 007 had 25 laps (54:26.020).
    expect(at("007", 22)).toMatchObject({ position: 1, classPosition: 1, gapToLeader: { laps: 0, ms: 0 }, interval: null, classInterval: null });
    expect(at("99", 22)).toMatchObject({
      position: 2,
      classPosition: 2,
      gapToLeader: { laps: 2, ms: raceTime(0, 5, 39, 302) },
      interval: { laps: 2, ms: raceTime(0, 5, 39, 302) },
      classInterval: { laps: 2, ms: raceTime(0, 5, 39, 302) },
    });
    expect(at("21", 22)).toMatchObject({
      position: 3,
      classPosition: 1,
      carClass: "LMGT3",
      gapToLeader: { laps: 3, ms: raceTime(0, 8, 1, 430) },
      interval: { laps: 0, ms: raceTime(0, 2, 22, 128) },
      classGapToLeader: { laps: 0, ms: 0 },
      classInterval: null,
      flag: "green",
    });
    expect(positions).toHaveLength(laps.length);
  });

  it("gives the standings at a race time, with who is in the pit lane", () => {
    const standings = standingsAt(laps, raceTime(0, 52, 30));
    expect(standings.map((s) => [s.car, s.position, s.laps, s.inPit, s.pitStops])).toEqual([
      ["007", 1, 24, false, 0],
      ["99", 2, 22, true, 1],
      ["21", 3, 21, true, 2],
    ]);
    expect(standings[1]).toMatchObject({ gapToLeader: { laps: 2, ms: raceTime(0, 5, 39, 302) }, classPosition: 2, driver: "Nicolas PINO", lastLapMs: raceTime(0, 7, 39, 133) });
    // 21 is out once its pit time (52.485 s from its lap-21 crossing at 51:44.677) has run.
    expect(standingsAt(laps, raceTime(0, 52, 38)).find((s) => s.car === "21")?.inPit).toBe(false);
  });
});

describe("bests, flags and projection", () => {
  it("takes best laps from the times, per car, driver and class", () => {
    const bests = bestLaps(laps);
    const car007 = laps.filter((lap) => lap.car === "007").reduce((best, lap) => (lap.lapTimeMs < best.lapTimeMs ? lap : best));
    expect(bests.byCar.find((b) => b.car === "007")).toMatchObject({ lap: car007.lap, lapTimeMs: car007.lapTimeMs });
    expect(bests.overall?.car).toBe(bests.byClass.find((b) => b.carClass === "HYPERCAR")?.car);
    expect(bests.byClass.map((b) => b.carClass).sort()).toEqual(["HYPERCAR", "LMGT3"]);
    expect(bests.byDriver.filter((b) => b.car === "007").map((b) => b.driver).sort()).toEqual(["Harry TINCKNELL", "Tom GAMBLE"]);
  });

  it("builds flag periods from the flags seen at the line", () => {
    const periods = flagPeriods(laps);
    expect(periods[0]).toMatchObject({ flag: "green", startMs: 0, startLap: 0 });
    expect(periods.map((p) => p.flag)).toContain("fcy");
    expect(periods.map((p) => p.flag)).toContain("safety-car");
    // The winner is not in the excerpt: 21 is the first of these three to see the chequered flag.
    expect(periods.at(-1)).toMatchObject({ flag: "chequered", startMs: raceTime(6, 2, 34, 611), endMs: null });
    for (const [previous, next] of periods.slice(0, -1).map((p, i) => [p, periods[i + 1]] as const)) expect(previous.endMs).toBe(next?.startMs);
  });

  it("projects the laps left in a timed race from each car's pace", () => {
    // Two cars lapping at exactly 100 s and 125 s in a race of 1000 s, seen at 500 s.
    const lapOf = (car: string, lap: number, lapTimeMs: number): LapRecord => ({
      car, lap, lapTimeMs, elapsedMs: lap * lapTimeMs, driverNumber: 1, driver: "A", sectorsMs: [null, null, null], kph: null, topSpeedKph: null, timeOfDayMs: null, improvement: null, inLap: false, outLap: false, pitTimeMs: null, flag: "green", flagCode: "GF", carClass: "P", group: null, team: null, manufacturer: null,
    });
    const race = [1, 2, 3, 4, 5].map((n) => lapOf("1", n, 100_000)).concat([1, 2, 3, 4].map((n) => lapOf("2", n, 125_000)));
    const projection = projectFinish(race, { raceDurationMs: 1_000_000, nowMs: 500_000 });
    expect(projection.chequeredMs).toBe(1_000_000);
    expect(projection.overall).toMatchObject({ car: "1", laps: 5, projectedLaps: 10, lapsRemaining: 5, paceMs: 100_000 });
    expect(projection.cars.find((c) => c.car === "2")).toMatchObject({ laps: 4, projectedLaps: 8, lapsRemaining: 4, finishMs: 1_000_000 });

    const finished = projectFinish(laps, { raceDurationMs: SIX_HOURS });
    expect(finished.chequeredMs).toBe(raceTime(6, 2, 34, 611));
    expect(finished.cars.map((c) => [c.car, c.lapsRemaining, c.finished, c.stopped])).toEqual([
      ["007", 0, true, false],
      ["21", 0, true, false],
      ["99", 0, false, true],
    ]);
  });
});

describe("the whole derivation", () => {
  it("derives a race as of a race time (laps after it left out)", () => {
    const race = deriveRace(laps, { raceDurationMs: SIX_HOURS, nowMs: raceTime(1, 0, 0) });
    expect(race.positions.every((p) => p.elapsedMs <= raceTime(1, 0, 0))).toBe(true);
    expect(race.stops.filter((s) => s.car === "007").map((s) => s.inLap)).toEqual([25]);
    expect(race.projection).toMatchObject({ nowMs: raceTime(1, 0, 0), timeRemainingMs: raceTime(5, 0, 0) });
    // Pit-lane time is left out by default: up to its last crossing before 1 h, less the 1:08.633 of lap 26.
    const lastCrossing = Math.max(...laps.filter((lap) => lap.car === "007" && lap.elapsedMs <= raceTime(1, 0, 0)).map((lap) => lap.elapsedMs));
    expect(race.driveTime.find((car) => car.car === "007")?.drivers.map((d) => d.driveMs)).toEqual([lastCrossing - 68_633]);
  });
});
