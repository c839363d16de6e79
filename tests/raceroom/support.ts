import { shippedCatalogue, type Catalogue } from "@/lib/raceroom/catalogue";
import { storeBatch } from "@/lib/raceroom/batch";
import { storeCatalogue } from "@/lib/raceroom/catalogue-store";
import { beginFullRefresh, nextLeaderboards } from "@/lib/raceroom/generations";
import { promoteGeneration } from "@/lib/raceroom/promotion";
import type { LeaderboardOutcome, LeaderboardKey } from "@/lib/raceroom/source";

/** A small real catalogue: RaceRoom Raceway GP and Classic, Monza GP x GTR 3 and GTR 1 (six leaderboards). */
export async function smallCatalogue(layoutIds = [263, 264, 1671], classIds = [1703, 1687]): Promise<Catalogue> {
  const full = await shippedCatalogue();
  const layouts = full.layouts.filter((l) => layoutIds.includes(l.id));
  const trackIds = new Set(layouts.map((l) => l.trackId));
  return {
    layouts,
    tracks: full.tracks.filter((t) => trackIds.has(t.id)),
    classes: full.classes.filter((c) => classIds.includes(c.id)),
    cars: full.cars.filter((c) => classIds.includes(c.classId)),
  };
}

export const MONZA_GTR3 = { layoutId: 1671, classId: 1703 };
export const MONZA_GTR1 = { layoutId: 1671, classId: 1687 };
export const RRR_GP_GTR3 = { layoutId: 263, classId: 1703 };

export interface SimpleEntry {
  driverId: number;
  name: string;
  lapMs: number;
  car?: string;
  country?: string;
  difficulty?: "Get Real" | "Amateur" | "Novice";
}

/** A fetched leaderboard; entries are ranked in the order given. */
export function fetched(key: LeaderboardKey, entries: SimpleEntry[]): LeaderboardOutcome {
  return {
    ok: true,
    leaderboard: {
      ...key,
      requests: 1,
      rejected: 0,
      retriedEmpty: false,
      entries: entries.map((e, i) => ({
        position: i + 1,
        driverId: e.driverId,
        driverName: e.name,
        countryCode: e.country ?? "de",
        countryName: e.country === "fr" ? "France" : "Germany",
        carName: e.car ?? "BMW Z4 GT3",
        lapTimeMs: e.lapMs,
        team: null,
        rank: "A",
        difficulty: e.difficulty ?? "Get Real",
        achievedAt: new Date("2025-01-15T14:30:00Z"),
      })),
    },
  };
}

export function failed(key: LeaderboardKey, error = "HTTP 500"): LeaderboardOutcome {
  return { ok: false, key, error };
}

/**
 * Runs a whole full refresh from prepared leaderboards: every catalogue leaderboard not given comes back empty.
 * Returns the promoted generation id.
 */
export async function refreshWith(outcomes: LeaderboardOutcome[]): Promise<number> {
  const { generationId } = await beginFullRefresh();
  await storeBatch(generationId, outcomes);
  const rest = await nextLeaderboards(generationId, 100_000);
  await storeBatch(generationId, rest.map((c) => fetched(c, [])));
  await promoteGeneration(generationId);
  return generationId;
}

export async function useSmallCatalogue(): Promise<void> {
  await storeCatalogue(await smallCatalogue());
}
