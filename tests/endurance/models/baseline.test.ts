import { describe, expect, it } from "vitest";
import { buildLapTable } from "@/lib/endurance/models";
import { threeCars } from "./support";

// Car 007's laps as the file has them (ms): 2: 127157, 3: 125943, 4: 126429, 5: 126532, 6: 126714, 7: 126200,
// 8: 127103, 9: 130809, 10: 131382, 11: 126832; 28-33: 129374, 127229, 127191, 127210, 127973, 128990; lap 34 is
// an in-lap, 35 the out-lap, 36-39 run under the safety car, 40 starts under it.
const table = buildLapTable(threeCars);
const row = (car: string, lap: number) => table.rows.find((entry) => entry.car === car && entry.lap === lap);

describe("the baseline: median of the car's last five green laps", () => {
  it("has nothing to go on before the car's first green lap (lap 1 is not one: it has no start)", () => {
    expect([row("007", 1)?.baselineMs, row("007", 2)?.baselineMs]).toEqual([null, null]);
    expect(row("007", 3)?.baselineMs).toBe(127_157);
  });

  it("takes the median of the five green laps before the lap", () => {
    // Laps 2-6: 125943, 126429, 126532, 126714, 127157.
    expect(row("007", 7)?.baselineMs).toBe(126_532);
    // Laps 7-11: 126200, 126832, 127103, 130809, 131382.
    expect(row("007", 12)?.baselineMs).toBe(127_103);
    // Laps 28-32: 127191, 127210, 127229, 127973, 129374.
    expect(row("007", 33)?.baselineMs).toBe(127_229);
  });

  it("skips the stop and the safety car: after them it still stands on laps 29-33", () => {
    // Laps 29-33: 127191, 127210, 127229, 127973, 128990.
    expect([34, 35, 36, 39, 40, 41].map((lap) => row("007", lap)?.baselineMs)).toEqual([127_229, 127_229, 127_229, 127_229, 127_229, 127_229]);
  });
});

describe("green laps", () => {
  it("leaves out the first lap, in- and out-laps, laps under a caution and the lap that starts under one", () => {
    expect([1, 2, 33, 34, 35, 36, 39, 40, 41].map((lap) => [lap, row("007", lap)?.green])).toEqual([
      [1, false],
      [2, true],
      [33, true],
      [34, false],
      [35, false],
      [36, false],
      [39, false],
      [40, false],
      [41, true],
    ]);
    expect(row("007", 40)?.neutralised).toBe(true);
  });

  it("leaves out the lap a new driver starts, and counts the new driver's laps from it", () => {
    // TINCKNELL hands over to GAMBLE at the lap-63 stop: lap 64 is the out-lap.
    expect([row("007", 64)?.green, row("007", 64)?.driverLaps, row("007", 66)?.driverLaps]).toEqual([false, 1, 3]);
  });

  it("predicts nothing for a lap that starts in the pit lane", () => {
    expect(row("007", 35)?.features).toBeNull();
    expect(row("007", 36)?.features).not.toBeNull();
  });
});
