/** The string formats game.raceroom.com uses in leaderboard entries. */

const pad = (value: number, width: number) => String(value).padStart(width, "0");

/** "1m 23.414s", "1h 2m 05.190s" for very long laps, "59.123s" / "00.136s" under a minute. */
export function formatLapTime(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const seconds = `${pad(Math.floor(ms / 1000) % 60, 2)}.${pad(ms % 1000, 3)}s`;
  if (hours > 0) return `${hours}h ${minutes}m ${seconds}`;
  if (minutes > 0) return `${minutes}m ${seconds}`;
  return seconds;
}

/** "+1.333s"; the leader's gap is the empty string. */
export function formatGap(ms: number): string {
  return ms <= 0 ? "" : `+${Math.floor(ms / 1000)}.${pad(ms % 1000, 3)}s`;
}

/** Both formats occur in the feed: ISO without a zone, and US style. */
export function formatDateTime(epochSeconds: number, usStyle: boolean): string {
  const date = new Date(epochSeconds * 1000);
  if (!usStyle) return date.toISOString().slice(0, 19);
  const time = `${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}`;
  return `${pad(date.getUTCMonth() + 1, 2)}/${pad(date.getUTCDate(), 2)}/${date.getUTCFullYear()} ${time}`;
}
