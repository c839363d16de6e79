import { mulberry32 } from "@/lib/random";
import { hash32, hashString, hashUnit } from "../random";
import type { CarClass, Layout } from "./catalogue";
import type { DriverPool } from "./drivers";

/** One driver's best lap on one leaderboard. */
export interface LeaderboardEntry {
  driver: number;
  lapMs: number;
  carId: number;
  /** When the lap was set (epoch seconds). */
  at: number;
  /** 0 Get Real, 1 Amateur, 2 Novice. */
  model: number;
  /** Which of the feed's two date formats this entry comes in. */
  usDate: boolean;
}

/** Day 0 of every world; `advance` moves one day past it at a time. */
export const DAY_ZERO = Date.UTC(2026, 3, 1) / 1000;
const FIRST_LAP = Date.UTC(2014, 0, 1) / 1000;
const DAY = 86_400;

export interface BoardSource {
  seed: number;
  drivers: DriverPool;
  layout: Layout;
  carClass: CarClass;
}

/** A layout's typical lap, from its name where that says something (the catalogue has no lengths), else a hash. */
function layoutBaseMs(layout: Layout): number {
  const spread = hashUnit(layout.id, 0xba5e);
  const name = `${layout.trackName} ${layout.layoutName}`;
  if (/24 Hours/i.test(name)) return 500_000 + spread * 30_000;
  if (/Nordschleife/i.test(name)) return 420_000 + spread * 60_000;
  if (/Drift/i.test(name)) return 30_000 + spread * 15_000;
  if (/Hillclimb/i.test(name)) return 48_000 + spread * 20_000;
  if (/Oval|Speedway/i.test(name)) return 40_000 + spread * 12_000;
  if (/Short|Sprint|Club|National|Junior|Indy|West|East|South|North/i.test(name)) return 52_000 + spread * 35_000;
  return 78_000 + spread * 50_000;
}

/** How quick a class is relative to GT cars: prototypes and formula cars faster, trucks and carts slower. */
function classFactor(carClass: CarClass): number {
  const spread = hashUnit(carClass.id, 0xc1a5);
  if (/Shopping Cart|Truck|Safety/i.test(carClass.name)) return 1.3 + spread * 0.15;
  if (/P1|P2|Hypercar|Group C|Dpi|FR3|FR X|FR2|FRX|F4|ID\. R/i.test(carClass.name)) return 0.85 + spread * 0.08;
  return 0.95 + spread * 0.15;
}

export function recordLapMs(layout: Layout, carClass: CarClass): number {
  return Math.round(layoutBaseMs(layout) * classFactor(carClass));
}

function boardRandom(source: BoardSource, day: number): () => number {
  return mulberry32(hash32(source.seed, source.layout.id, source.carClass.id, day, hashString("leaderboard")));
}

/** A lap within a few percent of the record for a quick driver, up to ~17% off for the slowest. */
function lapFor(source: BoardSource, driver: number, record: number, random: () => number): number {
  const skill = source.drivers.skill(driver);
  return Math.round(record * (1.002 + 0.15 * skill * skill + 0.02 * random()));
}

function newEntry(source: BoardSource, driver: number, record: number, at: number, random: () => number): LeaderboardEntry {
  const cars = source.carClass.cars;
  const car = cars[Math.floor(random() ** 1.5 * cars.length)] ?? cars[0];
  const modelRoll = random();
  return {
    driver,
    lapMs: lapFor(source, driver, record, random),
    carId: car?.id ?? 0,
    at,
    model: modelRoll < 0.72 ? 0 : modelRoll < 0.92 ? 1 : 2,
    usDate: random() < 0.35,
  };
}

function byLap(a: LeaderboardEntry, b: LeaderboardEntry): number {
  return a.lapMs - b.lapMs || a.driver - b.driver;
}

/** The leaderboard as it stands on day 0, sorted fastest first. */
export function dayZeroBoard(source: BoardSource, size: number): LeaderboardEntry[] {
  const random = boardRandom(source, 0);
  const record = recordLapMs(source.layout, source.carClass);
  const entries = source.drivers
    .sample(random, size)
    .map((driver) => newEntry(source, driver, record, DAY_ZERO - Math.floor(random() ** 2 * (DAY_ZERO - FIRST_LAP)), random));
  // The real feed has cut laps (a fraction of a second) and forgotten out-laps (over an hour) on some leaderboards.
  if (entries.length >= 10 && hashUnit(source.seed, source.layout.id, source.carClass.id, 0xc07) < 0.004) {
    const cut = entries[Math.floor(random() * entries.length)];
    if (cut) cut.lapMs = 100 + Math.floor(random() * 900);
  }
  if (entries.length >= 30 && hashUnit(source.seed, source.layout.id, source.carClass.id, 0x510) < 0.01) {
    const idle = entries[Math.floor(random() * entries.length)];
    if (idle) idle.lapMs = 3_600_000 + Math.floor(random() * 600_000);
  }
  return entries.sort(byLap);
}

/**
 * The leaderboard one day later: a few percent of its drivers set a new personal best, and `growth` new drivers
 * post a first lap. Returns a new array; `previous` is left as it was.
 */
export function nextDayBoard(source: BoardSource, previous: readonly LeaderboardEntry[], day: number, growth: number): LeaderboardEntry[] {
  const random = boardRandom(source, day);
  const entries = previous.map((entry) => ({ ...entry }));
  const dayStart = DAY_ZERO + (day - 1) * DAY;
  const improvers = Math.round(entries.length * (0.02 + 0.03 * random()));
  for (let i = 0; i < improvers; i += 1) {
    const entry = entries[Math.floor(random() * entries.length)];
    if (!entry || entry.lapMs <= 1) continue;
    const gain = Math.max(1, Math.floor(entry.lapMs * (0.0005 + 0.015 * random())));
    entry.lapMs = Math.max(1, entry.lapMs - gain);
    entry.at = dayStart + Math.floor(random() * DAY);
  }
  if (growth > 0) {
    const record = recordLapMs(source.layout, source.carClass);
    const present = new Set(entries.map((entry) => entry.driver));
    for (const driver of source.drivers.sample(random, growth, present)) {
      entries.push(newEntry(source, driver, record, dayStart + Math.floor(random() * DAY), random));
    }
  }
  return entries.sort(byLap);
}
