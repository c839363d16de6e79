const numberFormat = new Intl.NumberFormat("en-US");

export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** "3 min ago", "in 2 h": relative to now, in the largest unit that fits. */
export function formatRelative(date: Date, now: Date = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  const [value, unit] =
    abs < 60 ? [abs, "s"] : abs < 3600 ? [Math.round(abs / 60), "min"] : abs < 86_400 ? [Math.round(abs / 3600), "h"] : [Math.round(abs / 86_400), "d"];
  if (abs < 5) return "just now";
  return seconds < 0 ? `${value} ${unit} ago` : `in ${value} ${unit}`;
}

/** 83.414 s -> "1:23.414"; hours when needed. */
export function formatLapTime(ms: number): string {
  const totalMs = Math.round(ms);
  const hours = Math.floor(totalMs / 3_600_000);
  const minutes = Math.floor((totalMs % 3_600_000) / 60_000);
  const seconds = Math.floor((totalMs % 60_000) / 1000);
  const millis = totalMs % 1000;
  const ss = `${String(seconds).padStart(minutes || hours ? 2 : 1, "0")}.${String(millis).padStart(3, "0")}`;
  if (hours) return `${hours}:${String(minutes).padStart(2, "0")}:${ss}`;
  return minutes ? `${minutes}:${ss}` : ss;
}

/** Milliseconds -> "+1.333" (gap to the leader). */
export function formatGap(ms: number): string {
  return `+${(ms / 1000).toFixed(3)}`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s % 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
