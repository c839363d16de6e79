import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const FIXTURES = new URL("../fixtures/endurance/", import.meta.url);

/** A fixture's bytes, exactly as stored (BOM and line breaks included). */
export function fixtureBytes(name: string): Buffer {
  return readFileSync(new URL(name, FIXTURES));
}

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(name, FIXTURES));
}

/** Race time from hours, minutes, seconds and milliseconds. */
export function raceTime(hours: number, minutes: number, seconds: number, millis = 0): number {
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
}
