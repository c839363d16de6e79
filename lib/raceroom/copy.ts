import type postgres from "postgres";
import { copyBinary, type BinaryCopyEncoder } from "@/db/copy";
import type { LeaderboardEntry } from "./source";

/** An entry ready for a generation's table: the leaderboard it belongs to and the catalogue car it was matched to. */
export interface EntryRow {
  layoutId: number;
  classId: number;
  carId: number | null;
  entry: LeaderboardEntry;
}

const ENTRY_COLUMNS = [
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

/** Streams entries into `table` with one binary COPY FROM STDIN, whatever the number of rows. */
export async function copyEntries(sql: postgres.Sql | postgres.TransactionSql, table: string, generationId: number, rows: Iterable<EntryRow>): Promise<void> {
  // Field by field in ENTRY_COLUMNS order: this runs for every entry of a refresh.
  await copyBinary(sql, table, ENTRY_COLUMNS, rows, (out: BinaryCopyEncoder, row: EntryRow) => {
    const e = row.entry;
    out.row(ENTRY_COLUMNS.length);
    out.int4(generationId);
    out.int4(row.layoutId);
    out.int4(row.classId);
    out.int4(e.position);
    out.int8(e.driverId);
    out.text(e.driverName);
    out.textOrNull(e.countryCode);
    out.textOrNull(e.countryName);
    out.int4OrNull(row.carId);
    out.text(e.carName);
    out.int4(e.lapTimeMs);
    out.textOrNull(e.team);
    out.textOrNull(e.rank);
    out.textOrNull(e.difficulty);
    out.timestamptzOrNull(e.achievedAt);
  });
}
