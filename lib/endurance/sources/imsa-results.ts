import { z } from "zod";
import type { ClassificationRecord, ClassifiedDriver, RejectedRow } from "../records";
import { parseDuration } from "../timing";
import { cleanField, headerKey, readSemicolonRows } from "./csv";
import { countOf, textOf } from "./fields";
import { emptyBatch, type EnduranceSource } from "./source";
import { decodeBody, fingerprint, parseJsonOrJsonp, SourceFormatError } from "./text";

/** Fingerprint of the last results document read: a republished but unchanged file yields nothing. */
export interface ResultsCursor {
  fingerprint: string | null;
}

export type ImsaResultsSource = EnduranceSource<ResultsCursor>;

const scalar = z.union([z.string(), z.number(), z.null()]).optional();
const driverSchema = z.looseObject({
  firstname: scalar,
  surname: scalar,
  lastname: scalar,
  name: scalar,
  license: scalar,
});
const entrySchema = z.looseObject({
  position: scalar,
  number: scalar,
  class: scalar,
  team: scalar,
  vehicle: scalar,
  manufacturer: scalar,
  laps: scalar,
  time: scalar,
  total_time: scalar,
  best_lap_time: scalar,
  status: scalar,
  not_finished: z.union([z.boolean(), z.number(), z.string(), z.null()]).optional(),
  drivers: z.array(driverSchema).nullish(),
});
const documentSchema = z.looseObject({ classification: z.array(z.unknown()) });

type Entry = z.infer<typeof entrySchema>;
/** A classified car before its class position is known. */
type Unranked = Omit<ClassificationRecord, "classPosition">;

interface Read {
  entries: Unranked[];
  rejected: RejectedRow[];
}

const NOT_FINISHED = /^(retired|dnf|dns|dsq|disqualified|not classified|nc|excluded)$/i;

/**
 * Results classification: the IMSA `03_Results_*.JSON` (UTF-8 with BOM; `classification[]` of position, number,
 * class, team, vehicle, manufacturer, laps, time, not_finished, drivers) or the same document as CSV
 * (`POSITION;NUMBER;STATUS;LAPS;TOTAL_TIME;...;DRIVER1_FIRSTNAME;...`). Entries are validated one by one.
 */
export const imsaResultsSource: ImsaResultsSource = {
  kind: "imsa-results",
  read(body, { since } = {}) {
    const text = decodeBody(body);
    const cursor: ResultsCursor = { fingerprint: fingerprint(text) };
    if (since?.fingerprint === cursor.fingerprint) return emptyBatch(cursor);
    const { entries, rejected } = text.trimStart().startsWith("{") ? readJson(text) : readCsv(text);
    return { ...emptyBatch(cursor), classification: withClassPositions(entries), rejected };
  },
};

function readJson(text: string): Read {
  const document = documentSchema.safeParse(parseJsonOrJsonp(text).value);
  if (!document.success) throw new SourceFormatError("not a results document: no classification array");
  const read: Read = { entries: [], rejected: [] };
  document.data.classification.forEach((raw, index) => {
    const entry = entrySchema.safeParse(raw);
    const record = entry.success ? fromJson(entry.data) : entry.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    if (typeof record === "string") read.rejected.push({ line: index + 1, reason: record });
    else read.entries.push(record);
  });
  return read;
}

function fromJson(entry: Entry): Unranked | string {
  const car = textOf(entry.number);
  if (car === null) return "no car number";
  const position = countOf(entry.position);
  if (position === null || position < 1) return `car ${car}: no position`;
  const status = textOf(entry.status);
  const notFinished = entry.not_finished === true || entry.not_finished === 1 || /^(true|1)$/i.test(String(entry.not_finished ?? ""));
  return {
    position,
    car,
    carClass: textOf(entry.class),
    team: textOf(entry.team),
    vehicle: textOf(entry.vehicle),
    manufacturer: textOf(entry.manufacturer),
    laps: countOf(entry.laps),
    totalTimeMs: durationOf(entry.total_time ?? entry.time),
    bestLapMs: durationOf(entry.best_lap_time),
    status,
    finished: !notFinished && !NOT_FINISHED.test(status ?? ""),
    drivers: (entry.drivers ?? []).flatMap((driver): ClassifiedDriver[] => {
      const name = [textOf(driver.firstname), textOf(driver.surname ?? driver.lastname)].filter(Boolean).join(" ") || textOf(driver.name);
      return name ? [{ name, license: textOf(driver.license) }] : [];
    }),
  };
}

function readCsv(text: string): Read {
  const rows = readSemicolonRows(text);
  const header = rows.shift()?.fields.map(headerKey) ?? [];
  const column = (key: string) => header.indexOf(key);
  if (column("POSITION") < 0 || column("NUMBER") < 0) throw new SourceFormatError("not a results CSV: no POSITION or NUMBER column");
  const read: Read = { entries: [], rejected: [] };
  for (const row of rows) {
    const record = fromCsv(row.fields, column);
    if (typeof record === "string") read.rejected.push({ line: row.line, reason: record });
    else read.entries.push(record);
  }
  return read;
}

function fromCsv(fields: string[], column: (key: string) => number): Unranked | string {
  const get = (key: string) => {
    const at = column(key);
    return at < 0 ? null : cleanField(fields[at]) || null;
  };
  const car = get("NUMBER");
  if (car === null) return "NUMBER is blank";
  const position = countOf(get("POSITION"));
  if (position === null || position < 1) return `car ${car}: POSITION is not a position: "${get("POSITION") ?? ""}"`;
  const status = get("STATUS");
  const drivers: ClassifiedDriver[] = [];
  for (let n = 1; column(`DRIVER${n}FIRSTNAME`) >= 0 || column(`DRIVER${n}SECONDNAME`) >= 0; n += 1) {
    const name = [get(`DRIVER${n}FIRSTNAME`), get(`DRIVER${n}SECONDNAME`)].filter(Boolean).join(" ");
    if (name) drivers.push({ name, license: get(`DRIVER${n}LICENSE`) });
  }
  return {
    position,
    car,
    carClass: get("CLASS"),
    team: get("TEAM"),
    vehicle: get("VEHICLE"),
    manufacturer: get("MANUFACTURER"),
    laps: countOf(get("LAPS")),
    totalTimeMs: durationOf(get("TOTALTIME")),
    bestLapMs: durationOf(get("FLTIME")),
    status,
    finished: !NOT_FINISHED.test(status ?? ""),
    drivers,
  };
}

function durationOf(value: unknown): number | null {
  const text = textOf(value);
  return text === null ? null : parseDuration(text);
}

/** Positions in order; the class position is the rank within the class (cars without a class rank together). */
function withClassPositions(records: Unranked[]): ClassificationRecord[] {
  const counts = new Map<string | null, number>();
  return [...records]
    .sort((a, b) => a.position - b.position)
    .map((record) => {
      const classPosition = (counts.get(record.carClass) ?? 0) + 1;
      counts.set(record.carClass, classPosition);
      return { ...record, classPosition };
    });
}

