import type { PlannerWeek } from "../read/planner";
import { canRace, type Owned } from "./raceable";

export interface Unlock {
  kind: "car" | "track";
  id: number;
  /** Race weeks still to come that this one purchase makes raceable. */
  weeks: number;
  /** The series those weeks belong to. */
  series: string[];
}

/**
 * What to buy next: every car or track that alone would make more of the remaining race weeks raceable, the most first.
 * A week needing both a track and a car counts for neither (no single purchase unlocks it).
 */
export function purchaseGuide(weeks: readonly PlannerWeek[], owned: Owned, limit = 10): Unlock[] {
  const gains = new Map<string, Unlock>();
  const gain = (kind: Unlock["kind"], id: number, week: PlannerWeek) => {
    const key = `${kind}:${id}`;
    const unlock = gains.get(key) ?? { kind, id, weeks: 0, series: [] };
    unlock.weeks += 1;
    if (!unlock.series.includes(week.seriesName)) unlock.series.push(week.seriesName);
    gains.set(key, unlock);
  };
  for (const week of weeks) {
    if (week.carIds.length === 0 || canRace(owned, week)) continue;
    const hasTrack = owned.tracks.has(week.packageId);
    const hasCar = week.carIds.some((car) => owned.cars.has(car));
    if (hasTrack && !hasCar) for (const car of week.carIds) gain("car", car, week);
    else if (!hasTrack && hasCar) gain("track", week.packageId, week);
  }
  return [...gains.values()].sort((a, b) => b.weeks - a.weeks || b.series.length - a.series.length || a.id - b.id).slice(0, limit);
}
