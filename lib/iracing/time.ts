// iRacing sends GMT throughout: dates ("2025-12-16"), times of day ("00:45:00") and instants with or without a zone.
// Everything here is UTC; a visitor's time zone is applied only when formatting.

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const TIME_OF_DAY = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): Date | null {
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  // Date.UTC rolls 2026-02-30 over into March: refuse such dates instead.
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid && hour < 24 && minute < 60 && second < 60 ? date : null;
}

/** Midnight UTC of a "YYYY-MM-DD" day, or null. */
export function parseDay(text: string): Date | null {
  const match = DAY.exec(text.trim());
  if (!match) return null;
  const [, year, month, day] = match;
  return utc(Number(year), Number(month), Number(day));
}

/** An ISO 8601 instant; without a zone it is read as UTC (iRacing's times are GMT). */
export function parseInstant(text: string): Date | null {
  const match = INSTANT.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const ms = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  const date = utc(Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second ?? 0), ms);
  if (!date || zone === undefined || zone.toUpperCase() === "Z") return date;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  return new Date(date.getTime() - offsetMinutes * MINUTE_MS);
}

/** Seconds after midnight of "HH:MM" or "HH:MM:SS" (hours 0-23), or null. */
export function parseTimeOfDay(text: string): number | null {
  const match = TIME_OF_DAY.exec(text.trim());
  if (!match) return null;
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  return hours < 24 && minutes < 60 && seconds < 60 ? hours * 3600 + minutes * 60 + seconds : null;
}

/** "HH:MM:SS" for seconds after midnight. */
export function formatTimeOfDay(seconds: number): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

/** Midnight UTC of the day holding `instant`. */
export function startOfUtcDay(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / DAY_MS) * DAY_MS);
}
