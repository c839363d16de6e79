import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { z } from "zod";
import { enduranceRaces } from "@/db/schema/endurance";
import { syncRuns } from "@/db/schema/platform";
import { expireTag } from "@/lib/cache-expiry";
import { db } from "@/lib/db";
import { ENDURANCE_CACHE_TAG } from "./cache-tag";
import { enduranceEnv } from "./env";

const rulesSchema = z.strictObject({
  minPerDriverMs: z.number().int().min(0).optional(),
  maxPerDriverMs: z.number().int().min(0).optional(),
  window: z.strictObject({ lengthMs: z.number().int().positive(), maxMs: z.number().int().positive() }).optional(),
  pitLaneCounts: z.boolean().optional(),
});

/** A source URL: absolute, or relative to ENDURANCE_TIMING_BASE_URL. */
const sourceUrl = z.string().trim().min(1).max(2000).refine((value) => !/^[a-z]+:/i.test(value) || /^https?:\/\//i.test(value), "must be http(s) or relative");

/** A race as the calendar takes it (admin form, CLI, demo). */
export const raceInputSchema = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "lower-case letters, digits and -").describe("Stable name, e.g. lemans-2024"),
  series: z.string().trim().min(1).max(40).describe("FIA WEC, IMSA, ..."),
  event: z.string().trim().min(1).max(120),
  circuit: z.string().trim().min(1).max(120),
  startsAt: z.iso.datetime({ offset: true }).describe("Scheduled start (ISO 8601)"),
  endsAt: z.iso.datetime({ offset: true }).describe("Scheduled end (ISO 8601)"),
  sourceKind: z.enum(["alkamel", "imsa"]).default("alkamel"),
  analysisUrl: sourceUrl.describe("The Al Kamel analysis CSV (or IMSA time cards)"),
  liveResultsUrl: sourceUrl.optional().describe("IMSA live scoring RaceResults_JSONP"),
  liveDataUrl: sourceUrl.optional().describe("IMSA live scoring RaceData_JSONP"),
  resultsUrl: sourceUrl.optional().describe("IMSA results JSON"),
  driveTimeRules: rulesSchema.default({}),
  classDriveTimeRules: z.record(z.string(), rulesSchema).default({}),
});
export type RaceInput = z.input<typeof raceInputSchema>;

export type RaceRow = typeof enduranceRaces.$inferSelect;

/** Adds a race to the calendar, or updates the one with the same slug (its timing data stays). */
export async function scheduleRace(input: RaceInput): Promise<RaceRow> {
  const race = raceInputSchema.parse(input);
  if (Date.parse(race.endsAt) <= Date.parse(race.startsAt)) throw new Error("endsAt must be after startsAt");
  const values = {
    ...race,
    startsAt: new Date(race.startsAt),
    endsAt: new Date(race.endsAt),
    liveResultsUrl: race.liveResultsUrl ?? null,
    liveDataUrl: race.liveDataUrl ?? null,
    resultsUrl: race.resultsUrl ?? null,
  };
  const [row] = await db()
    .insert(enduranceRaces)
    .values(values)
    .onConflictDoUpdate({ target: enduranceRaces.slug, set: values })
    .returning();
  if (!row) throw new Error("storing the race returned nothing");
  await expireTag(ENDURANCE_CACHE_TAG);
  return row;
}

export async function raceBySlug(slug: string): Promise<RaceRow | null> {
  const [row] = await db().select().from(enduranceRaces).where(eq(enduranceRaces.slug, slug));
  return row ?? null;
}

export async function raceById(id: number): Promise<RaceRow | null> {
  const [row] = await db().select().from(enduranceRaces).where(eq(enduranceRaces.id, id));
  return row ?? null;
}

/** Where a race's source URL points: relative ones against ENDURANCE_TIMING_BASE_URL. */
export function resolveSourceUrl(url: string): string {
  if (/^https?:\/\//i.test(url)) return url;
  const base = enduranceEnv().ENDURANCE_TIMING_BASE_URL;
  if (!base) throw new Error(`The source URL "${url}" is relative and ENDURANCE_TIMING_BASE_URL is not set`);
  return `${base.replace(/\/+$/, "")}/${url.replace(/^\/+/, "")}`;
}

/** Races with an ingestion whose sync run is still queued or running (a run that died leaves its claim stale). */
export async function racesIngesting(): Promise<Set<number>> {
  const rows = await db()
    .select({ id: enduranceRaces.id })
    .from(enduranceRaces)
    .innerJoin(syncRuns, eq(syncRuns.id, enduranceRaces.ingestSyncRunId))
    .where(and(isNotNull(enduranceRaces.ingestSyncRunId), inArray(syncRuns.status, ["queued", "running"])));
  return new Set(rows.map((row) => row.id));
}

/**
 * Claims a race for one ingestion: succeeds when nobody holds it, when `syncRunId` already does, when the holder is
 * `handOverFrom` (a run continuing as a new one), or when the holder's run has ended. Exactly one ingestion per race.
 */
export async function claimRace(raceId: number, syncRunId: string, handOverFrom?: string): Promise<boolean> {
  const active = await racesIngesting();
  const race = await raceById(raceId);
  if (!race) return false;
  const holder = race.ingestSyncRunId;
  const free = holder === null || holder === syncRunId || holder === handOverFrom || !active.has(raceId);
  if (!free) return false;
  const updated = await db()
    .update(enduranceRaces)
    .set({ ingestSyncRunId: syncRunId })
    .where(and(eq(enduranceRaces.id, raceId), holder === null ? isNull(enduranceRaces.ingestSyncRunId) : eq(enduranceRaces.ingestSyncRunId, holder)))
    .returning({ id: enduranceRaces.id });
  return updated.length === 1;
}

/** Lets go of a race's ingestion claim, if `syncRunId` holds it. */
export async function releaseRace(raceId: number, syncRunId: string): Promise<void> {
  await db()
    .update(enduranceRaces)
    .set({ ingestSyncRunId: null })
    .where(and(eq(enduranceRaces.id, raceId), eq(enduranceRaces.ingestSyncRunId, syncRunId)));
}
