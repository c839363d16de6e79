import { readFileSync } from "node:fs";
import { replayRace, type ClassAccuracy } from "@/lib/endurance/models";
import { parseAnalysis } from "@/lib/endurance/sources";

// Replays an Al Kamel analysis file lap by lap as a live race (models retrained on the schedule, each lap
// predicted before it starts) and prints the backtest error of the model and the baseline, one table per class.

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run eval:endurance -- <Al Kamel analysis CSV>");
  process.exit(2);
}

const started = performance.now();
const batch = parseAnalysis(readFileSync(file));
const replay = replayRace(batch.laps);
const seconds = (performance.now() - started) / 1000;

const cars = new Set(batch.laps.map((lap) => lap.car)).size;
console.log(`${file}`);
console.log(`${batch.laps.length} laps of ${cars} cars (${batch.rejected.length} rows rejected), ${replay.fits.length} model fits\n`);
for (const entry of replay.accuracy) console.log(`${table(entry)}\n`);
console.log(`GOAL model MAE <= 0.85 x baseline MAE: ${replay.accuracy.map((entry) => `${entry.carClass ?? "no class"} ${goal(entry)}`).join(", ")}`);
console.log(`done in ${seconds.toFixed(1)} s`);

function table(entry: ClassAccuracy): string {
  const rows: [string, string][] = [
    ["laps evaluated", String(entry.laps)],
    ["model MAE", ms(entry.modelMaeMs)],
    ["baseline MAE", ms(entry.baselineMaeMs)],
    ["model / baseline", entry.ratio === null ? "-" : entry.ratio.toFixed(3)],
    ["used", entry.use],
  ];
  return [`${entry.carClass ?? "no class"}`, ...rows.map(([name, value]) => `  ${name.padEnd(18)}${value.padStart(10)}`)].join("\n");
}

function ms(value: number | null): string {
  return value === null ? "-" : `${(value / 1000).toFixed(3)} s`;
}

function goal(entry: ClassAccuracy): string {
  if (entry.ratio === null || entry.laps < 100) return "too few laps";
  return entry.ratio <= 0.85 ? "met" : "not met";
}
