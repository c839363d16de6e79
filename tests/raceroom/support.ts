import { shippedCatalogue, type Catalogue } from "@/lib/raceroom/catalogue";
import { beginFullRefresh, nextCombinations, promoteGeneration, storeBatch, storeCatalogue } from "@/lib/raceroom/ingest";
import type { BoardOutcome, Combination } from "@/lib/raceroom/source";

/** A small real catalogue: RaceRoom Raceway GP and Classic, Monza GP x GTR 3 and GTR 1 (six boards). */
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

/** A fetched board; entries are ranked in the order given. */
export function board(combination: Combination, entries: SimpleEntry[]): BoardOutcome {
  return {
    ok: true,
    board: {
      ...combination,
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

export function failed(combination: Combination, error = "HTTP 500"): BoardOutcome {
  return { ok: false, combination, error };
}

/**
 * Runs a whole full refresh from prepared boards: every catalogue combination not given comes back empty.
 * Returns the promoted generation id.
 */
export async function refreshWith(outcomes: BoardOutcome[]): Promise<number> {
  const { generationId } = await beginFullRefresh();
  await storeBatch(generationId, outcomes);
  const rest = await nextCombinations(generationId, 100_000);
  await storeBatch(generationId, rest.map((c) => board(c, [])));
  await promoteGeneration(generationId);
  return generationId;
}

export async function useSmallCatalogue(): Promise<void> {
  await storeCatalogue(await smallCatalogue());
}
