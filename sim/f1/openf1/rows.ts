/** One row as OpenF1 serves it: field names and value types exactly as the API writes them. */
export type Row = Record<string, unknown>;

/** Rows of one endpoint generated for a time window on demand (car data and locations are too many to keep). */
export type Sampler = (sessionKey: number, fromMs: number, toMs: number) => Row[];

/** What the simulator serves: rows per endpoint (every session, in the API's order) and sampled endpoints. */
export interface Dataset {
  /** What the data is, for the control API: "synthetic race (seed 1)", a folder path, ... */
  label: string;
  tables: Map<string, Row[]>;
  samplers: Map<string, Sampler>;
}

/** OpenF1's date text: "2025-12-07T13:04:59.577000+00:00", or "2025-12-07T12:20:00+00:00" without a fraction. */
export function openf1Date(ms: number, fraction = true): string {
  const iso = new Date(ms).toISOString();
  return fraction ? `${iso.slice(0, 23)}000+00:00` : `${iso.slice(0, 19)}+00:00`;
}

const ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/;

/** Epoch milliseconds of a date text in a row (no zone means UTC), or null. */
export function rowDate(value: unknown): number | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const ms = Date.parse(ZONE.test(value) ? value : `${value.replace(" ", "T")}Z`);
  return Number.isNaN(ms) ? null : ms;
}

/** The same date text moved by `shiftMs`, in the style it came in. */
function shiftDate(value: unknown, shiftMs: number): unknown {
  const ms = rowDate(value);
  return ms === null ? value : openf1Date(ms + shiftMs, String(value).includes("."));
}

const DATE_FIELDS = ["date", "date_start", "date_end"] as const;

export function shiftRow(row: Row, shiftMs: number): Row {
  const moved = { ...row };
  for (const field of DATE_FIELDS) if (field in moved) moved[field] = shiftDate(moved[field], shiftMs);
  return moved;
}

const sortKey = (row: Row, field: string): number | string => {
  const value = row[field];
  const date = rowDate(value);
  if (date !== null) return date;
  return typeof value === "number" || typeof value === "string" ? value : Number.NEGATIVE_INFINITY;
};

/**
 * The order the API returns rows in: by date_start, meeting_key, session_key and position_current (a missing field
 * first), then in the order they were recorded.
 */
export function apiOrder(rows: readonly Row[]): Row[] {
  const fields = ["date_start", "meeting_key", "session_key", "position_current"];
  return [...rows].sort((a, b) => {
    for (const field of fields) {
      const left = sortKey(a, field);
      const right = sortKey(b, field);
      if (left !== right) return left < right ? -1 : 1;
    }
    return 0;
  });
}
