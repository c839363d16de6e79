import { eq, sql as raw } from "drizzle-orm";
import { enduranceClassifications, enduranceFlags, enduranceRaces } from "@/db/schema/endurance";
import { db, sql } from "@/lib/db";
import { expireTag } from "@/lib/cache-expiry";
import { logger } from "@/lib/log";
import { ENDURANCE_CACHE_TAG } from "./cache-tag";
import { raceById, type RaceRow } from "./calendar";
import { flagPeriods } from "./derive";
import type { ClassificationRecord, RejectedRow, SessionState, StandingRecord } from "./records";
import { alkamelAnalysisSource, imsaLiveSource, imsaResultsSource, type AnalysisCursor } from "./sources";
import { keptLaps } from "./store/kept-laps";
import { insertLaps, insertPits } from "./store/laps";
import { fetchPublishedDocument, fetchTimingDocument } from "./timing-client";

const log = logger("endurance.poll");
const REJECTED_SAMPLE = 20;

/** What one poll of a race brought (small plain JSON: it is a durable step's result). */
export interface PollReport {
  newLaps: number;
  laps: number;
  rejected: number;
  rejectedSample: RejectedRow[];
  raceTimeMs: number;
  /** The live feed says the session is over, or the file shows the chequered flag and stopped growing. */
  chequered: boolean;
  classified: number;
}

/**
 * One poll of a race: the analysis file (only laps not stored yet are written, with the read position, in one
 * transaction), the live feed's session state, and the results once the race is over. Malformed rows are counted
 * and reported with their line; an empty or unchanged answer changes nothing.
 */
export async function pollRace(raceId: number): Promise<PollReport> {
  const race = await raceById(raceId);
  if (!race) throw new Error(`No endurance race ${raceId}`);
  const body = await fetchTimingDocument(race.analysisUrl, "analysis");
  const batch = alkamelAnalysisSource.read(body, {
    since: (race.analysisCursor as AnalysisCursor | null) ?? null,
    knownLaps: (await keptLaps(raceId)).keys,
  });
  if (batch.rejected.length) log.warn({ race: race.slug, rejected: batch.rejected.length, first: batch.rejected[0] }, "malformed timing rows skipped");

  const session = await liveSession(race);
  const newLaps = await sql().begin(async (tx) => {
    const added = await insertLaps(tx, raceId, batch.laps);
    await insertPits(tx, raceId, batch.pits);
    await tx`update endurance_races set analysis_cursor = ${JSON.stringify(batch.cursor)}::jsonb, last_polled_at = now(),
      session = coalesce(${session ? JSON.stringify(session) : null}::jsonb, session) where id = ${raceId}`;
    return added;
  });

  const { laps } = await keptLaps(raceId);
  const raceTimeMs = laps.at(-1)?.elapsedMs ?? 0;
  const flags = flagPeriods(laps);
  const flagChequered = flags.some((period) => period.flag === "chequered") && newLaps === 0;
  const chequered = (session?.complete ?? false) || flagChequered;
  const classified = chequered && race.resultsUrl ? await storeClassification(race) : 0;
  const status = chequered ? "finished" : laps.length > 0 ? "live" : null;
  await db().transaction(async (tx) => {
    if (flags.length) {
      await tx.delete(enduranceFlags).where(eq(enduranceFlags.raceId, raceId));
      await tx.insert(enduranceFlags).values(flags.map((period, seq) => ({ raceId, seq, ...period })));
    }
    await tx
      .update(enduranceRaces)
      .set({
        laps: laps.length,
        raceTimeMs,
        status: status ?? raw`${enduranceRaces.status}`,
      })
      .where(eq(enduranceRaces.id, raceId));
  });
  // Gone live or finished: the calendar lists it elsewhere now.
  if (status !== null && status !== race.status) await expireTag(ENDURANCE_CACHE_TAG);
  return {
    newLaps,
    laps: laps.length,
    rejected: batch.rejected.length,
    rejectedSample: batch.rejected.slice(0, REJECTED_SAMPLE),
    raceTimeMs,
    chequered,
    classified,
  };
}

/** The live feed's session header (flag, time to go, complete), from RaceData or RaceResults. */
async function liveSession(race: RaceRow): Promise<SessionState | null> {
  for (const [url, endpoint] of [
    [race.liveDataUrl, "live-data"],
    [race.liveResultsUrl, "live-results"],
  ] as const) {
    if (!url) continue;
    const batch = imsaLiveSource.read(await fetchTimingDocument(url, endpoint));
    if (batch.session) return batch.session;
  }
  return null;
}

/** The live feed's standings (who is in the pit lane, who drives now), or none without a feed or between sessions. */
export async function liveStandings(race: RaceRow): Promise<StandingRecord[]> {
  if (!race.liveResultsUrl) return [];
  return imsaLiveSource.read(await fetchTimingDocument(race.liveResultsUrl, "live-results")).standings;
}

/** The official classification, replacing the stored one only when the document has cars. */
async function storeClassification(race: RaceRow): Promise<number> {
  const body = race.resultsUrl ? await fetchPublishedDocument(race.resultsUrl, "results") : null;
  if (!body) return 0;
  const { classification, rejected } = imsaResultsSource.read(body);
  if (rejected.length) log.warn({ race: race.slug, rejected: rejected.length, first: rejected[0] }, "malformed classification entries skipped");
  if (classification.length === 0) return 0;
  await db().transaction(async (tx) => {
    await tx.delete(enduranceClassifications).where(eq(enduranceClassifications.raceId, race.id));
    await tx.insert(enduranceClassifications).values(classification.map((entry: ClassificationRecord) => classificationRow(race.id, entry)));
  });
  return classification.length;
}

function classificationRow(raceId: number, entry: ClassificationRecord) {
  return {
    raceId,
    car: entry.car,
    position: entry.position,
    classPosition: entry.classPosition,
    carClass: entry.carClass,
    team: entry.team,
    vehicle: entry.vehicle,
    laps: entry.laps,
    totalTimeMs: entry.totalTimeMs === null ? null : Math.round(entry.totalTimeMs),
    bestLapMs: entry.bestLapMs === null ? null : Math.round(entry.bestLapMs),
    status: entry.status,
    finished: entry.finished,
    drivers: entry.drivers,
  };
}
