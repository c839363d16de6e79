import type postgres from "postgres";
import { sql } from "@/lib/db";
import type { Flag, LapRecord, PitRecord } from "../records";

// Laps and pit passages as the timing file states them (booleans go as text: postgres.js sends a boolean[] as one
// boolean). A lap is written once: (race, car, lap) is its key and a
// later read of the same lap is skipped, so a poll that sees the whole file again changes nothing.

/** The pool or a transaction: laps, pits and the read position are written together. */
export type Writer = postgres.Sql | postgres.TransactionSql;

const intArray = (values: (number | null)[]) => values.map((value) => (value === null ? null : Math.round(value)));

/** Inserts the laps not stored yet, in one statement (one array per column); returns how many were new. */
export async function insertLaps(tx: Writer, raceId: number, laps: readonly LapRecord[]): Promise<number> {
  if (laps.length === 0) return 0;
  const column = <T>(pick: (lap: LapRecord) => T) => laps.map(pick);
  const rows = await tx`
    insert into endurance_laps (race_id, car, lap, driver_number, driver, lap_time_ms, s1_ms, s2_ms, s3_ms, kph, top_speed_kph,
      elapsed_ms, time_of_day_ms, improvement, in_lap, out_lap, pit_time_ms, flag, flag_code, car_class, car_group, team, manufacturer)
    select ${raceId}, * from unnest(
      ${column((l) => l.car)}::text[], ${column((l) => l.lap)}::int[], ${column((l) => l.driverNumber)}::int[], ${column((l) => l.driver)}::text[],
      ${intArray(column((l) => l.lapTimeMs))}::int[], ${intArray(column((l) => l.sectorsMs[0]))}::int[], ${intArray(column((l) => l.sectorsMs[1]))}::int[],
      ${intArray(column((l) => l.sectorsMs[2]))}::int[], ${column((l) => l.kph)}::real[], ${column((l) => l.topSpeedKph)}::real[],
      ${intArray(column((l) => l.elapsedMs))}::int[], ${intArray(column((l) => l.timeOfDayMs))}::int[], ${column((l) => l.improvement)}::int[],
      ${column((l) => String(l.inLap))}::text[]::boolean[], ${column((l) => String(l.outLap))}::text[]::boolean[], ${intArray(column((l) => l.pitTimeMs))}::int[],
      ${column((l) => l.flag)}::text[], ${column((l) => l.flagCode)}::text[], ${column((l) => l.carClass)}::text[], ${column((l) => l.group)}::text[],
      ${column((l) => l.team)}::text[], ${column((l) => l.manufacturer)}::text[])
    on conflict do nothing
    returning 1`;
  return rows.length;
}

export async function insertPits(tx: Writer, raceId: number, pits: readonly PitRecord[]): Promise<void> {
  if (pits.length === 0) return;
  await tx`
    insert into endurance_pits (race_id, car, out_lap, in_lap, pit_lane_ms, at_ms)
    select ${raceId}, * from unnest(${pits.map((p) => p.car)}::text[], ${pits.map((p) => p.outLap)}::int[], ${pits.map((p) => p.inLap)}::int[],
      ${intArray(pits.map((p) => p.pitLaneMs))}::int[], ${intArray(pits.map((p) => p.atMs))}::int[])
    on conflict do nothing`;
}

interface LapRow {
  car: string;
  lap: number;
  driver_number: number | null;
  driver: string | null;
  lap_time_ms: number;
  s1_ms: number | null;
  s2_ms: number | null;
  s3_ms: number | null;
  kph: number | null;
  top_speed_kph: number | null;
  elapsed_ms: number;
  time_of_day_ms: number | null;
  improvement: number | null;
  in_lap: boolean;
  out_lap: boolean;
  pit_time_ms: number | null;
  flag: Flag | null;
  flag_code: string | null;
  car_class: string | null;
  car_group: string | null;
  team: string | null;
  manufacturer: string | null;
}

/**
 * A race's laps in crossing order, up to a race time when given (a replay, a TV delay); only those stored after a
 * moment when given (Postgres's own timestamp text, as read from it).
 */
export async function loadLaps(raceId: number, upToMs?: number, storedAfter?: string): Promise<LapRecord[]> {
  const rows = await sql()<LapRow[]>`
    select car, lap, driver_number, driver, lap_time_ms, s1_ms, s2_ms, s3_ms, kph, top_speed_kph, elapsed_ms, time_of_day_ms,
      improvement, in_lap, out_lap, pit_time_ms, flag, flag_code, car_class, car_group, team, manufacturer
    from endurance_laps where race_id = ${raceId} ${upToMs === undefined ? sql()`` : sql()`and elapsed_ms <= ${upToMs}`}
      ${storedAfter === undefined ? sql()`` : sql()`and ingested_at > ${storedAfter}::timestamptz`}
    order by elapsed_ms, car`;
  return rows.map((row) => ({
    car: row.car,
    lap: row.lap,
    driverNumber: row.driver_number,
    driver: row.driver,
    lapTimeMs: row.lap_time_ms,
    sectorsMs: [row.s1_ms, row.s2_ms, row.s3_ms],
    kph: row.kph,
    topSpeedKph: row.top_speed_kph,
    elapsedMs: row.elapsed_ms,
    timeOfDayMs: row.time_of_day_ms,
    improvement: row.improvement,
    inLap: row.in_lap,
    outLap: row.out_lap,
    pitTimeMs: row.pit_time_ms,
    flag: row.flag,
    flagCode: row.flag_code,
    carClass: row.car_class,
    group: row.car_group,
    team: row.team,
    manufacturer: row.manufacturer,
  }));
}
