import { readRaceTime } from "./clock-text";

/** One lap line of an analysis file, with where its bytes are and what the replay needs from it. */
export interface RaceRow {
  /** Byte range of the line, line break included: served verbatim. */
  start: number;
  end: number;
  car: string;
  lap: number;
  /** When the lap is complete. A line the simulator cannot read keeps its predecessor's time. */
  elapsedMs: number;
  lapTimeMs: number | null;
  driver: string;
  carClass: string;
  team: string;
  manufacturer: string;
  inLap: boolean;
  pitTimeMs: number | null;
  /** FLAG_AT_FL as written ("" in files without it). */
  flag: string;
  /** HOUR as written. */
  timeOfDay: string;
}

/** An Al Kamel analysis file split for replay. */
export interface RaceFile {
  bytes: Buffer;
  /** Bytes of the header line (BOM included), served before any lap. */
  headerEnd: number;
  /** The file's line break, added to a last line that has none so that a served line is always complete. */
  lineBreak: Buffer;
  /** In file order (Al Kamel sorts by car, then lap). */
  rows: RaceRow[];
  /** Last crossing of the file. */
  endMs: number;
  /** Scheduled length: the hour before the first chequered crossing, else the hour before the last crossing. */
  scheduledMs: number;
}

const HOUR_MS = 3_600_000;

/** Reads the columns the replay needs by name (padded names, LAPNUMBER / LAPTIME of IMSA files). */
export function readRaceFile(bytes: Buffer): RaceFile {
  const decoder = textDecoderFor(bytes);
  const lines: { start: number; end: number; text: string }[] = [];
  for (let start = 0; start < bytes.length; ) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline < 0 ? bytes.length : newline + 1;
    const text = decoder.decode(bytes.subarray(start, end)).replace(/^\ufeff/, "").replace(/\r?\n$/, "");
    lines.push({ start, end, text });
    start = end;
  }
  const headerLine = lines.findIndex((line) => line.text.trim() !== "");
  const header = (lines[headerLine]?.text ?? "").split(";").map((name) => name.trim().toUpperCase().replace(/[^A-Z0-9]/g, ""));
  const column = (...names: string[]) => header.findIndex((name) => names.includes(name));
  const at = {
    car: column("NUMBER"),
    lap: column("LAPNUMBER"),
    lapTime: column("LAPTIME"),
    elapsed: column("ELAPSED"),
    driver: column("DRIVERNAME"),
    carClass: column("CLASS"),
    team: column("TEAM"),
    manufacturer: column("MANUFACTURER"),
    crossing: column("CROSSINGFINISHLINEINPIT"),
    pitTime: column("PITTIME"),
    flag: column("FLAGATFL"),
    hour: column("HOUR"),
  };
  if (at.car < 0 || at.lap < 0 || at.elapsed < 0) throw new Error("not an Al Kamel analysis file: NUMBER, LAP_NUMBER and ELAPSED are needed");

  const rows: RaceRow[] = [];
  let previousElapsed = 0;
  for (const line of lines.slice(headerLine + 1)) {
    if (line.text.trim() === "") continue;
    const fields = line.text.split(";");
    const field = (index: number) => (index < 0 ? "" : (fields[index] ?? "").trim());
    const elapsedMs = readRaceTime(field(at.elapsed)) ?? previousElapsed;
    previousElapsed = elapsedMs;
    rows.push({
      start: line.start,
      end: line.end,
      car: field(at.car),
      lap: Number(field(at.lap)) || 0,
      elapsedMs,
      lapTimeMs: readRaceTime(field(at.lapTime)),
      driver: field(at.driver),
      carClass: field(at.carClass),
      team: field(at.team),
      manufacturer: field(at.manufacturer),
      inLap: field(at.crossing).toUpperCase() === "B",
      pitTimeMs: readRaceTime(field(at.pitTime)),
      flag: field(at.flag).toUpperCase(),
      timeOfDay: field(at.hour),
    });
  }
  const endMs = rows.reduce((latest, row) => Math.max(latest, row.elapsedMs), 0);
  const chequered = rows.filter((row) => row.flag === "FF").reduce((first, row) => Math.min(first, row.elapsedMs), Infinity);
  const reference = Number.isFinite(chequered) ? chequered : endMs;
  const headerEnd = lines[headerLine]?.end ?? 0;
  return {
    bytes,
    headerEnd,
    lineBreak: Buffer.from(bytes[headerEnd - 2] === 0x0d ? "\r\n" : "\n"),
    rows,
    endMs,
    scheduledMs: Math.max(HOUR_MS, Math.floor(reference / HOUR_MS) * HOUR_MS),
  };
}

/** The lines complete by race time t, in file order, after the header: the file as the timing system had it. */
export function fileAt(file: RaceFile, t: number): Buffer {
  const parts = [file.bytes.subarray(0, file.headerEnd)];
  for (const row of file.rows) {
    if (row.elapsedMs > t) continue;
    parts.push(file.bytes.subarray(row.start, row.end));
    if (file.bytes[row.end - 1] !== 0x0a) parts.push(file.lineBreak);
  }
  return Buffer.concat(parts);
}

function textDecoderFor(bytes: Buffer): TextDecoder {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return new TextDecoder("utf-8");
  } catch {
    return new TextDecoder("windows-1252");
  }
}
