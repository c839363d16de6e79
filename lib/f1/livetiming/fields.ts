import { COMPOUNDS, type Compound, type Gap } from "@/lib/f1/records";

/**
 * The feed writes nearly every value as text: lap and sector times ("1:28.097", "24.212"), gaps ("+0.056", lapped
 * cars "1 L", the leader's column "LAP 12"), numbers ("30.3"). Empty text means "nothing yet".
 */

const CLOCK = /^(?:(\d+):)?(\d+(?:\.\d+)?)$/;
const TIME_GAP = /^\+?(?:(\d+):)?(\d+(?:\.\d+)?)$/;
const LAPS_GAP = /^\+?(\d+)\s*L(?:APS?)?$/i;

/** "1:28.097" -> 88097; "" and anything else -> null. */
export function clockMs(text: unknown): number | null {
  if (typeof text !== "string") return null;
  const match = CLOCK.exec(text.trim());
  if (!match) return null;
  return Math.round((Number(match[1] ?? 0) * 60 + Number(match[2])) * 1000);
}

/** "+0.056" -> 56 ms; "1 L" -> one lap; "LAP 12" (the leader) and "" -> null. */
export function gapOf(text: unknown): Gap | null {
  if (typeof text !== "string") return null;
  const trimmed = text.trim();
  const laps = LAPS_GAP.exec(trimmed);
  if (laps) return { kind: "laps", laps: Number(laps[1]) };
  const time = TIME_GAP.exec(trimmed);
  if (!time) return null;
  return { kind: "time", ms: Math.round((Number(time[1] ?? 0) * 60 + Number(time[2])) * 1000) };
}

/** A number sent as text or as a number; "" and junk -> null. */
export function numberOf(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string" || value.trim() === "") return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

export function integerOf(value: unknown): number | null {
  const parsed = numberOf(value);
  return parsed !== null && Number.isInteger(parsed) ? parsed : null;
}

export function compoundOf(value: unknown): Compound | null {
  if (typeof value !== "string" || value === "") return null;
  const upper = value.toUpperCase();
  return (COMPOUNDS as readonly string[]).includes(upper) ? (upper as Compound) : "UNKNOWN";
}

/** The feed's "Utc" values come with or without a zone and with up to 7 decimals; all are UTC. */
export function utcOf(value: unknown): number | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z?$/.test(value)) return null;
  const [whole, fraction = ""] = value.replace(/Z$/, "").split(".");
  const ms = Date.parse(`${whole}.${fraction.padEnd(3, "0").slice(0, 3)}Z`);
  return Number.isNaN(ms) ? null : ms;
}

/** "01:00:00" / "-04:00:00" -> milliseconds east of UTC. */
export function offsetMs(text: unknown): number | null {
  if (typeof text !== "string") return null;
  const match = /^(-)?(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  const ms = ((Number(match[2]) * 60 + Number(match[3])) * 60 + Number(match[4] ?? 0)) * 1000;
  return match[1] ? -ms : ms;
}

/** A local "2020-08-07T15:00:00" and its GMT offset -> the instant. */
export function localToUtc(local: unknown, gmtOffset: unknown): Date | null {
  const at = utcOf(local);
  if (at === null) return null;
  return new Date(at - (offsetMs(gmtOffset) ?? 0));
}

export function colourOf(value: unknown): string | null {
  return typeof value === "string" && /^[0-9A-Fa-f]{6}$/.test(value) ? `#${value.toUpperCase()}` : null;
}

export const textOf = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : null);
