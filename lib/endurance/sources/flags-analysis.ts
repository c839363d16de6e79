import { flagFromCode } from "../flags";
import type { FlagPeriod } from "../records";
import { parseDuration } from "../timing";
import { cleanField, headerKey, readSemicolonRows } from "./csv";
import { emptyBatch, type EnduranceSource } from "./source";
import { decodeBody, fingerprint, SourceFormatError } from "./text";

export interface FlagsCursor {
  fingerprint: string | null;
}

export type FlagsAnalysisSource = EnduranceSource<FlagsCursor>;

/**
 * The "25_FlagsAnalysisWithRCMessages" CSV (`TIME;ELAPSED;REC_TYPE;FLAG;SECTOR;MESSAGE;FLAG_TIME;ACCUM_TIME;LAP`):
 * one row per full-course flag with how long it lasted, mixed with race-control messages. Messages and
 * sector-local flags are not flag periods and are passed over; a flag row that cannot be read is rejected.
 */
export const flagsAnalysisSource: FlagsAnalysisSource = {
  kind: "alkamel-flags",
  read(body, { since } = {}) {
    const text = decodeBody(body);
    const cursor: FlagsCursor = { fingerprint: fingerprint(text) };
    if (since?.fingerprint === cursor.fingerprint) return emptyBatch(cursor);
    const rows = readSemicolonRows(text);
    const header = rows.shift()?.fields.map(headerKey) ?? [];
    const at = { elapsed: header.indexOf("ELAPSED"), type: header.indexOf("RECTYPE"), sector: header.indexOf("SECTOR"), duration: header.indexOf("FLAGTIME"), lap: header.indexOf("LAP") };
    if (at.elapsed < 0 || at.type < 0) throw new SourceFormatError("not a flags analysis file: no ELAPSED or REC_TYPE column");

    const batch = emptyBatch(cursor);
    for (const row of rows) {
      const field = (index: number) => (index < 0 ? "" : cleanField(row.fields[index]));
      const type = field(at.type);
      if (/^rc\s*message$/i.test(type) || field(at.sector) !== "") continue;
      const flag = flagFromCode(type);
      if (flag === null) {
        batch.rejected.push({ line: row.line, reason: `REC_TYPE "${type}" is not a flag` });
        continue;
      }
      // The first green of the race has no elapsed time ("-"): it is the start.
      const elapsed = field(at.elapsed);
      const startMs = /^-?$/.test(elapsed) ? 0 : parseDuration(elapsed);
      const duration = field(at.duration);
      const lastedMs = /^-?$/.test(duration) ? null : parseDuration(duration);
      if (startMs === null || (lastedMs === null && !/^-?$/.test(duration))) {
        batch.rejected.push({ line: row.line, reason: `ELAPSED "${elapsed}" or FLAG_TIME "${duration}" is not a time` });
        continue;
      }
      const lap = Number(field(at.lap));
      batch.flags.push({ flag, startMs, endMs: lastedMs === null ? null : startMs + lastedMs, startLap: Number.isInteger(lap) && lap > 0 ? lap : null });
    }
    batch.flags.sort(byStart);
    return batch;
  },
};

function byStart(a: FlagPeriod, b: FlagPeriod): number {
  return (a.startMs ?? 0) - (b.startMs ?? 0);
}
