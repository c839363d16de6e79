import { describe, expect, it } from "vitest";
import { lapKey, type LapRecord } from "@/lib/endurance/records";
import { alkamelAnalysisSource, parseAnalysis, type AnalysisCursor } from "@/lib/endurance/sources";
import { fixtureBytes } from "./support";

const text = fixtureBytes("wec2025_spa6h_three_cars.csv").toString("utf8");
const all = parseAnalysis(text).laps;
const keys = (laps: LapRecord[]) => laps.map((lap) => lapKey(lap.car, lap.lap));
const sortedKeys = (laps: LapRecord[]) => keys(laps).sort();

/** The file as the timing system has it at race time t: rows complete by then, in the file's own order. */
function fileAt(t: number): string {
  const lines = text.split("\n");
  const header = lines[0] ?? "";
  const rows = lines.slice(1).filter((line) => line !== "" && (parseAnalysis(`${header}\n${line}\n`).laps[0]?.elapsedMs ?? Infinity) <= t);
  return `${[header, ...rows].join("\n")}\n`;
}

describe("incremental reading of a polled analysis file", () => {
  it("leaves a half-written last line for the next read", () => {
    const cut = text.indexOf("\n", 20_000) + 120;
    const partial = text.slice(0, cut);
    const first = alkamelAnalysisSource.read(partial);
    expect(first.rejected).toEqual([]);
    expect(first.laps).toEqual(all.slice(0, first.laps.length));
    expect(first.cursor.offset).toBe(partial.lastIndexOf("\n") + 1);

    // The cut line would even parse (its last fields are cut, not missing): it is still not a lap yet.
    const untilLastField = text.slice(0, text.indexOf("\n", 20_000) + 1) + text.slice(text.indexOf("\n", 20_000) + 1).split("\n")[0]?.slice(0, -3);
    const waiting = alkamelAnalysisSource.read(untilLastField);
    expect(waiting.laps).toHaveLength(first.laps.length);
    expect(alkamelAnalysisSource.read(untilLastField, { complete: true }).laps).toHaveLength(first.laps.length + 1);
  });

  it("reads only what was appended after the previous position, line numbers those of the file", () => {
    const cut = text.indexOf("\n", 30_000) + 57;
    const first = alkamelAnalysisSource.read(text.slice(0, cut));
    const broken = `${text}007;1;151;oops;0;;;;;;;;;;;;;;;;;;;;;;;;;\n`;
    const second = alkamelAnalysisSource.read(broken, { since: first.cursor });
    expect([...keys(first.laps), ...keys(second.laps)]).toEqual(keys(all));
    expect(second.rejected).toEqual([{ line: 311, reason: "ELAPSED is blank" }]);
    expect(second.cursor.lines).toBe(311);

    const third = alkamelAnalysisSource.read(broken, { since: second.cursor });
    expect(third.laps).toEqual([]);
    expect(third.rejected).toEqual([]);
  });

  it("reads a file rewritten in car order from the top, returning only laps not yet ingested", () => {
    const known = new Set<string>();
    let cursor: AnalysisCursor | null = null;
    const seen: LapRecord[] = [];
    for (const t of [0, 600_000, 3_600_000, 3_600_000, 10_000_000, 30_000_000]) {
      const batch = alkamelAnalysisSource.read(fileAt(t), { since: cursor, knownLaps: known });
      for (const lap of batch.laps) {
        expect(known.has(lapKey(lap.car, lap.lap))).toBe(false);
        expect(lap.elapsedMs).toBeLessThanOrEqual(t);
        known.add(lapKey(lap.car, lap.lap));
      }
      seen.push(...batch.laps);
      expect(batch.rejected).toEqual([]);
      cursor = batch.cursor;
    }
    expect(sortedKeys(seen)).toEqual(sortedKeys(all));
  });

  it("starts over when the file was replaced by a different one", () => {
    const first = alkamelAnalysisSource.read(text);
    const other = fixtureBytes("wec2024_lemans24h_analysis.excerpt.CSV");
    const second = alkamelAnalysisSource.read(other, { since: first.cursor });
    expect(second.laps).toHaveLength(19);
  });

  it("reports pits of the new laps only", () => {
    const cut = text.indexOf("\n007;1;26;") + 1;
    const first = alkamelAnalysisSource.read(text.slice(0, cut));
    expect(first.pits).toEqual([]);
    const second = alkamelAnalysisSource.read(text.slice(0, text.indexOf("\n", cut) + 1), { since: first.cursor });
    expect(second.pits).toEqual([{ car: "007", inLap: 25, outLap: 26, pitLaneMs: 68_633, atMs: 3_266_020 }]);
  });
});
