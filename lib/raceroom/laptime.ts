// RaceRoom writes lap times as "1m 23.414s", "1h 2m 05.190s", "00.136s", "59.1s" or "1m 02s", sometimes followed
// by ", <something>" (only the part before the comma is the time).
const LAP_TIME = /^(?:(\d+)h\s*)?(?:(\d+)m\s*)?(?:(\d+)(?:\.(\d+))?s)?$/;

/** Milliseconds, or null when the text is not a RaceRoom lap time. */
export function parseLapTime(text: string): number | null {
  const comma = text.indexOf(",");
  const head = (comma < 0 ? text : text.slice(0, comma)).trim();
  const match = LAP_TIME.exec(head);
  if (!match || head === "") return null;
  const [, hours, minutes, seconds, fraction] = match;
  if (hours === undefined && minutes === undefined && seconds === undefined) return null;
  // A fraction of any length is seconds: ".1" is 100 ms, ".19" 190 ms, ".1905" rounds to 191 ms.
  const millis = fraction === undefined ? 0 : Math.round(Number(`0.${fraction}`) * 1000);
  const total = Number(hours ?? 0) * 3_600_000 + Number(minutes ?? 0) * 60_000 + Number(seconds ?? 0) * 1000 + millis;
  return Number.isSafeInteger(total) && total > 0 ? total : null;
}

const pad = (value: number, width: number) => String(value).padStart(width, "0");

/** The upstream's own notation ("1m 23.414s", "1h 2m 05.190s", "59.100s"), for files that promise its shapes. */
export function formatRaceroomLapTime(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const seconds = `${pad(Math.floor(ms / 1000) % 60, 2)}.${pad(ms % 1000, 3)}s`;
  if (hours > 0) return `${hours}h ${minutes}m ${seconds}`;
  return minutes > 0 ? `${minutes}m ${seconds}` : seconds;
}
