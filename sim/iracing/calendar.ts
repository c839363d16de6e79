import type { SeriesRow } from "./catalogue-data";

export const MINUTE = 60_000;
export const DAY = 86_400_000;
export const WEEK = 7 * DAY;

/** 2026 Season 1 started on Tuesday 16 December 2025 (00:00 GMT); every season slot is 13 weeks. */
const SEASON_ZERO = Date.UTC(2025, 11, 16);
export const SLOT_WEEKS = 13;

export interface Quarter {
  /** Season slots counted from 2026 Season 1 (0); negative before it. */
  index: number;
  year: number;
  quarter: number;
  startMs: number;
}

export function quarter(index: number): Quarter {
  const yearOffset = Math.floor(index / 4);
  return { index, year: 2026 + yearOffset, quarter: index - yearOffset * 4 + 1, startMs: SEASON_ZERO + index * SLOT_WEEKS * WEEK };
}

export function quarterAt(ms: number): Quarter {
  return quarter(Math.floor((ms - SEASON_ZERO) / (SLOT_WEEKS * WEEK)));
}

export function quarterOf(year: number, quarterNumber: number): Quarter {
  return quarter((year - 2026) * 4 + quarterNumber - 1);
}

const pad = (value: number) => String(value).padStart(2, "0");

/** "2025-12-16" */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "2025-12-22T22:45:00Z", the Data API's instant format. */
export function isoInstant(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** "00:45:00" */
export function clockTime(minuteOfDay: number): string {
  return `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}:00`;
}

/** When a week's sessions start, as the simulator plans them (and then describes them in race_time_descriptors). */
export type WeekTimes =
  | { repeating: true; firstMinute: number; repeatMinutes: number; dayOffsets: number[]; endOffsetMinutes: number | null; sessionMinutes: number }
  | { repeating: false; times: number[]; sessionMinutes: number };

/** Minutes a session takes: practice and qualifying around a race of `race` minutes (negative: laps). */
function sessionMinutes(race: number): number {
  return race > 0 ? race + 14 : Math.round(-race * 0.45) + 14;
}

/** The plan of one race week of `days` days starting at `startMs`. */
export function weekTimes(template: SeriesRow, startMs: number, days: number): WeekTimes {
  const allDays = Array.from({ length: days }, (_, day) => day);
  const minutes = sessionMinutes(template.race);
  const every = (firstMinute: number, repeatMinutes: number, dayOffsets = allDays, endOffsetMinutes: number | null = null): WeekTimes => ({
    repeating: true,
    firstMinute,
    repeatMinutes,
    dayOffsets,
    endOffsetMinutes,
    sessionMinutes: minutes,
  });
  switch (template.cadence) {
    case "every2h":
      return every(template.minute, 120);
    case "every30":
      return every(template.minute, 30);
    case "hourly":
    case "week13":
      return every(template.minute, 60);
    case "every3h":
      return every(60 + template.minute, 180);
    case "weekend":
      // Saturdays and Sundays of a Tuesday-to-Monday week, at 18:00 and 21:00 GMT.
      return every(18 * 60, 180, allDays.filter((day) => day % 7 === 4 || day % 7 === 5), 21 * 60);
    case "evenings":
      return every(19 * 60, 120, allDays, 23 * 60);
    case "endurance":
      return every(template.minute, 480);
    case "special":
      // Friday evening, Saturday afternoon and Sunday night of the event week.
      return { repeating: false, times: [3 * DAY + 18 * 60 * MINUTE, 4 * DAY + 14 * 60 * MINUTE, 5 * DAY + 2 * 60 * MINUTE].map((offset) => startMs + offset), sessionMinutes: template.race };
  }
}

/** Every session start of a week, ascending: each listed day from the first time, every `repeatMinutes`, within the day. */
export function weekStarts(times: WeekTimes, startMs: number, days: number): number[] {
  if (!times.repeating) return [...times.times].sort((a, b) => a - b);
  const starts: number[] = [];
  for (const day of times.dayOffsets) {
    if (day >= days) continue;
    const midnight = startMs + day * DAY;
    const last = times.endOffsetMinutes ?? 24 * 60 - 1;
    for (let minute = times.firstMinute; minute <= last && minute < 24 * 60; minute += times.repeatMinutes) starts.push(midnight + minute * MINUTE);
  }
  return starts.sort((a, b) => a - b);
}
