import { and, eq } from "drizzle-orm";
import { enduranceModelFits, endurancePredictions } from "@/db/schema/endurance";
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

export async function loadFits(raceId: number): Promise<PaceFit[]> {
  const rows = await db().select({ fit: enduranceModelFits.fit }).from(enduranceModelFits).where(eq(enduranceModelFits.raceId, raceId)).orderBy(enduranceModelFits.trainedAtMs);
  return rows.map((row) => loadPaceFit(row.fit as unknown as StoredPaceFit));
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
