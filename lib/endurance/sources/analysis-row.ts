import { flagFromCode } from "../flags";
import type { LapRecord } from "../records";
import { parseDuration, parseTimeOfDay } from "../timing";
import { cleanField, headerKey } from "./csv";
import { SourceFormatError } from "./text";

// Every column an analysis / time-cards export may have, matched by headerKey. IMSA's time cards
// say LAPNUMBER and LAPTIME; older files stop at MANUFACTURER (no FLAG_AT_FL, no S*_SECONDS); CLASS, GROUP
// and TEAM are missing from some exports. Columns not listed here (intermediates, mini-sectors) are ignored.
const COLUMNS = {
  car: "NUMBER",
  driverNumber: "DRIVER_NUMBER",
  lap: "LAP_NUMBER",
  lapTime: "LAP_TIME",
  improvement: "LAP_IMPROVEMENT",
  crossingInPit: "CROSSING_FINISH_LINE_IN_PIT",
  s1: "S1",
  s2: "S2",
  s3: "S3",
  kph: "KPH",
  elapsed: "ELAPSED",
  hour: "HOUR",
  s1Large: "S1_LARGE",
  s2Large: "S2_LARGE",
  s3Large: "S3_LARGE",
  topSpeed: "TOP_SPEED",
  driver: "DRIVER_NAME",
  pitTime: "PIT_TIME",
  carClass: "CLASS",
  group: "GROUP",
  team: "TEAM",
  manufacturer: "MANUFACTURER",
  flag: "FLAG_AT_FL",
  s1Seconds: "S1_SECONDS",
  s2Seconds: "S2_SECONDS",
  s3Seconds: "S3_SECONDS",
} as const;

type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ["car", "lap", "lapTime", "elapsed"];

export interface AnalysisLayout {
  /** Position of each known column in a row; absent columns are missing. */
  index: Partial<Record<Column, number>>;
  /** Named columns in the header (its trailing empty name not counted): a row needs at least this many fields. */
  width: number;
}

/** Reads the header row; refuses a file without the columns a lap needs. */
export function analysisLayout(header: string[]): AnalysisLayout {
  const keys = header.map(headerKey);
  while (keys.length > 0 && keys[keys.length - 1] === "") keys.pop();
  const index: Partial<Record<Column, number>> = {};
  for (const [column, name] of Object.entries(COLUMNS) as [Column, string][]) {
    const at = keys.indexOf(headerKey(name));
    if (at >= 0) index[column] = at;
  }
  const missing = REQUIRED.filter((column) => index[column] === undefined).map((column) => COLUMNS[column]);
  if (missing.length > 0) {
    throw new SourceFormatError(`not an Al Kamel analysis header: no ${missing.join(", ")} in "${header.join(";").slice(0, 120)}"`);
  }
  return { index, width: keys.length };
}

const INTEGER = /^\d+$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;

class RowError extends Error {}

/** One analysis row as a lap, or the reason it is malformed (a row is never half read). */
export function analysisRowToLap(fields: string[], layout: AnalysisLayout): LapRecord | string {
  if (fields.length < layout.width) return `has ${fields.length} fields, the header names ${layout.width}`;
  const extra = fields.slice(layout.width).findIndex((field) => field.trim() !== "");
  if (extra >= 0) return `has a value past the last named column (field ${layout.width + extra + 1})`;
  try {
    return readLap(fields, layout);
  } catch (error) {
    if (error instanceof RowError) return error.message;
    throw error;
  }
}

const integer = (value: string) => (INTEGER.test(value) ? Number(value) : null);
const decimal = (value: string) => (DECIMAL.test(value) ? Number(value) : null);

/** Field access by column for one row (a class, not closures: this runs for every lap of a 24-hour file). */
class Fields {
  constructor(
    private readonly fields: string[],
    private readonly index: AnalysisLayout["index"],
  ) {}

  text(column: Column): string {
    const at = this.index[column];
    return at === undefined ? "" : cleanField(this.fields[at]);
  }

  optionalText(column: Column): string | null {
    return this.text(column) || null;
  }

  /** Null when blank; throws when the value is there but unreadable. */
  read<T>(column: Column, parse: (value: string) => T | null, what: string): T | null {
    const value = this.text(column);
    if (value === "") return null;
    const parsed = parse(value);
    if (parsed === null) throw new RowError(`${COLUMNS[column]} is not ${what}: "${value}"`);
    return parsed;
  }

  duration(column: Column): number | null {
    return this.read(column, parseDuration, "a time");
  }

  /** S1 is "M:SS.fff"; where it is blank the *_SECONDS or *_LARGE copies may still hold the sector. */
  sector(main: Column, seconds: Column, large: Column): number | null {
    return this.duration(main) ?? this.duration(seconds) ?? this.duration(large);
  }
}

function readLap(values: string[], layout: AnalysisLayout): LapRecord {
  const row = new Fields(values, layout.index);
  const car = row.text("car");
  if (car === "") throw new RowError("NUMBER is blank");
  const lap = row.read("lap", integer, "a lap number");
  if (lap === null || lap < 1) throw new RowError(`LAP_NUMBER is not a lap number: "${row.text("lap")}"`);
  const elapsedMs = row.duration("elapsed");
  if (elapsedMs === null) throw new RowError("ELAPSED is blank");
  const sectorsMs: LapRecord["sectorsMs"] = [
    row.sector("s1", "s1Seconds", "s1Large"),
    row.sector("s2", "s2Seconds", "s2Large"),
    row.sector("s3", "s3Seconds", "s3Large"),
  ];
  const [s1, s2, s3] = sectorsMs;
  const lapTimeMs = row.duration("lapTime") ?? (s1 !== null && s2 !== null && s3 !== null ? s1 + s2 + s3 : null);
  if (lapTimeMs === null || lapTimeMs <= 0) throw new RowError(`LAP_TIME is not a lap time: "${row.text("lapTime")}"`);

  const crossing = row.text("crossingInPit").toUpperCase();
  if (crossing !== "" && crossing !== "B") throw new RowError(`CROSSING_FINISH_LINE_IN_PIT is "${crossing}", not B or blank`);
  const improvement = row.read("improvement", integer, "an improvement flag");
  if (improvement !== null && improvement > 3) throw new RowError(`LAP_IMPROVEMENT is ${improvement}, not 0-3`);
  const flagCode = row.optionalText("flag");
  const pitTimeMs = row.duration("pitTime");

  return {
    car,
    lap,
    driverNumber: row.read("driverNumber", integer, "a driver number"),
    driver: row.optionalText("driver"),
    lapTimeMs,
    sectorsMs,
    kph: row.read("kph", decimal, "a speed"),
    topSpeedKph: row.read("topSpeed", decimal, "a speed"),
    elapsedMs,
    timeOfDayMs: row.read("hour", parseTimeOfDay, "a time of day"),
    improvement,
    inLap: crossing === "B",
    outLap: pitTimeMs !== null,
    pitTimeMs,
    flag: flagCode === null ? null : flagFromCode(flagCode),
    flagCode,
    carClass: row.optionalText("carClass"),
    group: row.optionalText("group"),
    team: row.optionalText("team"),
    manufacturer: row.optionalText("manufacturer"),
  };
}
