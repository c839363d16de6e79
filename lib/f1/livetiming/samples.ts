import type { CarTelemetry, LocationSample } from "@/lib/f1/records";
import { integerOf, numberOf, utcOf } from "./fields";
import { asObject } from "./laps";
import type { FeedObject } from "./merge";

/** Position and CarData come as batches of samples, each standing alone: nothing to merge. */

/** Where car-data downsampling stands: the last sample kept per car. */
export interface CarDataClock {
  everyMs: number;
  lastAt: Map<number, number>;
}

export function locationsOf(sessionKey: number, data: FeedObject, malformed: (reason: string) => void): LocationSample[] {
  const locations: LocationSample[] = [];
  for (const sample of Array.isArray(data.Position) ? data.Position : []) {
    const at = utcOf(asObject(sample)?.Timestamp);
    const entries = asObject(asObject(sample)?.Entries);
    if (at === null || !entries) {
      malformed("position sample without time or entries");
      continue;
    }
    for (const [key, value] of Object.entries(entries)) {
      const driverNumber = integerOf(key);
      const entry = asObject(value);
      const x = numberOf(entry?.X);
      const y = numberOf(entry?.Y);
      if (driverNumber === null || x === null || y === null) continue;
      locations.push({ kind: "location", sessionKey, driverNumber, at: new Date(at), x, y, z: numberOf(entry?.Z) ?? 0 });
    }
  }
  return locations;
}

/** Car data at most once per car per `clock.everyMs`. Channels: 0 rpm, 2 speed, 3 gear, 4 throttle, 5 brake, 45 DRS. */
export function carDataOf(sessionKey: number, data: FeedObject, clock: CarDataClock, malformed: (reason: string) => void): CarTelemetry[] {
  const samples: CarTelemetry[] = [];
  for (const entry of Array.isArray(data.Entries) ? data.Entries : []) {
    const at = utcOf(asObject(entry)?.Utc);
    const cars = asObject(asObject(entry)?.Cars);
    if (at === null || !cars) {
      malformed("car-data sample without time or cars");
      continue;
    }
    for (const [key, value] of Object.entries(cars)) {
      const driverNumber = integerOf(key);
      const channels = asObject(asObject(value)?.Channels);
      if (driverNumber === null || !channels) continue;
      if (at - (clock.lastAt.get(driverNumber) ?? -Infinity) < clock.everyMs) continue;
      clock.lastAt.set(driverNumber, at);
      samples.push({
        kind: "car-data",
        sessionKey,
        driverNumber,
        at: new Date(at),
        rpm: numberOf(channels["0"]) ?? 0,
        speedKph: numberOf(channels["2"]) ?? 0,
        gear: numberOf(channels["3"]) ?? 0,
        throttlePct: numberOf(channels["4"]) ?? 0,
        braking: (numberOf(channels["5"]) ?? 0) > 0,
        drs: numberOf(channels["45"]),
      });
    }
  }
  return samples;
}
