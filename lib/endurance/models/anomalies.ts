import { IsolationForest } from "ml-isolation-forest";
import { median } from "../derive/lap-facts";
import { PACE_FEATURES } from "./features";
import type { LapTable, PaceRow } from "./lap-table";
import { mulberry32 } from "@/lib/random";
import { sampleOf } from "./sample";

/** Why a slow lap was slow, as far as the timing tells. */
export type AnomalyReason = "slow zone" | "driver change" | "traffic" | "incident";

/** A slow lap that no pit stop or caution explains. */
export interface LapAnomaly {
  car: string;
  lap: number;
  carClass: string | null;
  driver: string;
  endMs: number;
  lapTimeMs: number;
  /** The car's baseline at the lap's start: what the lap should have taken. */
  expectedMs: number;
  lossMs: number;
  /** Share of the baseline lost beyond what the field lost at the same time (rain, night slow every car). */
  excessLoss: number;
  /** The sector (1 to 3) that lost the most against the baseline laps' sectors; null without sector times. */
  sector: 1 | 2 | 3 | null;
  /** Isolation-forest score in (0, 1) among the race's green laps: the higher, the more unusual. */
  score: number;
  reason: AnomalyReason;
}

// A green lap 2 % and a second over its baseline is slow.
const SLOW_SHARE = 0.02;
const MIN_LOSS_MS = 1_000;
// The isolation forest paper's sub-sample and tree count; a score above one half isolates sooner than an ordinary
// lap does.
const SAMPLE_LAPS = 256;
const TREES = 100;
const MIN_SCORE = 0.5;
const SEED = 20_240_616;
// A slow zone (or a local yellow) slows several cars in one place: two other cars lost 5 % in the same sector
// within two minutes of this one.
const ZONE_SECTOR_LOSS = 0.05;
const ZONE_WINDOW_MS = 120_000;
const ZONE_CARS = 2;
// A driver who just took over settles in over a few laps.
const SETTLING_LAPS = 3;
// Settling in or passing traffic costs a few per cent; more is an incident.
const MODEST_LOSS = 0.05;
const TO_OVERTAKE = PACE_FEATURES.indexOf("toOvertake");
const OVERTAKEN_BY = PACE_FEATURES.indexOf("overtakenBy");
const SECTOR_NUMBERS = [1, 2, 3] as const;

type Candidate = PaceRow & { baselineMs: number };

interface SectorPassage {
  atMs: number;
  car: string;
  loss: number;
}

/**
 * Slow green laps (neither in- nor out-lap, no caution touched them: see PaceRow), slower than the field was at
 * the time, that an isolation forest over the lap's and its sectors' losses finds unusual; each with its likeliest
 * reason. Field and reason look at laps up to two minutes after the slow one, so they can change while those
 * come in.
 */
export function detectAnomalies(table: LapTable, seed: number = SEED): LapAnomaly[] {
  const racing = table.rows.filter((row): row is Candidate => !row.inLap && !row.outLap && row.baselineMs !== null);
  const candidates = racing.filter((row) => row.green);
  const excess = fieldExcess(candidates, racing);
  const slow = candidates.filter((row) => (excess.get(row) ?? 0) >= SLOW_SHARE && row.lapTimeMs - row.baselineMs >= MIN_LOSS_MS);
  if (slow.length === 0) return [];
  const vector = (row: Candidate) => [excess.get(row) ?? 0, ...sectorLosses(row).map((loss) => loss ?? 0)];
  const forest = new IsolationForest({ nEstimators: TREES });
  withSeededRandom(seed, () => forest.train(sampleOf(candidates, SAMPLE_LAPS, mulberry32(seed)).map(vector)));
  const scores = forest.predict(slow.map(vector));
  const passages = sectorPassages(candidates);
  const takeovers = takeoverLaps(table.rows);
  return slow.flatMap((row, i) => {
    const score = scores[i] ?? 0;
    if (score <= MIN_SCORE) return [];
    const worst = worstSector(sectorLosses(row));
    const anomaly: LapAnomaly = {
      car: row.car,
      lap: row.lap,
      carClass: row.carClass,
      driver: row.driver,
      endMs: row.endMs,
      lapTimeMs: row.lapTimeMs,
      expectedMs: row.baselineMs,
      lossMs: row.lapTimeMs - row.baselineMs,
      excessLoss: excess.get(row) ?? 0,
      sector: worst === null ? null : (SECTOR_NUMBERS[worst] ?? null),
      score,
      reason: reasonFor(row, worst, passages, takeovers),
    };
    return [anomaly];
  });
}

function reasonFor(row: Candidate, sector: number | null, passages: SectorPassage[][], takeovers: Set<PaceRow>): AnomalyReason {
  const at = sector === null ? null : sectorPassedAt(row, sector);
  if (sector !== null && at !== null && zoneCars(passages[sector] ?? [], at, row.car) >= ZONE_CARS) return "slow zone";
  if (row.lapTimeMs >= row.baselineMs * (1 + MODEST_LOSS)) return "incident";
  if (takeovers.has(row)) return "driver change";
  const passes = (row.features?.[TO_OVERTAKE] ?? 0) + (row.features?.[OVERTAKEN_BY] ?? 0);
  return passes > 0 ? "traffic" : "incident";
}

/**
 * Each lap's loss against its baseline less the median loss of the racing laps (cautions included) that other
 * cars completed in the two minutes after it, when they lost time: they covered the same road just after it, so
 * a shower, nightfall or a caution that came out during the lap slowed them too and is nobody's anomaly.
 */
function fieldExcess(rows: readonly Candidate[], racing: readonly Candidate[]): Map<Candidate, number> {
  const byTime = [...racing].sort((a, b) => a.endMs - b.endMs);
  const excess = new Map<Candidate, number>();
  let low = 0;
  let high = 0;
  for (const row of [...rows].sort((a, b) => a.endMs - b.endMs)) {
    while ((byTime[low]?.endMs ?? Infinity) <= row.endMs) low += 1;
    while (high < byTime.length && (byTime[high]?.endMs ?? Infinity) <= row.endMs + ZONE_WINDOW_MS) high += 1;
    const others = byTime.slice(low, Math.max(low, high)).flatMap((other) => (other.car === row.car ? [] : [other.lapTimeMs / other.baselineMs - 1]));
    excess.set(row, row.lapTimeMs / row.baselineMs - 1 - Math.max(0, median(others) ?? 0));
  }
  return excess;
}

function sectorLosses(row: Candidate): (number | null)[] {
  return row.sectorsMs.map((time, k) => {
    const base = row.baselineSectorsMs?.[k] ?? null;
    return time === null || base === null ? null : time / base - 1;
  });
}

/** Index (0-based) of the sector that lost the most, or null without sector times. */
function worstSector(losses: readonly (number | null)[]): number | null {
  let worst: number | null = null;
  losses.forEach((loss, k) => {
    if (loss !== null && (worst === null || loss > (losses[worst] ?? -Infinity))) worst = k;
  });
  return worst;
}

/** Race time at which the car finished sector `sector` (0-based) of the lap, or null without sector times. */
function sectorPassedAt(row: PaceRow, sector: number): number | null {
  let at = row.startMs;
  for (let k = 0; k <= sector; k += 1) {
    const time = row.sectorsMs[k];
    if (time === null || time === undefined) return null;
    at += time;
  }
  return at;
}

/** Per sector, every green lap's passage of it with its loss, in race-time order. */
function sectorPassages(rows: readonly Candidate[]): SectorPassage[][] {
  return [0, 1, 2].map((sector) =>
    rows
      .flatMap((row) => {
        const atMs = sectorPassedAt(row, sector);
        const loss = sectorLosses(row)[sector];
        return atMs === null || loss === null || loss === undefined ? [] : [{ atMs, car: row.car, loss }];
      })
      .sort((a, b) => a.atMs - b.atMs),
  );
}

/** Other cars that lost time in the sector around `atMs`. */
function zoneCars(passages: readonly SectorPassage[], atMs: number, car: string): number {
  let low = 0;
  let high = passages.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((passages[mid]?.atMs ?? Infinity) < atMs - ZONE_WINDOW_MS) low = mid + 1;
    else high = mid;
  }
  const cars = new Set<string>();
  for (let i = low; i < passages.length; i += 1) {
    const passage = passages[i];
    if (!passage || passage.atMs > atMs + ZONE_WINDOW_MS) break;
    if (passage.car !== car && passage.loss >= ZONE_SECTOR_LOSS) cars.add(passage.car);
  }
  return cars.size;
}

/** The first laps of a driver who took over from another one in the same car. */
function takeoverLaps(rows: readonly PaceRow[]): Set<PaceRow> {
  const lastDriver = new Map<string, string>();
  const tookOver = new Map<string, boolean>();
  const laps = new Set<PaceRow>();
  for (const row of rows) {
    if (row.driverLaps === 1) tookOver.set(row.car, lastDriver.has(row.car) && lastDriver.get(row.car) !== row.driver);
    lastDriver.set(row.car, row.driver);
    if (row.driverLaps <= SETTLING_LAPS && tookOver.get(row.car)) laps.add(row);
  }
  return laps;
}

/**
 * ml-isolation-forest draws its splits from Math.random, which cannot be seeded; a seeded generator stands in
 * while it trains (synchronously, so nothing else runs meanwhile) so that stored scores do not change from one
 * run to the next.
 */
function withSeededRandom(seed: number, run: () => void): void {
  const original = Math.random;
  Math.random = mulberry32(seed);
  try {
    run();
  } finally {
    Math.random = original;
  }
}
