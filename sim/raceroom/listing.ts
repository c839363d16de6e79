import { z } from "zod";
import type { LeaderboardEntry } from "./leaderboards";
import type { CarClass, Layout } from "./catalogue";
import type { DriverPool } from "./drivers";
import { formatDateTime, formatGap, formatLapTime } from "./format";

/** The real API serves at most this many rows per request, whatever `count` asks for. */
export const MAX_PAGE = 1500;
/** Page size when a request gives no `count`. */
export const DEFAULT_PAGE = 25;

/** One row of `context.c.results`, as game.raceroom.com sends it. */
export interface RaceRoomEntry {
  index: number;
  global_index: number;
  driver: { name: string; avatar: string; path: string };
  laptime: string;
  relative_laptime: string;
  country: { name: string; code: string };
  car_class: { car: { name: string; "class-name": string; icon: string } };
  track: { name: string; image: string };
  team: string;
  rank: string;
  driving_model: string;
  date_time: string;
  champ_points: number;
}

const DRIVING_MODELS = ["Get Real", "Amateur", "Novice"] as const;

const listingQuery = z.object({
  track: z.string({ error: "required" }).regex(/^\d+$/, "must be a layout id"),
  car_class: z.string({ error: "required" }).regex(/^(class-)?\d+$/, "must be class-<id> or a car id"),
  start: z.string().regex(/^\d+$/, "must be a non-negative integer").optional(),
  count: z.string().regex(/^[1-9]\d*$/, "must be a positive integer").optional(),
});

export type ListingRequest =
  | { kind: "class"; layoutId: number; classId: number; start: number; count: number }
  | { kind: "car"; layoutId: number; carId: number; start: number; count: number };

/** Reads the listing's query; a message in `error` for the feed's `{"error": ...}` payload otherwise. */
export function parseListing(query: URLSearchParams): ListingRequest | { error: string } {
  const parsed = listingQuery.safeParse(Object.fromEntries(query));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `Invalid parameter ${String(issue?.path[0] ?? "")}: ${issue?.message ?? "malformed"}` };
  }
  const { track, car_class: carClass, start, count } = parsed.data;
  const paging = { layoutId: Number(track), start: Number(start ?? 0), count: Math.min(MAX_PAGE, Number(count ?? DEFAULT_PAGE)) };
  return carClass.startsWith("class-")
    ? { kind: "class", classId: Number(carClass.slice("class-".length)), ...paging }
    : { kind: "car", carId: Number(carClass), ...paging };
}

export interface ShapeContext {
  layout: Layout;
  carClass: CarClass;
  drivers: DriverPool;
  /** The leaderboard's record, for the gaps. */
  leaderMs: number;
}

/** One leaderboard entry in the feed's shape; `index` is the rank on the leaderboard served, `globalIndex` on the class leaderboard. */
export function shapeEntry(context: ShapeContext, entry: LeaderboardEntry, index: number, globalIndex: number): RaceRoomEntry {
  const driver = context.drivers.driver(entry.driver);
  const car = context.carClass.cars.find((candidate) => candidate.id === entry.carId);
  return {
    index,
    global_index: globalIndex,
    driver: { name: driver.name, avatar: driver.avatar, path: `https://game.raceroom.com/users/info/${driver.id}/` },
    laptime: formatLapTime(entry.lapMs),
    relative_laptime: formatGap(entry.lapMs - context.leaderMs),
    country: driver.country,
    car_class: { car: { name: car?.name ?? "", "class-name": context.carClass.name, icon: car?.icon ?? "" } },
    track: { name: context.layout.name, image: context.layout.image },
    team: driver.team,
    rank: driver.rank,
    driving_model: DRIVING_MODELS[entry.model] ?? "Get Real",
    date_time: formatDateTime(entry.at, entry.usDate),
    champ_points: driver.champPoints,
  };
}

/** What the site answers a browser (no X-Requested-With): the leaderboard page, not data. */
export const LEADERBOARD_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Leaderboards - RaceRoom Racing Experience</title></head>
<body><div id="leaderboard" data-pjax-container></div></body>
</html>
`;
