import { and, eq, inArray, sql as raw } from "drizzle-orm";
import {
  enduranceClassifications,
  enduranceFlags,
  enduranceIngestionRuns,
  enduranceLaps,
  enduranceModelFits,
  endurancePits,
  endurancePredictions,
  enduranceRaces,
  enduranceStandings,
} from "@/db/schema/endurance";
import { expireTag } from "@/lib/cache-expiry";
import { db } from "@/lib/db";
import { sendEvents } from "@/lib/jobs/events";
import { openSyncRun, type SyncTrigger } from "@/lib/jobs/runs";
import { syncEventName } from "@/lib/jobs/sync-kind";
import { ENDURANCE_CACHE_TAG } from "./cache-tag";
import { racesIngesting, raceBySlug } from "./calendar";
import { racesToStart } from "./monitor";
import type { PollReport } from "./poll";

export const INGEST_KIND = "endurance.ingest";

/**
 * Starts the ingestion sync of a race. (The platform's triggerSync reaches the sync kinds through the domain list,
 * which imports this domain: the monitor opens the run and sends the event itself.)
 */
export async function startIngestion(slug: string, trigger: SyncTrigger, continues?: string): Promise<string> {
  const params = continues ? { race: slug, continues } : { race: slug };
  const syncRunId = await openSyncRun({ kind: INGEST_KIND, trigger, details: { params } });
  await sendEvents([{ name: syncEventName(INGEST_KIND), data: { syncRunId, params } }]);
  return syncRunId;
}

/** The race monitor's work: ingestion started for every race that is live and not being ingested. */
export async function startDueIngestions(now: Date, graceMs: number): Promise<string[]> {
  const races = await db()
    .select({ id: enduranceRaces.id, slug: enduranceRaces.slug, status: enduranceRaces.status, startsAt: enduranceRaces.startsAt, endsAt: enduranceRaces.endsAt })
    .from(enduranceRaces)
    .where(inArray(enduranceRaces.status, ["scheduled", "live"]));
  const ingesting = await racesIngesting();
  const due = new Set(racesToStart(races.map((race) => ({ ...race, ingesting: ingesting.has(race.id) })), now, graceMs));
  const started: string[] = [];
  for (const race of races) {
    if (!due.has(race.id)) continue;
    await startIngestion(race.slug, "cron");
    started.push(race.slug);
  }
  return started;
}

export async function openIngestionRun(raceId: number, syncRunId: string): Promise<number> {
  const [row] = await db().insert(enduranceIngestionRuns).values({ raceId, syncRunId }).returning({ id: enduranceIngestionRuns.id });
  if (!row) throw new Error("opening an ingestion run returned nothing");
  return row.id;
}

/** Adds one poll's outcome to the run's totals; a failed poll keeps its error. */
export async function recordPoll(runId: number, report: PollReport | { error: string }): Promise<void> {
  const failed = "error" in report;
  await db()
    .update(enduranceIngestionRuns)
    .set({
      polls: raw`${enduranceIngestionRuns.polls} + 1`,
      failedPolls: failed ? raw`${enduranceIngestionRuns.failedPolls} + 1` : undefined,
      lapsAdded: failed ? undefined : raw`${enduranceIngestionRuns.lapsAdded} + ${report.newLaps}`,
      rejected: failed ? undefined : raw`${enduranceIngestionRuns.rejected} + ${report.rejected}`,
      rejectedSample: failed || report.rejected === 0 ? undefined : raw`(${enduranceIngestionRuns.rejectedSample} || ${JSON.stringify(report.rejectedSample)}::jsonb)`,
      lastError: failed ? report.error : undefined,
    })
    .where(eq(enduranceIngestionRuns.id, runId));
}

export async function closeIngestionRun(runId: number, outcome: "finished" | "ended" | "continued" | "stopped"): Promise<void> {
  await db().update(enduranceIngestionRuns).set({ endedAt: new Date(), outcome }).where(eq(enduranceIngestionRuns.id, runId));
}

/** Whether this sync run still holds the race: a stop or a replay takes the claim away. */
export async function holdsRace(raceId: number, syncRunId: string): Promise<boolean> {
  const [row] = await db().select({ id: enduranceRaces.id }).from(enduranceRaces).where(and(eq(enduranceRaces.id, raceId), eq(enduranceRaces.ingestSyncRunId, syncRunId)));
  return row !== undefined;
}

/** Stop: the running ingestion loses its claim and ends at its next poll. */
export async function stopIngestion(slug: string): Promise<{ stopped: boolean }> {
  const race = await raceBySlug(slug);
  if (!race) throw new Error(`No endurance race "${slug}"`);
  const rows = await db().update(enduranceRaces).set({ ingestSyncRunId: null }).where(eq(enduranceRaces.id, race.id)).returning({ held: enduranceRaces.id });
  return { stopped: race.ingestSyncRunId !== null && rows.length === 1 };
}

/** Replay: everything ingested for the race is forgotten, in one transaction, so that ingestion reads it again from the top. */
export async function resetRace(slug: string): Promise<void> {
  const race = await raceBySlug(slug);
  if (!race) throw new Error(`No endurance race "${slug}"`);
  await db().transaction(async (tx) => {
    for (const table of [enduranceLaps, endurancePits, enduranceFlags, enduranceStandings, enduranceClassifications, enduranceModelFits, endurancePredictions]) {
      await tx.delete(table).where(eq(table.raceId, race.id));
    }
    await tx
      .update(enduranceRaces)
      .set({ ingestSyncRunId: null, analysisCursor: null, session: null, laps: 0, raceTimeMs: 0, accuracy: [], anomalies: [], strategy: null, status: "scheduled" })
      .where(eq(enduranceRaces.id, race.id));
  });
  await expireTag(ENDURANCE_CACHE_TAG);
}
