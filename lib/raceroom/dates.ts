// Entry dates come as ISO without a zone ("2025-01-15T14:30:00", sometimes with "Z" or an offset) or as
// "MM/dd/yyyy HH:mm:ss". Both are read as UTC when no zone is given.
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}:?\d{2})?$/;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function utc(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): Date | null {
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  // Date.UTC rolls 31/02 over into March: refuse such dates instead.
  const valid =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
  return valid ? date : null;
}

function offsetMinutes(zone: string): number {
  if (zone === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

/** The instant of an entry's date text, or null when it is in neither format. */
export function parseEntryDate(text: string): Date | null {
  const value = text.trim();
  const iso = ISO.exec(value);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    const ms = frac === undefined ? 0 : Math.round(Number(`0.${frac}`) * 1000);
    const date = utc(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0), ms);
    if (!date || zone === undefined) return date;
    return new Date(date.getTime() - offsetMinutes(zone) * 60_000);
  }
  const us = US.exec(value);
  if (us) {
    const [, mo, d, y, h, mi, s] = us;
    return utc(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), 0);
  }
  return null;
}
