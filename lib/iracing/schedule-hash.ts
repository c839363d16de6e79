import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import type { RaceTimeDescriptor, RaceWeek } from "./records";

const byCar = <T extends { carId: number }>(a: T, b: T) => a.carId - b.carId;

/**
 * A stable fingerprint of a season's schedule: the same weeks give the same hash whatever the order iRacing lists
 * weeks, cars, restrictions or descriptors in, so a sync can skip a season whose schedule has not changed.
 */
export function scheduleHash(raceWeeks: readonly RaceWeek[]): string {
  const weeks = [...raceWeeks]
    .sort((a, b) => a.seasonId - b.seasonId || a.raceWeekNum - b.raceWeekNum)
    .map((week) => ({
      ...week,
      carRestrictions: [...week.carRestrictions].sort(byCar),
      cars: [...week.cars].sort(byCar),
      carClassIds: [...week.carClassIds].sort((a, b) => a - b),
      raceTimeDescriptors: sortedDescriptors(week.raceTimeDescriptors),
    }));
  return createHash("sha256").update(canonicalize(weeks) ?? "", "utf8").digest("hex");
}

function sortedDescriptors(descriptors: readonly RaceTimeDescriptor[]): RaceTimeDescriptor[] {
  return [...descriptors].sort((a, b) => {
    const left = canonicalize(a) ?? "";
    const right = canonicalize(b) ?? "";
    return left < right ? -1 : left > right ? 1 : 0;
  });
}
