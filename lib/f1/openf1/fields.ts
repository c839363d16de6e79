import { z } from "zod";
import { COMPOUNDS, type Compound, type Gap, type MiniSector } from "@/lib/f1/records";

// OpenF1 writes "2025-12-07T13:04:59.577000+00:00", sometimes without fraction or zone (read as UTC then).
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** The instant of an OpenF1 date text, or null when it is not one. */
export function parseInstant(text: string): Date | null {
  const match = ISO.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = match;
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), ms);
  const check = new Date(local);
  // Date.UTC rolls 30/02 over into March: refuse such dates instead.
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) {
    return null;
  }
  if (zone === undefined || zone === "Z") return check;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return new Date(local - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000);
}

/** Epoch milliseconds of an OpenF1 date text, or null. */
export const instantMs = (value: string): number | null => parseInstant(value)?.getTime() ?? null;

export const instant = z.string().transform((value, ctx) => {
  const date = parseInstant(value);
  if (date === null) ctx.addIssue({ code: "custom", message: `not a date: "${value}"` });
  return date ?? new Date(0);
});

export const optionalInstant = z
  .string()
  .nullish()
  .transform((value, ctx) => {
    if (value === null || value === undefined || value.trim() === "") return null;
    const date = parseInstant(value);
    if (date === null) ctx.addIssue({ code: "custom", message: `not a date: "${value}"` });
    return date;
  });

export const integer = z.number().int();
export const optionalInteger = integer.nullish().transform((value) => value ?? null);
export const optionalNumber = z.number().nullish().transform((value) => value ?? null);

/** Seconds (OpenF1's unit) to whole milliseconds. */
export const toMs = (seconds: number) => Math.round(seconds * 1000);
export const optionalSeconds = z.number().nonnegative().nullish().transform((value) => (value === null || value === undefined ? null : toMs(value)));

/** Free text; blank is absent. */
export const text = z.string().nullish().transform((value) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
});

export const bool = z.boolean().nullish().transform((value) => value ?? false);

const LAPS_DOWN = /^\+?\s*(\d+)\s*LAPS?$/i;

/** A gap as OpenF1 sends it: seconds, "+N LAP(S)", or null. Undefined when the value is none of these. */
export function parseGap(value: unknown): Gap | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? { kind: "time", ms: toMs(value) } : undefined;
  if (typeof value !== "string") return undefined;
  const laps = LAPS_DOWN.exec(value.trim());
  if (laps) return { kind: "laps", laps: Number(laps[1]) };
  const seconds = Number(value.trim().replace(/^\+/, ""));
  return value.trim() !== "" && Number.isFinite(seconds) ? { kind: "time", ms: toMs(seconds) } : undefined;
}

export const gap = z.unknown().transform((value, ctx) => {
  const parsed = parseGap(value);
  if (parsed === undefined) ctx.addIssue({ code: "custom", message: `not a gap: ${JSON.stringify(value)}` });
  return parsed ?? null;
});

/** "4781D7" (no "#" in OpenF1) to "#4781D7"; anything else is absent. */
export const teamColour = z.string().nullish().transform((value) => {
  const hex = value?.trim().replace(/^#/, "");
  return hex && /^[0-9a-f]{6}$/i.test(hex) ? `#${hex.toUpperCase()}` : null;
});

export const compound = z.string().nullish().transform((value): Compound | null => {
  const name = value?.trim().toUpperCase();
  if (!name) return null;
  return (COMPOUNDS as readonly string[]).includes(name) ? (name as Compound) : "UNKNOWN";
});

// Mini-sector codes of the timing feed (OpenF1 documents 2048, 2049, 2051, 2064; 0, 2050, 2052 carry no colour).
const MINI_SECTORS: Record<number, MiniSector> = { 2048: "yellow", 2049: "green", 2051: "purple", 2064: "pit" };

export const miniSectors = z
  .array(z.number().nullable())
  .nullish()
  .transform((codes) => (codes ?? []).map((code): MiniSector => (code === null ? "none" : (MINI_SECTORS[code] ?? "none"))));
