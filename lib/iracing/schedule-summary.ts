import type { RaceTimeDescriptor, RepeatingTimes, SetTimes } from "./records";
import { DAY_MS, MINUTE_MS, parseDay, parseTimeOfDay } from "./time";

export interface ScheduleSummaryOptions {
  /** IANA zone the times are shown in (default "UTC"); an unknown zone throws a RangeError. */
  timeZone?: string;
  /** Locale of weekday names and zone labels (default "en-GB": "Sat", 24-hour times). */
  locale?: string;
}

interface Clock {
  /** "Sat" */
  weekday(ms: number): string;
  /** "14 Mar" */
  date(ms: number): string;
  /** "18:00" */
  time(ms: number): string;
  minute(ms: number): number;
  /** "UTC", "CET", "GMT-5" */
  zone(ms: number): string;
}

function clock({ timeZone = "UTC", locale = "en-GB" }: ScheduleSummaryOptions): Clock {
  const weekday = new Intl.DateTimeFormat(locale, { timeZone, weekday: "short" });
  const date = new Intl.DateTimeFormat(locale, { timeZone, day: "numeric", month: "short" });
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const zone = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" });
  const part = (format: Intl.DateTimeFormat, ms: number, type: Intl.DateTimeFormatPartTypes) => format.formatToParts(ms).find((p) => p.type === type)?.value ?? "";
  return {
    weekday: (ms) => weekday.format(ms),
    date: (ms) => date.format(ms),
    time: (ms) => `${part(time, ms, "hour")}:${part(time, ms, "minute")}`,
    minute: (ms) => Number(part(time, ms, "minute")),
    zone: (ms) => part(zone, ms, "timeZoneName"),
  };
}

/** "a", "a and b", "a, b and c". */
function list(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

const unique = <T>(values: readonly T[]) => [...new Set(values)];
const pad = (minute: number) => `:${String(minute).padStart(2, "0")}`;

/** "every 2 hours at :15", "every 30 minutes", "every hour on the hour", "every 90 minutes from 00:45 UTC". */
function cadence(stepMinutes: number, firstMs: number, at: Clock): string {
  const minute = at.minute(firstMs);
  if (stepMinutes < 60 && 60 % stepMinutes === 0) {
    const minutes = Array.from({ length: 60 / stepMinutes }, (_, i) => (minute + i * stepMinutes) % 60).sort((a, b) => a - b);
    return minute % stepMinutes === 0 ? `every ${stepMinutes} minutes` : `every ${stepMinutes} minutes at ${list(minutes.map(pad))}`;
  }
  if (stepMinutes % 60 === 0 && DAY_MS % (stepMinutes * MINUTE_MS) === 0) {
    const hours = stepMinutes / 60;
    const every = hours === 1 ? "every hour" : `every ${hours} hours`;
    return minute === 0 ? `${every} on the hour` : `${every} at ${pad(minute)}`;
  }
  return `every ${stepMinutes} minutes from ${at.time(firstMs)} ${at.zone(firstMs)}`;
}

/** Start times of one day of a repeating descriptor (relative to its midnight), at most `cap` + 1 of them. */
function dayStarts(descriptor: RepeatingTimes, firstSecond: number, cap: number): number[] {
  const step = descriptor.repeatMinutes && descriptor.repeatMinutes > 0 ? descriptor.repeatMinutes * MINUTE_MS : null;
  // Descriptors read back from storage may lack the field (older rows never had it).
  const endOffset = descriptor.endOffsetMinutes ?? null;
  const last = endOffset === null ? DAY_MS - 1 : endOffset * MINUTE_MS;
  const starts: number[] = [];
  for (let start = firstSecond * 1000; start <= last && starts.length <= cap; start += step ?? DAY_MS) starts.push(start);
  return starts;
}

function repeating(descriptor: RepeatingTimes, at: Clock): string {
  const base = parseDay(descriptor.startDate)?.getTime() ?? 0;
  const firstSecond = parseTimeOfDay(descriptor.firstSessionTime) ?? 0;
  const offsets = descriptor.dayOffsets ?? [0, 1, 2, 3, 4, 5, 6];
  const firstOfDay = offsets.map((offset) => base + offset * DAY_MS + firstSecond * 1000);
  const everyDay = unique(offsets.map((offset) => ((offset % 7) + 7) % 7)).length === 7;
  const days = everyDay ? "" : list(unique(firstOfDay.map((ms) => at.weekday(ms))));
  const starts = dayStarts(descriptor, firstSecond, 3);
  const first = firstOfDay[0] ?? base + firstSecond * 1000;
  if (starts.length <= 3) {
    const dayStart = first - firstSecond * 1000;
    const times = `${list(starts.map((start) => at.time(dayStart + start)))} ${at.zone(first)}`;
    return everyDay ? `daily at ${times}` : `${days} at ${times}`;
  }
  const every = cadence(descriptor.repeatMinutes ?? 0, first, at);
  return everyDay ? every : `${days}, ${every}`;
}

function setTimes(descriptor: SetTimes, at: Clock): string {
  const times = descriptor.sessionTimes.map((time) => Date.parse(time)).filter(Number.isFinite).sort((a, b) => a - b);
  const [first] = times;
  if (first === undefined) return "no session times";
  const last = times[times.length - 1] ?? first;
  const zone = at.zone(first);
  // Within one week a weekday names a day; over a longer span only a date does.
  const day = last - first < 7 * DAY_MS ? at.weekday : at.date;
  const clockTimes = unique(times.map((ms) => at.time(ms)));
  if (clockTimes.length === 1) return `${list(unique(times.map(day)))} at ${clockTimes[0]} ${zone}`;
  if (times.length <= 4) return `${list(times.map((ms) => `${day(ms)} ${at.time(ms)}`))} ${zone}`;
  return `${times.length} set times, ${day(first)} ${at.time(first)} to ${day(last)} ${at.time(last)} ${zone}`;
}

/**
 * A readable summary of when a week's sessions start: "every 2 hours at :15", "every 30 minutes",
 * "Sat and Sun at 18:00 UTC", "Sat 18:00, Sat 22:00 and Sun 02:00 CET". Several descriptors are joined with "; ".
 */
export function describeSchedule(descriptors: readonly RaceTimeDescriptor[], options: ScheduleSummaryOptions = {}): string {
  const at = clock(options);
  const phrases = unique(descriptors.map((descriptor) => (descriptor.repeating ? repeating(descriptor, at) : setTimes(descriptor, at))));
  return phrases.length === 0 ? "no session times" : phrases.join("; ");
}
