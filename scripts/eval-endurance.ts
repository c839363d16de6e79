import { readFileSync } from "node:fs";
import { errorByBaselineMiss, errorByRaceTime, replayRace, type ClassAccuracy, type ErrorSlice } from "@/lib/endurance/models";
import { parseAnalysis } from "@/lib/endurance/sources";

// Replays Al Kamel analysis files lap by lap as live races (models retrained on the schedule, each lap predicted
// before it starts) and prints the backtest error of the model and the baseline, one table per class. With
// several files, a summary of every race's classes follows. With --detail, each class's error also by two-hour
// stretch of race time and by how far the baseline missed.

const args = process.argv.slice(2);
const detail = args.includes("--detail");
const files = args.filter((arg) => !arg.startsWith("--"));
if (files.length === 0) {
  console.error("usage: npm run eval:endurance -- <Al Kamel analysis CSV> [more files] [--detail]");
  process.exit(2);
}

const BLOCK_MS = 2 * 3_600_000;
const GOAL_RATIO = 0.85;
const ENOUGH_LAPS = 100;

const summary: { file: string; entry: ClassAccuracy }[] = [];
for (const file of files) {
  const started = performance.now();
  const batch = parseAnalysis(readFileSync(file));
  const replay = replayRace(batch.laps);
  const seconds = (performance.now() - started) / 1000;

  const cars = new Set(batch.laps.map((lap) => lap.car)).size;
  console.log(`${file}`);
  console.log(`${batch.laps.length} laps of ${cars} cars (${batch.rejected.length} rows rejected), ${replay.fits.length} model fits\n`);
  for (const entry of replay.accuracy) {
    summary.push({ file, entry });
    console.log(`${table(entry)}\n`);
    if (!detail || entry.laps === 0) continue;
    console.log(`${slices("race time", errorByRaceTime(replay.predictions, entry.carClass, BLOCK_MS))}\n`);
    console.log(`${slices("baseline missed by", errorByBaselineMiss(replay.predictions, entry.carClass))}\n`);
  }
  console.log(`GOAL model MAE <= ${GOAL_RATIO} x baseline MAE: ${replay.accuracy.map((entry) => `${entry.carClass ?? "no class"} ${goal(entry)}`).join(", ")}`);
  console.log(`done in ${seconds.toFixed(1)} s\n`);
}
if (files.length > 1) console.log(summaryTable());

/** Every race's classes with enough laps, their ratios, their mean and how many met the goal. */
function summaryTable(): string {
  const counted = summary.filter(({ entry }) => judged(entry));
  const width = Math.max(...counted.map(({ file }) => file.length));
  const rows = counted.map(({ file, entry }) => `  ${file.padEnd(width)}  ${(entry.carClass ?? "no class").padEnd(12)}${String(entry.laps).padStart(7)}${ratio(entry).padStart(8)}  ${goal(entry)}`);
  const ratios = counted.flatMap(({ entry }) => entry.ratio ?? []);
  const mean = ratios.reduce((sum, value) => sum + value, 0) / Math.max(1, ratios.length);
  const met = counted.filter(({ entry }) => goal(entry) === "met").length;
  return [`SUMMARY of ${files.length} races: model / baseline per class`, ...rows, `  mean ${mean.toFixed(3)} over ${counted.length} classes, ${met} met the goal`].join("\n");
}

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

/** A class with enough laps for its ratio to be held against the goal. */
function judged(entry: ClassAccuracy): entry is ClassAccuracy & { ratio: number } {
  return entry.ratio !== null && entry.laps >= ENOUGH_LAPS;
}

function goal(entry: ClassAccuracy): string {
  if (!judged(entry)) return "too few laps";
  return entry.ratio <= GOAL_RATIO ? "met" : "not met";
}
