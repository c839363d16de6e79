/** The time notations of Al Kamel files and the IMSA feed, written and read by the simulator itself. */

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

function parts(ms: number): { hours: number; minutes: number; seconds: number; millis: number } {
  const rounded = Math.max(0, Math.round(ms));
  return {
    hours: Math.floor(rounded / 3_600_000),
    minutes: Math.floor(rounded / 60_000) % 60,
    seconds: Math.floor(rounded / 1000) % 60,
    millis: rounded % 1000,
  };
}

/** "1:41.068" under an hour, "17:31:33.055" beyond (lap times, race time). */
export function formatRaceTime(ms: number): string {
  const { hours, minutes, seconds, millis } = parts(ms);
  if (hours > 0) return `${hours}:${pad(minutes)}:${pad(seconds)}.${pad(millis, 3)}`;
  return `${minutes}:${pad(seconds)}.${pad(millis, 3)}`;
}

/** "54.422" under a minute, else like a lap time (sector columns). */
export function formatSector(ms: number): string {
  const { seconds, millis } = parts(ms);
  return ms < 60_000 ? `${seconds}.${pad(millis, 3)}` : formatRaceTime(ms);
}

/** "0:54.422": the *_LARGE columns always show minutes. */
export function formatLargeSector(ms: number): string {
  const { hours, minutes, seconds, millis } = parts(ms);
  return hours > 0 ? formatRaceTime(ms) : `${minutes}:${pad(seconds)}.${pad(millis, 3)}`;
}

/** "0:01:27.261": PIT_TIME always shows hours. */
export function formatPitTime(ms: number): string {
  const { hours, minutes, seconds, millis } = parts(ms);
  return `${hours}:${pad(minutes)}:${pad(seconds)}.${pad(millis, 3)}`;
}

/** "16:04:19.878": HOUR, the local time of day, wrapping at midnight. */
export function formatTimeOfDay(ms: number): string {
  const { hours, minutes, seconds, millis } = parts(ms % 86_400_000);
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(millis, 3)}`;
}

/** "05:12:33": the live feed's time to go. */
export function formatCountdown(ms: number): string {
  const { hours, minutes, seconds } = parts(ms);
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
}

/** Milliseconds of "SS.fff", "M:SS.fff" or "H:MM:SS.fff" (older files: "M'SS.fff"); null otherwise. */
export function readRaceTime(text: string): number | null {
  const match = /^(\d+)(?:[:'](\d\d?))?(?:[:'](\d\d?))?(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const [, first, second, third, fraction] = match;
  const units = [first, second, third].filter((unit): unit is string => unit !== undefined).map(Number);
  const seconds = units.reduce((total, unit) => total * 60 + unit, 0);
  return seconds * 1000 + (fraction === undefined ? 0 : Math.round(Number(`0.${fraction}`) * 1000));
}
