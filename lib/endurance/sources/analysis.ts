import { lapKey, type LapRecord, type PitRecord, type RejectedRow } from "../records";
import { analysisLayout, analysisRowToLap } from "./analysis-row";
import { readSemicolonRows } from "./csv";
import { emptyBatch, type EnduranceSource, type ReadOptions, type SourceBatch } from "./source";
import { decodeBody, fingerprint, parseJsonOrJsonp } from "./text";
import { readTimeCardsJson } from "./time-cards-json";

/**
 * Where the previous read stopped: after its last complete line. When the file only grew since, the next read
 * starts there; a file rewritten in place (Al Kamel orders rows by car, so a live file changes everywhere) is
 * read again from the top and `knownLaps` keeps what was already ingested out of the batch.
 */
export interface AnalysisCursor {
  /** Characters read, up to the end of the last complete line. */
  offset: number;
  /** Fingerprint of those characters. */
  fingerprint: string;
  /** The header row (empty until a header has been read). */
  header: string[];
  /** Lines read, so that line numbers stay those of the file. */
  lines: number;
}

export type AnalysisSource = EnduranceSource<AnalysisCursor>;

const START: AnalysisCursor = { offset: 0, fingerprint: fingerprint(""), header: [], lines: 0 };

/**
 * The Al Kamel "23_Analysis" / IMSA "23_Time Cards" CSV, every known layout (29 or 25 fields, LAPNUMBER /
 * LAPTIME, with or without BOM, CRLF or LF, trailing `;`, padded names, optional CLASS / TEAM / FLAG_AT_FL),
 * and IMSA's time cards as JSON. A last line without a line break is still being written and is left for the
 * next read, unless the body is `complete`.
 */
export const alkamelAnalysisSource: AnalysisSource = {
  kind: "alkamel-analysis",
  read(body, options = {}) {
    const text = decodeBody(body);
    return text.trimStart().startsWith("{") ? readTimeCards(text, options) : readAnalysis(text, options);
  },
};

/** Reads a whole analysis file at once (a finished race): every lap, every malformed row. */
export function parseAnalysis(body: string | Uint8Array): SourceBatch<AnalysisCursor> {
  return alkamelAnalysisSource.read(body, { complete: true });
}

function readAnalysis(text: string, { since, knownLaps, complete = false }: ReadOptions<AnalysisCursor>): SourceBatch<AnalysisCursor> {
  const resume = since !== null && since !== undefined && since.header.length > 0 && resumable(text, since);
  const start = resume ? since.offset : 0;
  const end = Math.max(start, complete ? text.length : completeLinesEnd(text));
  const chunk = text.slice(start, end);
  const rows = readSemicolonRows(chunk, resume ? since.lines + 1 : 1);
  const header = resume ? since.header : rows.shift()?.fields;
  const cursor: AnalysisCursor = {
    offset: end,
    fingerprint: fingerprint(text.slice(0, end)),
    header: header ?? [],
    lines: (resume ? since.lines : 0) + countLines(chunk),
  };
  if (!header) return emptyBatch(START);
  const layout = analysisLayout(header);
  return collect(
    cursor,
    rows.map((row) => ({ line: row.line, lap: analysisRowToLap(row.fields, layout) })),
    knownLaps,
  );
}

/** A JSON document is rewritten whole: an unchanged one yields nothing, a changed one only laps not known. */
function readTimeCards(text: string, { since, knownLaps }: ReadOptions<AnalysisCursor>): SourceBatch<AnalysisCursor> {
  const cursor: AnalysisCursor = { ...START, fingerprint: fingerprint(text) };
  if (since?.fingerprint === cursor.fingerprint && since.offset === 0) return emptyBatch(cursor);
  return collect(cursor, readTimeCardsJson(parseJsonOrJsonp(text).value), knownLaps);
}

/** Laps into a batch: known ones skipped, repeated ones rejected, pit passages from the out-laps. */
function collect(cursor: AnalysisCursor, entries: { line: number; lap: LapRecord | string }[], knownLaps?: ReadonlySet<string>): SourceBatch<AnalysisCursor> {
  const batch = emptyBatch(cursor);
  const firstLine = new Map<string, number>();
  for (const { line, lap } of entries) {
    if (typeof lap === "string") {
      batch.rejected.push({ line, reason: lap });
      continue;
    }
    const key = lapKey(lap.car, lap.lap);
    if (knownLaps?.has(key)) continue;
    const seen = firstLine.get(key);
    if (seen !== undefined) {
      batch.rejected.push(duplicate(line, lap, seen));
      continue;
    }
    firstLine.set(key, line);
    batch.laps.push(lap);
    const pit = pitOf(lap);
    if (pit) batch.pits.push(pit);
  }
  return batch;
}

function resumable(text: string, since: AnalysisCursor): boolean {
  return since.offset <= text.length && fingerprint(text.slice(0, since.offset)) === since.fingerprint;
}

/** End of the last line that has its line break (CRLF, LF, or a file that only uses CR). */
function completeLinesEnd(text: string): number {
  const lf = text.lastIndexOf("\n");
  return (lf >= 0 ? lf : text.lastIndexOf("\r")) + 1;
}

function countLines(chunk: string): number {
  const breaks = chunk.includes("\n") ? chunk.split("\n").length - 1 : chunk.split("\r").length - 1;
  const unterminated = chunk !== "" && !chunk.endsWith("\n") && !chunk.endsWith("\r");
  return breaks + (unterminated ? 1 : 0);
}

function duplicate(line: number, lap: LapRecord, first: number): RejectedRow {
  return { line, reason: `lap ${lap.lap} of car ${lap.car} again (first on line ${first})` };
}

/** The out-lap carries the pit-lane time; a pit time on lap 1 is a start from the pit lane. */
function pitOf(lap: LapRecord): PitRecord | null {
  if (lap.pitTimeMs === null) return null;
  return {
    car: lap.car,
    inLap: lap.lap > 1 ? lap.lap - 1 : null,
    outLap: lap.lap,
    pitLaneMs: lap.pitTimeMs,
    atMs: lap.elapsedMs - lap.lapTimeMs,
  };
}

