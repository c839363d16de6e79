import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type postgres from "postgres";
import type { BoardEntry } from "./source";

/** An entry ready for a generation's table: the board it belongs to and the catalogue car it was matched to. */
export interface EntryRow {
  layoutId: number;
  classId: number;
  carId: number | null;
  entry: BoardEntry;
}

export const ENTRY_COLUMNS = [
  "generation_id",
  "layout_id",
  "class_id",
  "position",
  "driver_id",
  "driver_name",
  "country_code",
  "country_name",
  "car_id",
  "car_name",
  "lap_time_ms",
  "team",
  "rank",
  "difficulty",
  "achieved_at",
] as const;

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** Text in COPY's text format: \N for null, backslash escapes for the characters that delimit rows and columns. */
function text(value: string | null): string {
  if (value === null) return "\\N";
  return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ESCAPES[c]!) : value;
}

// One template per row: this runs for every entry of a refresh, so it avoids arrays and joins.
function line(generationId: number, row: EntryRow): string {
  const e = row.entry;
  const car = row.carId === null ? "\\N" : row.carId;
  const at = e.achievedAt ? e.achievedAt.toISOString() : "\\N";
  return `${generationId}\t${row.layoutId}\t${row.classId}\t${e.position}\t${e.driverId}\t${text(e.driverName)}\t${text(e.countryCode)}\t${text(e.countryName)}\t${car}\t${text(e.carName)}\t${e.lapTimeMs}\t${text(e.team)}\t${text(e.rank)}\t${text(e.difficulty)}\t${at}\n`;
}

function* chunks(generationId: number, rows: Iterable<EntryRow>): Generator<string> {
  let buffer = "";
  for (const row of rows) {
    buffer += line(generationId, row);
    if (buffer.length >= 256 * 1024) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}

/** Streams rows into `table` with COPY FROM STDIN (one statement, whatever the number of rows). */
export async function copyEntries(sql: postgres.Sql | postgres.TransactionSql, table: string, generationId: number, rows: Iterable<EntryRow>): Promise<void> {
  const writable = await sql`copy ${sql(table)} (${sql(ENTRY_COLUMNS as unknown as string[])}) from stdin`.writable();
  await pipeline(Readable.from(chunks(generationId, rows)), writable);
}
