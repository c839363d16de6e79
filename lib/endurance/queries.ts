import "server-only";
import { and, asc, desc, eq, gt, or, sql as raw } from "drizzle-orm";
import { enduranceClassifications, enduranceFlags, enduranceLaps, enduranceRaces, enduranceStandings } from "@/db/schema/endurance";
import { db } from "@/lib/db";
import type { SectionFigure } from "@/lib/domains/manifest";
import { raceDurationMs } from "./analyse";
import type { RaceRow } from "./calendar";
import { deriveRace, type DerivedRace, type DriveTimeRules } from "./derive";
import { leaderboardAt, type LeaderboardRow } from "./leaderboard";
import { accuracyByClass, buildLapTable, predictLaps, raceStrategy, type ClassAccuracy, type LapAnomaly, type RaceStrategy } from "./models";
import type { FlagPeriod, LapRecord } from "./records";
import { loadLaps } from "./store/laps";
import { loadFits, loadPredictions } from "./store/models";

// Read models of the endurance pages and API. The live leaderboard, accuracy, anomalies and strategy are what the
// ingestion's last step stored; at an earlier race time (a TV delay, a replay) the laps up to then are derived
// here, once per race state (memoised), never refitting a model.

export interface RaceSummary {
  slug: string;
  series: string;
  event: string;
  circuit: string;
  startsAt: string;
  endsAt: string;
  durationMs: number;
  status: RaceRow["status"];
  ingesting: boolean;
  laps: number;
  raceTimeMs: number;
  flag: string | null;
  classes: string[];
  winners: { carClass: string | null; car: string; team: string | null }[];
}

/** What a summary reads of a race row: not its analysis (accuracy, anomalies, strategy), which is most of its size. */
const summaryColumns = {
  id: enduranceRaces.id,
  slug: enduranceRaces.slug,
  series: enduranceRaces.series,
  event: enduranceRaces.event,
  circuit: enduranceRaces.circuit,
  startsAt: enduranceRaces.startsAt,
  endsAt: enduranceRaces.endsAt,
  status: enduranceRaces.status,
  ingestSyncRunId: enduranceRaces.ingestSyncRunId,
  laps: enduranceRaces.laps,
  raceTimeMs: enduranceRaces.raceTimeMs,
  session: enduranceRaces.session,
};
type SummaryRow = Pick<RaceRow, keyof typeof summaryColumns>;

const summaryOf = (race: SummaryRow, classes: string[], winners: RaceSummary["winners"]): RaceSummary => ({
  slug: race.slug,
  series: race.series,
  event: race.event,
  circuit: race.circuit,
  startsAt: race.startsAt.toISOString(),
  endsAt: race.endsAt.toISOString(),
  durationMs: raceDurationMs(race),
  status: race.status,
  ingesting: race.ingestSyncRunId !== null,
  laps: race.laps,
  raceTimeMs: race.raceTimeMs,
  flag: typeof race.session?.flag === "string" ? race.session.flag : null,
  classes,
  winners,
});

/** Class leaders of each race (or of one): the classification's when published, else the last leaderboard's. */
async function classLeaders(raceId?: number): Promise<Map<number, RaceSummary["winners"]>> {
  const official = await db()
    .select({ raceId: enduranceClassifications.raceId, carClass: enduranceClassifications.carClass, car: enduranceClassifications.car, team: enduranceClassifications.team })
    .from(enduranceClassifications)
    .where(and(eq(enduranceClassifications.classPosition, 1), raceId === undefined ? undefined : eq(enduranceClassifications.raceId, raceId)))
    .orderBy(asc(enduranceClassifications.position));
  const standings = await db()
    .select({ raceId: enduranceStandings.raceId, carClass: enduranceStandings.carClass, car: enduranceStandings.car, team: raw<string | null>`${enduranceStandings.row}->>'team'` })
    .from(enduranceStandings)
    .where(and(raw`(${enduranceStandings.row}->>'classPosition')::int = 1`, raceId === undefined ? undefined : eq(enduranceStandings.raceId, raceId)))
    .orderBy(asc(enduranceStandings.position));
  const out = new Map<number, RaceSummary["winners"]>();
  for (const row of official) out.set(row.raceId, [...(out.get(row.raceId) ?? []), row]);
  for (const row of standings) if (!official.some((o) => o.raceId === row.raceId)) out.set(row.raceId, [...(out.get(row.raceId) ?? []), row]);
  return out;
}

/** The calendar: live now, upcoming (soonest first), past (latest first). */
export async function raceCalendar(): Promise<{ live: RaceSummary[]; upcoming: RaceSummary[]; past: RaceSummary[] }> {
  const races = await db().select(summaryColumns).from(enduranceRaces).orderBy(desc(enduranceRaces.startsAt));
  const leaders = await classLeaders();
  const summaries = races.map((race) => {
    const winners = leaders.get(race.id) ?? [];
    return summaryOf(race, [...new Set(winners.map((w) => w.carClass ?? ""))], winners);
  });
  return {
    live: summaries.filter((race) => race.status === "live"),
    upcoming: summaries.filter((race) => race.status === "scheduled").reverse(),
    past: summaries.filter((race) => race.status === "finished" || race.status === "cancelled"),
  };
}

export async function raceSummary(slug: string): Promise<(RaceSummary & { id: number }) | null> {
  const [race] = await db().select(summaryColumns).from(enduranceRaces).where(eq(enduranceRaces.slug, slug));
  if (!race) return null;
  const classes = await db()
    .selectDistinct({ carClass: enduranceStandings.carClass })
    .from(enduranceStandings)
    .where(eq(enduranceStandings.raceId, race.id));
  const leaders = (await classLeaders(race.id)).get(race.id) ?? [];
  return { id: race.id, ...summaryOf(race, classes.map((c) => c.carClass ?? "").sort(), leaders) };
}

export interface Leaderboard {
  raceTimeMs: number;
  rows: LeaderboardRow[];
}

/** The stored leaderboard (one indexed read), or the one derived at race time `at`. */
export async function leaderboard(race: { id: number; raceTimeMs: number }, at?: number): Promise<Leaderboard> {
  if (at === undefined || at >= race.raceTimeMs) {
    const rows = await db().select({ row: enduranceStandings.row }).from(enduranceStandings).where(eq(enduranceStandings.raceId, race.id)).orderBy(asc(enduranceStandings.position));
    return { raceTimeMs: race.raceTimeMs, rows: rows.map((r) => r.row as unknown as LeaderboardRow) };
  }
  const state = await raceState(race.id, at);
  return { raceTimeMs: at, rows: leaderboardAt(state.laps, at, []) };
}

interface RaceState {
  laps: LapRecord[];
  derived: DerivedRace;
}

const MEMO_SIZE = 6;
const memo = new Map<string, Promise<RaceState>>();

/** Laps and derivations of a race at a race time, memoised per (race, laps stored, time). */
async function raceState(raceId: number, at?: number): Promise<RaceState> {
  const [race] = await db().select().from(enduranceRaces).where(eq(enduranceRaces.id, raceId));
  if (!race) throw new Error(`No endurance race ${raceId}`);
  const nowMs = at === undefined || at >= race.raceTimeMs ? undefined : at;
  const key = `${raceId}:${race.laps}:${race.raceTimeMs}:${nowMs ?? "now"}`;
  let state = memo.get(key);
  if (!state) {
    state = (async () => {
      const laps = await loadLaps(raceId, nowMs);
      const derived = deriveRace(laps, {
        raceDurationMs: raceDurationMs(race),
        nowMs,
        driveTimeRules: race.driveTimeRules as DriveTimeRules,
        classDriveTimeRules: race.classDriveTimeRules as Record<string, DriveTimeRules>,
      });
      return { laps, derived };
    })();
    memo.set(key, state);
    state.catch(() => memo.delete(key));
    while (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value!);
  }
  return state;
}

export async function raceAnalysis(raceId: number, at?: number): Promise<DerivedRace> {
  return (await raceState(raceId, at)).derived;
}

export interface ChartSeries {
  car: string;
  carClass: string | null;
  team: string | null;
  /** Per lap: lap number, race time at the line, lap time, position overall. */
  laps: [number, number, number, number][];
}

/** Lap chart data of the chosen cars (positions need the whole field, so they come from the derivations). */
export async function lapChart(raceId: number, cars: readonly string[], at?: number): Promise<ChartSeries[]> {
  const { laps, derived } = await raceState(raceId, at);
  const position = new Map(derived.positions.map((p) => [`${p.car}#${p.lap}`, p.position]));
  return cars.flatMap((car) => {
    const own = laps.filter((lap) => lap.car === car);
    if (own.length === 0) return [];
    return [{ car, carClass: own[0]!.carClass, team: own[0]!.team, laps: own.map((lap) => [lap.lap, lap.elapsedMs, lap.lapTimeMs, position.get(`${car}#${lap.lap}`) ?? 0] as [number, number, number, number]) }];
  });
}

export async function flagTimeline(raceId: number, at?: number): Promise<FlagPeriod[]> {
  if (at !== undefined) return (await raceState(raceId, at)).derived.flagPeriods;
  const rows = await db().select().from(enduranceFlags).where(eq(enduranceFlags.raceId, raceId)).orderBy(asc(enduranceFlags.seq));
  return rows.map((row) => ({ flag: row.flag as FlagPeriod["flag"], startMs: row.startMs, endMs: row.endMs, startLap: row.startLap }));
}

/** One page of a car's laps (or all cars'), in lap order; the cursor is the last (car, lap) shown. */
export async function lapsPage(raceId: number, options: { car?: string; limit: number; after?: { car: string; lap: number } }) {
  const conditions = [eq(enduranceLaps.raceId, raceId)];
  if (options.car !== undefined) conditions.push(eq(enduranceLaps.car, options.car));
  if (options.after) conditions.push(or(gt(enduranceLaps.car, options.after.car), and(eq(enduranceLaps.car, options.after.car), gt(enduranceLaps.lap, options.after.lap)))!);
  return db()
    .select()
    .from(enduranceLaps)
    .where(and(...conditions))
    .orderBy(asc(enduranceLaps.car), asc(enduranceLaps.lap))
    .limit(options.limit + 1);
}

export interface Predictions {
  accuracy: ClassAccuracy[];
  next: { car: string; carClass: string | null; lap: number; predictedMs: number | null; baselineMs: number | null; modelMs: number | null; source: string | null }[];
}

/** The rolling error of model and baseline per class, and each car's latest predicted lap; at `at`, scored up to then. */
export async function predictions(race: RaceRow, at?: number): Promise<Predictions> {
  const made = await loadPredictions(race.id);
  const latest = new Map<string, (typeof made)[number]>();
  for (const p of made) if (p.startMs <= (at ?? Infinity) && (latest.get(p.car)?.lap ?? -1) < p.lap) latest.set(p.car, p);
  const accuracy =
    at === undefined || at >= race.raceTimeMs
      ? (race.accuracy as ClassAccuracy[])
      : accuracyByClass(predictLaps(buildLapTable((await raceState(race.id, at)).laps), await loadFits(race.id)), { toMs: at });
  return { accuracy, next: [...latest.values()] };
}

export async function anomalies(race: RaceRow, at?: number): Promise<LapAnomaly[]> {
  const stored = race.anomalies as LapAnomaly[];
  if (at === undefined || at >= race.raceTimeMs) return stored;
  return stored.filter((anomaly) => anomaly.endMs <= at);
}

export async function strategy(race: RaceRow, at?: number): Promise<RaceStrategy | null> {
  if (at === undefined || at >= race.raceTimeMs) return race.strategy as unknown as RaceStrategy | null;
  const { laps } = await raceState(race.id, at);
  return laps.length ? raceStrategy(laps, { raceDurationMs: raceDurationMs(race), nowMs: at }) : null;
}

export async function raceRow(slug: string): Promise<RaceRow | null> {
  const [race] = await db().select().from(enduranceRaces).where(eq(enduranceRaces.slug, slug));
  return race ?? null;
}

export async function enduranceFigures(): Promise<SectionFigure[]> {
  const [row] = await db()
    .select({ races: raw<number>`count(*)::int`, live: raw<number>`(count(*) filter (where ${enduranceRaces.status} = 'live'))::int`, laps: raw<number>`coalesce(sum(${enduranceRaces.laps}), 0)::int` })
    .from(enduranceRaces);
  return [
    { label: "Races", value: row?.races ?? 0 },
    { label: "Live now", value: row?.live ?? 0 },
    { label: "Laps", value: row?.laps ?? 0 },
  ];
}


/** The leaderboard answer of the API and the race page's first paint: the race, and its board now or at `at`; null for no such race. */
export async function raceLeaderboard(slug: string, at?: number): Promise<({ race: RaceSummary } & Leaderboard) | null> {
  const summary = await raceSummary(slug);
  if (!summary) return null;
  const { id, ...race } = summary;
  return { race, ...(await leaderboard({ id, raceTimeMs: summary.raceTimeMs }, at)) };
}
