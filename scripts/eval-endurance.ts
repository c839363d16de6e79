import { readFileSync } from "node:fs";
import { errorByBaselineMiss, errorByRaceTime, replayRace, type ClassAccuracy, type ErrorSlice } from "@/lib/endurance/models";
import { parseAnalysis } from "@/lib/endurance/sources";

// Replays an Al Kamel analysis file lap by lap as a live race (models retrained on the schedule, each lap
// predicted before it starts) and prints the backtest error of the model and the baseline, one table per class.
// With --detail, each class's error also by two-hour stretch of race time and by how far the baseline missed.

const args = process.argv.slice(2);
const detail = args.includes("--detail");
const file = args.find((arg) => !arg.startsWith("--"));
if (!file) {
  console.error("usage: npm run eval:endurance -- <Al Kamel analysis CSV> [--detail]");
  process.exit(2);
}

const BLOCK_MS = 2 * 3_600_000;

const started = performance.now();
const batch = parseAnalysis(readFileSync(file));
const replay = replayRace(batch.laps);
const seconds = (performance.now() - started) / 1000;

const cars = new Set(batch.laps.map((lap) => lap.car)).size;
console.log(`${file}`);
console.log(`${batch.laps.length} laps of ${cars} cars (${batch.rejected.length} rows rejected), ${replay.fits.length} model fits\n`);
for (const entry of replay.accuracy) {
  console.log(`${table(entry)}\n`);
  if (!detail || entry.laps === 0) continue;
  console.log(`${slices("race time", errorByRaceTime(replay.predictions, entry.carClass, BLOCK_MS))}\n`);
  console.log(`${slices("baseline missed by", errorByBaselineMiss(replay.predictions, entry.carClass))}\n`);
}
console.log(`GOAL model MAE <= 0.85 x baseline MAE: ${replay.accuracy.map((entry) => `${entry.carClass ?? "no class"} ${goal(entry)}`).join(", ")}`);
console.log(`done in ${seconds.toFixed(1)} s`);

function table(entry: ClassAccuracy): string {
  const rows: [string, string][] = [
    ["laps evaluated", String(entry.laps)],
    ["model MAE", ms(entry.modelMaeMs)],
    ["baseline MAE", ms(entry.baselineMaeMs)],
    ["model / baseline", ratio(entry)],
    ["used", entry.use],
  ];
  return [`${entry.carClass ?? "no class"}`, ...rows.map(([name, value]) => `  ${name.padEnd(18)}${value.padStart(10)}`)].join("\n");
}

function slices(heading: string, parts: readonly ErrorSlice[]): string {
  const header = `  ${heading.padEnd(20)}${"laps".padStart(7)}${"model MAE".padStart(12)}${"baseline MAE".padStart(14)}${"ratio".padStart(8)}${"share of error".padStart(16)}`;
  const rows = parts.map(
    ({ label, accuracy, baselineShare }) =>
      `  ${label.padEnd(20)}${String(accuracy.laps).padStart(7)}${ms(accuracy.modelMaeMs).padStart(12)}${ms(accuracy.baselineMaeMs).padStart(14)}${ratio(accuracy).padStart(8)}${`${(baselineShare * 100).toFixed(0)} %`.padStart(16)}`,
  );
  return [header, ...rows].join("\n");
}

function ms(value: number | null): string {
  return value === null ? "-" : `${(value / 1000).toFixed(3)} s`;
}

function ratio(entry: ClassAccuracy): string {
  return entry.ratio === null ? "-" : entry.ratio.toFixed(3);
}

function goal(entry: ClassAccuracy): string {
  if (entry.ratio === null || entry.laps < 100) return "too few laps";
  return entry.ratio <= 0.85 ? "met" : "not met";
}
