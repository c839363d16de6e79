import { hash32, hashUnit } from "../random";
import { SLOT_WEEKS, WEEK, weekStarts, weekTimes, type Quarter, type WeekTimes } from "./calendar";
import type { SimTrack } from "./catalogue";
import type { SimSeries } from "./series";

export interface SimWeek {
  raceWeekNum: number;
  startMs: number;
  days: number;
  track: SimTrack;
  times: WeekTimes;
  /** Every session start of the week, ascending. */
  starts: number[];
  carIds: number[];
  /** The week's car in a rotating series. */
  rotationCarId: number | null;
  /** Schedule changes applied to this week (the control action): each moves the track and the balance. */
  changes: number;
}

export interface SimSeason {
  seasonId: number;
  series: SimSeries;
  quarter: Quarter;
  weeks: SimWeek[];
}

/** Season ids encode the slot and the series: 6000 + slot * 500 + series index (series are at most 400). */
export function seasonIdOf(series: SimSeries, slot: Quarter): number {
  return 6000 + slot.index * 500 + series.index;
}

export function slotOfSeasonId(seasonId: number): number {
  return Math.floor((seasonId - 6000) / 500);
}

/** Week starts and lengths: 12 or 13 weeks, some seasons with a 14-day last week; 2-week endurance rounds; one-week events. */
function layout(seed: number, series: SimSeries, slot: Quarter, seasonId: number): { startMs: number; days: number }[] {
  const cadence = series.template.cadence;
  if (cadence === "special") return [{ startMs: slot.startMs + 5 * WEEK, days: 7 }];
  if (cadence === "week13") return [{ startMs: slot.startMs + (SLOT_WEEKS - 1) * WEEK, days: 7 }];
  if (cadence === "endurance") return Array.from({ length: 6 }, (_, week) => ({ startMs: slot.startMs + week * 2 * WEEK, days: 14 }));
  const weeks = hashUnit(seed, seasonId, 0x13) < 0.3 ? 13 : 12;
  const longLast = weeks === 12 && hashUnit(seed, seasonId, 0x14) < 0.4;
  return Array.from({ length: weeks }, (_, week) => ({ startMs: slot.startMs + week * WEEK, days: longLast && week === weeks - 1 ? 14 : 7 }));
}

/** One season of a series in a season slot, with `changes[raceWeekNum]` schedule changes applied. */
export function planSeason(seed: number, series: SimSeries, slot: Quarter, changes: ReadonlyMap<number, number>): SimSeason {
  const seasonId = seasonIdOf(series, slot);
  const offset = hash32(seed, seasonId, 0x5e) % Math.max(1, series.trackPool.length);
  const weeks = layout(seed, series, slot, seasonId).map(({ startMs, days }, raceWeekNum): SimWeek => {
    const changed = changes.get(raceWeekNum) ?? 0;
    const track = series.trackPool[(offset + raceWeekNum + changed) % series.trackPool.length] as SimTrack;
    const times = weekTimes(series.template, startMs, days);
    const rotation = series.rotationCarIds;
    const rotationCarId = rotation ? (rotation[(raceWeekNum + offset) % rotation.length] ?? null) : null;
    return {
      raceWeekNum,
      startMs,
      days,
      track,
      times,
      starts: weekStarts(times, startMs, days),
      carIds: rotationCarId !== null ? [rotationCarId] : [],
      rotationCarId,
      changes: changed,
    };
  });
  return { seasonId, series, quarter: slot, weeks };
}
