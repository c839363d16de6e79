import { and, asc, eq, inArray } from "drizzle-orm";
import { enduranceModelFits, endurancePredictions, enduranceRaces } from "@/db/schema/endurance";
import { db } from "@/lib/db";
import { loadPaceFit, storePaceFit, type NextLapPrediction, type PaceFit, type StoredPaceFit } from "../models";

// Pace fits and first predictions, kept between the steps of a race's ingestion. A fit's class is stored as ""
// for cars without a class (the key cannot hold a null).

const classKey = (carClass: string | null) => carClass ?? "";

export async function saveFit(raceId: number, fit: PaceFit): Promise<void> {
  const stored = storePaceFit(fit);
  await db()
    .insert(enduranceModelFits)
    .values({ raceId, carClass: classKey(fit.carClass), trainedAtMs: Math.round(fit.trainedAtMs), trainingLaps: fit.trainingLaps, fit: stored as unknown as Record<string, unknown> })
    .onConflictDoNothing();
}

// A fit never changes once stored, and a late race holds dozens of 150-250 KB fits that every poll reads twice:
// each is parsed once and kept, per race (a race made again under the same id starts afresh).
const KEPT_RACES = 4;
const keptFits = new Map<number, { createdAtMs: number; fits: Map<string, PaceFit> }>();
const fitKey = (carClass: string, trainedAtMs: number) => `${carClass}@${trainedAtMs}`;

/** A race's fits in training order. */
export async function loadFits(raceId: number): Promise<PaceFit[]> {
  const stored = await db()
    .select({ carClass: enduranceModelFits.carClass, trainedAtMs: enduranceModelFits.trainedAtMs, createdAt: enduranceRaces.createdAt })
    .from(enduranceModelFits)
    .innerJoin(enduranceRaces, eq(enduranceRaces.id, enduranceModelFits.raceId))
    .where(eq(enduranceModelFits.raceId, raceId))
    .orderBy(asc(enduranceModelFits.trainedAtMs), asc(enduranceModelFits.carClass));
  if (stored.length === 0) return [];
  const createdAtMs = stored[0]!.createdAt.getTime();
  let race = keptFits.get(raceId);
  if (race?.createdAtMs !== createdAtMs) race = { createdAtMs, fits: new Map() };
  const kept = race.fits;
  const missing = stored.filter((row) => !kept.has(fitKey(row.carClass, row.trainedAtMs)));
  if (missing.length > 0) {
    const rows = await db()
      .select({ carClass: enduranceModelFits.carClass, trainedAtMs: enduranceModelFits.trainedAtMs, fit: enduranceModelFits.fit })
      .from(enduranceModelFits)
      .where(and(eq(enduranceModelFits.raceId, raceId), inArray(enduranceModelFits.trainedAtMs, [...new Set(missing.map((row) => row.trainedAtMs))])));
    for (const row of rows) kept.set(fitKey(row.carClass, row.trainedAtMs), loadPaceFit(row.fit as unknown as StoredPaceFit));
  }
  keptFits.delete(raceId);
  keptFits.set(raceId, race);
  while (keptFits.size > KEPT_RACES) keptFits.delete(keptFits.keys().next().value!);
  return stored.flatMap((row) => kept.get(fitKey(row.carClass, row.trainedAtMs)) ?? []);
}

/** Forgets every race's parsed fits: the next read of each parses them all (the reference bench/endurance.ts measures against). */
export function forgetKeptFits(): void {
  keptFits.clear();
}

/** Keeps each lap's first prediction: a running lap's prediction does not change. */
export async function savePredictions(raceId: number, predictions: readonly NextLapPrediction[]): Promise<void> {
  if (predictions.length === 0) return;
  const round = (value: number | null) => (value === null ? null : Math.round(value));
  await db()
    .insert(endurancePredictions)
    .values(
      predictions.map((p) => ({
        raceId,
        car: p.car,
        lap: p.lap,
        carClass: p.carClass,
        startMs: Math.round(p.startMs),
        baselineMs: round(p.baselineMs),
        modelMs: round(p.modelMs),
        predictedMs: round(p.predictedMs),
        source: p.source,
      })),
    )
    .onConflictDoNothing();
}

export async function loadPredictions(raceId: number, car?: string): Promise<NextLapPrediction[]> {
  const rows = await db()
    .select()
    .from(endurancePredictions)
    .where(car === undefined ? eq(endurancePredictions.raceId, raceId) : and(eq(endurancePredictions.raceId, raceId), eq(endurancePredictions.car, car)));
  return rows.map((row) => ({
    car: row.car,
    carClass: row.carClass,
    lap: row.lap,
    startMs: row.startMs,
    baselineMs: row.baselineMs,
    modelMs: row.modelMs,
    predictedMs: row.predictedMs,
    source: row.source === "model" || row.source === "baseline" ? row.source : null,
  }));
}
