import type { RaceTimeDescriptor, RaceWeek, RepeatingTimes } from "./records";
import { DAY_MS, MINUTE_MS, parseDay, parseTimeOfDay } from "./time";

// Session start times are computed from a race week's descriptors for any window, never stored. All math is in UTC
// milliseconds; a visitor's time zone only enters when formatting (schedule-summary.ts).

export { describeSchedule, type ScheduleSummaryOptions } from "./schedule-summary";

/** What session times are computed from: a race week as stored (its descriptors are plain JSON). */
export type RaceWeekTimes = Pick<RaceWeek, "seasonId" | "raceWeekNum" | "endsAt" | "weekEndTime" | "raceTimeDescriptors">;

export interface Session {
  seasonId: number;
  raceWeekNum: number;
  startsAt: Date;
  /** `startsAt` plus the descriptor's session minutes, when it gives them. */
  endsAt: Date | null;
  superSession: boolean;
}

type Add = (startMs: number, descriptor: RaceTimeDescriptor) => void;

/**
 * Start times of a repeating descriptor within [lo, hi): on each listed day (counted from its start date), from the
 * first session time every `repeatMinutes` until the day ends (or `endOffsetMinutes`), never after the week's end.
 */
function repeatingStarts(descriptor: RepeatingTimes, week: RaceWeekTimes, lo: number, hi: number, add: Add): void {
  const base = parseDay(descriptor.startDate)?.getTime();
  const firstSecond = parseTimeOfDay(descriptor.firstSessionTime);
  if (base === undefined || firstSecond === null) return;
  // The latest start the week allows: its week_end_time (inclusive) and its exclusive end.
  const latest = Math.min(week.endsAt.getTime() - 1, week.weekEndTime?.getTime() ?? Infinity, hi - 1);
  const weekDays = Math.max(0, Math.ceil((week.endsAt.getTime() - base) / DAY_MS));
  const offsets = descriptor.dayOffsets ?? Array.from({ length: weekDays }, (_, day) => day);
  const step = descriptor.repeatMinutes && descriptor.repeatMinutes > 0 ? descriptor.repeatMinutes * MINUTE_MS : null;
  for (const offset of offsets) {
    const dayStart = base + offset * DAY_MS;
    if (dayStart > latest || dayStart + DAY_MS <= lo) continue;
    const first = dayStart + firstSecond * 1000;
    // Descriptors read back from storage may lack the field (older rows never had it).
    const endOffset = descriptor.endOffsetMinutes ?? null;
    const dayLast = endOffset === null ? dayStart + DAY_MS - 1 : dayStart + endOffset * MINUTE_MS;
    const last = Math.min(dayLast, latest);
    if (step === null) {
      if (first >= lo && first <= last) add(first, descriptor);
      continue;
    }
    const skipped = first >= lo ? 0 : Math.ceil((lo - first) / step);
    for (let start = first + skipped * step; start <= last; start += step) add(start, descriptor);
  }
}

/** The sessions of one race week that start in [from, to), in start order. */
export function weekSessions(week: RaceWeekTimes, from: Date, to: Date): Session[] {
  const lo = from.getTime();
  const hi = to.getTime();
  if (!(hi > lo)) return [];
  const found = new Map<number, Session>();
  const add: Add = (startMs, descriptor) => {
    if (startMs < lo || startMs >= hi) return;
    const known = found.get(startMs);
    // Two descriptors naming one start time are one session; a super session flag wins.
    if (known && (known.superSession || !descriptor.superSession)) return;
    found.set(startMs, {
      seasonId: week.seasonId,
      raceWeekNum: week.raceWeekNum,
      startsAt: new Date(startMs),
      endsAt: descriptor.sessionMinutes ? new Date(startMs + descriptor.sessionMinutes * MINUTE_MS) : null,
      superSession: descriptor.superSession,
    });
  };
  for (const descriptor of week.raceTimeDescriptors) {
    if (descriptor.repeating) repeatingStarts(descriptor, week, lo, hi, add);
    else for (const time of descriptor.sessionTimes) add(Date.parse(time), descriptor);
  }
  return [...found.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** The sessions of many race weeks (of one season or of all) that start in [from, to), by start time. */
export function sessionsBetween(weeks: Iterable<RaceWeekTimes>, from: Date, to: Date): Session[] {
  const sessions: Session[] = [];
  for (const week of weeks) sessions.push(...weekSessions(week, from, to));
  return sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.seasonId - b.seasonId || a.raceWeekNum - b.raceWeekNum);
}

/** The last instant a week's sessions can start at (explicit times may lie past its end). */
function horizon(week: RaceWeekTimes): number {
  let last = week.endsAt.getTime();
  for (const descriptor of week.raceTimeDescriptors) {
    if (!descriptor.repeating) for (const time of descriptor.sessionTimes) last = Math.max(last, Date.parse(time) + 1);
  }
  return last;
}

/** The first session starting at or after `after`, over the given weeks; null when none is left. */
export function nextSession(weeks: Iterable<RaceWeekTimes>, after: Date): Session | null {
  let next: Session | null = null;
  for (const week of weeks) {
    // Only a session earlier than the best so far can win, so the window ends there.
    const end: number = next ? Math.min(horizon(week), next.startsAt.getTime()) : horizon(week);
    if (end <= after.getTime()) continue;
    next = weekSessions(week, after, new Date(end))[0] ?? next;
  }
  return next;
}
