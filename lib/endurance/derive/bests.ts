import type { LapRecord } from "../records";
import { driverName } from "./lap-facts";

export interface BestLap {
  car: string;
  carClass: string | null;
  driver: string;
  lap: number;
  lapTimeMs: number;
  elapsedMs: number;
}

export interface BestLaps {
  overall: BestLap | null;
  byClass: BestLap[];
  byCar: BestLap[];
  /** One per car and driver (the same driver in two cars has two). */
  byDriver: BestLap[];
}

/**
 * Fastest laps from the lap times themselves: the files' improvement flags disagree with the times (Le Mans
 * 2024 marks a slower lap as the overall best), so they are not used. Ties go to the earlier lap.
 */
export function bestLaps(laps: readonly LapRecord[]): BestLaps {
  const byClass = new Map<string | null, BestLap>();
  const byCar = new Map<string, BestLap>();
  const byDriver = new Map<string, BestLap>();
  let overall: BestLap | null = null;
  for (const lap of laps) {
    const best: BestLap = { car: lap.car, carClass: lap.carClass, driver: driverName(lap), lap: lap.lap, lapTimeMs: lap.lapTimeMs, elapsedMs: lap.elapsedMs };
    if (faster(best, overall)) overall = best;
    keep(byClass, lap.carClass, best);
    keep(byCar, lap.car, best);
    keep(byDriver, `${lap.car}\u0000${best.driver}`, best);
  }
  const byTime = (a: BestLap, b: BestLap) => a.lapTimeMs - b.lapTimeMs;
  return { overall, byClass: [...byClass.values()].sort(byTime), byCar: [...byCar.values()].sort(byTime), byDriver: [...byDriver.values()].sort(byTime) };
}

function faster(candidate: BestLap, best: BestLap | null | undefined): boolean {
  return !best || candidate.lapTimeMs < best.lapTimeMs || (candidate.lapTimeMs === best.lapTimeMs && candidate.elapsedMs < best.elapsedMs);
}

function keep<K>(map: Map<K, BestLap>, key: K, candidate: BestLap): void {
  if (faster(candidate, map.get(key))) map.set(key, candidate);
}
