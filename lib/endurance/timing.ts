import type { Gap } from "./records";

// Al Kamel writes durations as "SS.fff", "M:SS.fff", "H:MM:SS.fff" (a lap can last 17 hours, race time passes
// 24:00:00) and, in older files, "M'SS.fff". Plain seconds ("62882.751") are the *_SECONDS columns.
const DURATION = /^(\d+)(?:[:'](\d{1,2}))?(?:[:'](\d{1,2}))?(?:\.(\d{1,6}))?$/;

const DAY_MS = 86_400_000;

/** Milliseconds of a duration text, or null when it is not one. Blank text is also null. */
export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text.trim());
  if (!match) return null;
  const [, lead, middle, last, fraction] = match;
  // The leading part may run past 59 ("54:26.020", "24:06:01.039", "62882.751"); the others may not.
  let seconds = Number(lead);
  for (const part of [middle, last]) {
    if (part === undefined) continue;
    const value = Number(part);
    if (value > 59) return null;
    seconds = seconds * 60 + value;
  }
  const millis = fraction === undefined ? 0 : Math.round(Number(`0.${fraction}`) * 1000);
  return seconds * 1000 + millis;
}

/**
 * Time of day of an `HOUR` value ("16:33:45.763"), folded into one day: some exports count on past midnight
 * ("24:02:15.036") instead of wrapping to "00:02:15.036".
 */
export function parseTimeOfDay(text: string): number | null {
  const value = text.trim();
  if (!/^\d{1,2}:\d{2}:\d{2}(?:\.\d{1,6})?$/.test(value)) return null;
  const ms = parseDuration(value);
  return ms === null || ms >= 2 * DAY_MS ? null : ms % DAY_MS;
}

/**
 * A gap as timing screens print it: "12.345", "1:02.345", "1 Lap", "3 Laps", "+2L". Blank and the leader's
 * placeholders ("-", "--.---") are null.
 */
export function parseGap(text: string): Gap | null {
  const value = text.trim().replace(/^\+/, "");
  if (value === "" || /^[-.:\s]+$/.test(value)) return null;
  const laps = /^(\d+)\s*(?:laps?|l)$/i.exec(value);
  if (laps) return { laps: Number(laps[1]), ms: null };
  const ms = parseDuration(value);
  return ms === null ? null : { laps: 0, ms };
}
