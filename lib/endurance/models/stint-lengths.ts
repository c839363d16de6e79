import type { PitStop, Stint } from "../derive";
import { median } from "../derive/lap-facts";

/** How long a class's stints run. */
export interface ClassStintLength {
  carClass: string | null;
  /** Full stints seen (see fullStints). */
  stints: number;
  typicalLaps: number | null;
  /** The middle half of the class's full stints: where most cars stop. */
  shortestLaps: number | null;
  longestLaps: number | null;
}

/** How long one car's stints run: its own full stints, or its class's while it has fewer than two. */
export interface CarStintLength {
  typicalLaps: number;
  shortestLaps: number;
  longestLaps: number;
  source: "car" | "class";
}

// A stint under 60 % of the class's usual length was cut short (a stop under a caution, a repair, a splash).
const SHORT_STINT = 0.6;
const MIN_OWN_STINTS = 2;

/** Stints that ran until the fuel or the tyres called the car in: ended in the pit lane, not cut short. */
export function fullStints(stints: readonly Stint[]): Stint[] {
  const typical = new Map<string | null, number | null>();
  for (const carClass of new Set(stints.map((stint) => stint.carClass))) {
    typical.set(carClass, median(stints.filter((stint) => stint.carClass === carClass && stint.endedInPit).map((stint) => stint.laps)));
  }
  return stints.filter((stint) => stint.endedInPit && stint.laps >= SHORT_STINT * (typical.get(stint.carClass) ?? 0));
}

export function classStintLengths(full: readonly Stint[]): ClassStintLength[] {
  return [...new Set(full.map((stint) => stint.carClass))].map((carClass) => {
    const laps = full.filter((stint) => stint.carClass === carClass).map((stint) => stint.laps).sort((a, b) => a - b);
    return { carClass, stints: laps.length, typicalLaps: median(laps), shortestLaps: quantile(laps, 0.25), longestLaps: quantile(laps, 0.75) };
  });
}

export function carStintLength(car: string, full: readonly Stint[], ofClass: ClassStintLength | undefined): CarStintLength | null {
  const own = full.filter((stint) => stint.car === car).map((stint) => stint.laps);
  const typical = median(own);
  if (own.length >= MIN_OWN_STINTS && typical !== null) return { typicalLaps: typical, shortestLaps: Math.min(...own), longestLaps: Math.max(...own), source: "car" };
  if (!ofClass || ofClass.typicalLaps === null || ofClass.shortestLaps === null || ofClass.longestLaps === null) return null;
  return { typicalLaps: ofClass.typicalLaps, shortestLaps: ofClass.shortestLaps, longestLaps: ofClass.longestLaps, source: "class" };
}

/**
 * What a routine stop costs against racing through: in-lap plus out-lap less two laps at the stint's pace, the
 * median over the class's fuel and tyre stops.
 */
export function stopLossByClass(stops: readonly PitStop[], stints: readonly Stint[], lapTime: (car: string, lap: number) => number | null): Map<string | null, number> {
  const losses = new Map<string | null, number[]>();
  for (const stop of stops) {
    if (stop.outLap === null || (stop.service !== "fuel" && stop.service !== "fuel-tyres")) continue;
    const pace = stints.find((stint) => stint.car === stop.car && stint.endLap === stop.inLap)?.paceMs ?? null;
    const inLap = lapTime(stop.car, stop.inLap);
    const outLap = lapTime(stop.car, stop.outLap);
    if (pace === null || inLap === null || outLap === null) continue;
    const list = losses.get(stop.carClass);
    const loss = inLap + outLap - 2 * pace;
    if (list) list.push(loss);
    else losses.set(stop.carClass, [loss]);
  }
  return new Map([...losses].map(([carClass, list]) => [carClass, median(list) ?? 0]));
}

/** Linear-interpolated quantile of sorted values. */
function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const at = (sorted.length - 1) * q;
  const low = sorted[Math.floor(at)] ?? 0;
  return low + ((sorted[Math.ceil(at)] ?? low) - low) * (at - Math.floor(at));
}
