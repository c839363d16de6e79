import { readdirSync, readFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { parse } from "csv-parse/sync";
import { SimControlError } from "../../control-error";
import { apiOrder, openf1Date, rowDate, type Dataset, type Row } from "./rows";

export interface FolderSummary {
  label: string;
  /** Rows per endpoint served. */
  endpoints: Record<string, number>;
  /** Endpoints made up from the other rows because the folder has none. */
  derived: string[];
  skipped: string[];
}

// Like the API, which never casts these: "229971" is a colour, not a number.
const TEXT_COLUMNS = new Set(["team_colour", "gmt_offset"]);
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A CSV cell as the API would have sent it. The CSV copies in circulation were written by pandas: floats for
 * integer columns with gaps ("7.0"), "True"/"False", Python lists ("[2048, None]"), empty cells for null.
 */
function castCell(column: string, cell: string): unknown {
  if (TEXT_COLUMNS.has(column)) return cell === "" ? null : cell;
  if (cell === "" || cell === "nan" || cell === "None") return null;
  if (cell === "True" || cell === "False") return cell === "True";
  if (NUMBER.test(cell)) return Number(cell);
  if (cell.startsWith("[") && cell.endsWith("]")) {
    try {
      return JSON.parse(cell.replace(/\bNone\b|\bnan\b/g, "null")) as unknown;
    } catch {
      return cell;
    }
  }
  return cell;
}

function readRows(path: string): Row[] | string {
  const text = readFileSync(path, "utf8");
  if (extname(path).toLowerCase() === ".csv") {
    const records = parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
    return records.map((record) => Object.fromEntries(Object.entries(record).map(([column, cell]) => [column, castCell(column, cell)])));
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return "not valid JSON";
  }
  // The API's answer is a bare array; the shared samples wrap theirs in {"response": [...]}.
  const rows = Array.isArray(body) ? body : body && typeof body === "object" && "response" in body ? body.response : undefined;
  if (!Array.isArray(rows)) return "not a list of rows";
  return rows.filter((row): row is Row => row !== null && typeof row === "object" && !Array.isArray(row));
}

function span(rows: Iterable<Row>): { first: number; last: number } | null {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    for (const field of ["date", "date_start"]) {
      const ms = rowDate(row[field]);
      if (ms === null) continue;
      first = Math.min(first, ms);
      last = Math.max(last, ms);
    }
  }
  return first <= last ? { first, last } : null;
}

/** Sessions for a folder without sessions.json: one per session_key, over the span of its rows. */
function deriveSessions(tables: Map<string, Row[]>): Row[] {
  const bySession = new Map<number, Row[]>();
  for (const rows of tables.values()) {
    for (const row of rows) {
      if (typeof row.session_key !== "number") continue;
      const list = bySession.get(row.session_key) ?? [];
      list.push(row);
      bySession.set(row.session_key, list);
    }
  }
  const raced = new Set((tables.get("intervals") ?? []).map((row) => row.session_key));
  return [...bySession].flatMap(([sessionKey, rows]) => {
    const when = span(rows);
    if (!when) return [];
    const name = raced.has(sessionKey) ? "Race" : "Practice";
    return [
      {
        session_key: sessionKey,
        meeting_key: rows.find((row) => typeof row.meeting_key === "number")?.meeting_key ?? null,
        session_name: name,
        session_type: name,
        ...unknownVenue(when),
      },
    ];
  });
}

/** The fields a folder of recorded rows cannot tell (where and in which zone), with the span the rows cover. */
function unknownVenue(when: { first: number; last: number }): Row {
  return {
    date_start: openf1Date(when.first, false),
    date_end: openf1Date(when.last, false),
    year: new Date(when.first).getUTCFullYear(),
    gmt_offset: "00:00:00",
    is_cancelled: false,
    location: null,
    country_code: null,
    country_key: null,
    country_name: null,
    circuit_key: null,
    circuit_short_name: null,
  };
}

function deriveMeetings(sessions: Row[]): Row[] {
  const byMeeting = new Map<unknown, Row[]>();
  for (const session of sessions) byMeeting.set(session.meeting_key, [...(byMeeting.get(session.meeting_key) ?? []), session]);
  return [...byMeeting].flatMap(([meetingKey, rows]) => {
    const when = span(rows.flatMap((row) => [{ date: row.date_start }, { date: row.date_end }]));
    if (typeof meetingKey !== "number" || !when) return [];
    return [
      {
        meeting_key: meetingKey,
        meeting_name: `Meeting ${meetingKey}`,
        meeting_official_name: null,
        ...unknownVenue(when),
        circuit_type: null,
      },
    ];
  });
}

/**
 * Real OpenF1 data from a folder: one `<endpoint>.json` (the API's array, or the shared samples' {"response": [...]})
 * or `<endpoint>.csv` (as the API's csv=true or pandas wrote it) per endpoint. Sessions and meetings are made up
 * from the rows' keys and dates when the folder has none.
 */
export function loadFolder(path: string): { dataset: Dataset; summary: FolderSummary } {
  let files: string[];
  try {
    files = readdirSync(path).sort();
  } catch {
    throw new SimControlError(`cannot read the folder ${path}`);
  }
  const tables = new Map<string, Row[]>();
  const skipped: string[] = [];
  // JSON before CSV: when both exist, the JSON is the API's own answer.
  for (const extension of [".json", ".csv"]) {
    for (const file of files.filter((name) => extname(name).toLowerCase() === extension)) {
      const endpoint = basename(file, extname(file)).toLowerCase();
      if (!/^[a-z_]+$/.test(endpoint) || tables.has(endpoint)) {
        skipped.push(`${file}: not an endpoint name, or already read`);
        continue;
      }
      const rows = readRows(join(path, file));
      if (typeof rows === "string") skipped.push(`${file}: ${rows}`);
      else tables.set(endpoint, rows);
    }
  }
  if (tables.size === 0) throw new SimControlError(`no OpenF1 data (<endpoint>.json or .csv) in ${path}`);
  const derived: string[] = [];
  if (!tables.has("sessions")) {
    tables.set("sessions", deriveSessions(tables));
    derived.push("sessions");
  }
  if (!tables.has("meetings")) {
    tables.set("meetings", deriveMeetings(tables.get("sessions") ?? []));
    derived.push("meetings");
  }
  for (const [endpoint, rows] of tables) tables.set(endpoint, apiOrder(rows));
  const summary = { label: path, endpoints: Object.fromEntries([...tables].map(([endpoint, rows]) => [endpoint, rows.length])), derived, skipped };
  return { dataset: { label: path, tables, samplers: new Map() }, summary };
}
