import type { Plan } from "./plan-store";

/** Content everyone owns (included with the subscription). */
export interface FreeContent {
  cars: number[];
  tracks: number[];
}

/** What one can race on: owned or free cars and track packages. */
export interface Owned {
  cars: Set<number>;
  tracks: Set<number>;
}

export const ownedOf = (plan: Pick<Plan, "cars" | "tracks">, free: FreeContent): Owned => ({
  cars: new Set([...plan.cars, ...free.cars]),
  tracks: new Set([...plan.tracks, ...free.tracks]),
});

/** A race (week, session) can be entered with the track and at least one of its cars. */
export const canRace = (owned: Owned, race: { packageId: number; carIds: readonly number[] }): boolean =>
  owned.tracks.has(race.packageId) && race.carIds.some((car) => owned.cars.has(car));
