import { eq } from "drizzle-orm";
import { enduranceRaces, enduranceStandings } from "@/db/schema/endurance";
import { db } from "@/lib/db";
import { raceById, type RaceRow } from "./calendar";
import { leaderboardAt } from "./leaderboard";
import {
  accuracyByClass,
  classesDue,
  detectAnomalies,
  fitPace,
  predictLaps,
  predictNextLaps,
  raceStrategy,
  replayFits,
  trainingRows,
  type ClassAccuracy,
} from "./models";
import { liveStandings } from "./poll";
import { keptLaps } from "./store/kept-laps";
import { loadFits, saveFit, savePredictions } from "./store/models";

/** Anomalies kept on the race: the strongest ones are what the page shows. */
const ANOMALIES_KEPT = 200;

export const raceDurationMs = (race: Pick<RaceRow, "startsAt" | "endsAt">) => race.endsAt.getTime() - race.startsAt.getTime();

/** Classes whose pace model is due a new fit, by the retraining schedule (the class "" stands for none). */
export async function classesDueFit(raceId: number): Promise<string[]> {
  const table = (await keptLaps(raceId)).table();
  return classesDue(table, await loadFits(raceId)).map((carClass) => carClass ?? "");
}

/**
 * A race without a fit yet (an import of a finished race, a replay, an ingestion started late) gets every fit a live
 * race would have made by now, so its backtest covers the whole race. Returns the fits stored.
 */
export async function catchUpFits(raceId: number): Promise<number> {
  if ((await loadFits(raceId)).length > 0) return 0;
  const fits = replayFits((await keptLaps(raceId)).table());
  for (const fit of fits) await saveFit(raceId, fit);
  return fits.length;
}

/** Trains one class's model on the green laps completed so far (a background step of its own) and keeps it. */
export async function fitClass(raceId: number, classKey: string): Promise<{ trainingLaps: number }> {
  const table = (await keptLaps(raceId)).table();
  const carClass = classKey === "" ? null : classKey;
  const rows = trainingRows(table.rows, carClass, table.lastCrossingMs);
  if (rows.length === 0) return { trainingLaps: 0 };
  await saveFit(raceId, fitPace(rows, carClass, table.lastCrossingMs));
  return { trainingLaps: rows.length };
}

/**
 * After a poll: each car's next lap predicted (first prediction kept), the rolling error of model and baseline per
 * class from the laps that have ended, anomalies, strategy, and the leaderboard rows the page and API read.
 */
export async function analyseRace(raceId: number): Promise<{ cars: number; predictions: number; anomalies: number }> {
  const race = await raceById(raceId);
  if (!race) throw new Error(`No endurance race ${raceId}`);
  const kept = await keptLaps(raceId);
  const { laps } = kept;
  const table = kept.table();
  const fits = await loadFits(raceId);
  // The rolling backtest: every ended lap against the prediction of the fit that was current when it started.
  const accuracy: ClassAccuracy[] = accuracyByClass(predictLaps(table, fits));
  const next = predictNextLaps(table, fits, accuracy);
  await savePredictions(raceId, next);
  const anomalies = laps.length ? detectAnomalies(table).sort((a, b) => b.score - a.score).slice(0, ANOMALIES_KEPT) : [];
  const strategy = laps.length ? raceStrategy(laps, { raceDurationMs: raceDurationMs(race) }) : null;
  const live = await liveStandings(race);
  const rows = leaderboardAt(laps, table.lastCrossingMs, next, live);
  await db().transaction(async (tx) => {
    await tx.update(enduranceRaces).set({ accuracy, anomalies, strategy: strategy as unknown as Record<string, unknown> }).where(eq(enduranceRaces.id, raceId));
    if (rows.length === 0) return;
    await tx.delete(enduranceStandings).where(eq(enduranceStandings.raceId, raceId));
    await tx.insert(enduranceStandings).values(rows.map((row) => ({ raceId, car: row.car, position: row.position, carClass: row.carClass, row: { ...row } })));
  });
  return { cars: rows.length, predictions: next.length, anomalies: anomalies.length };
}
