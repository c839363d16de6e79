import type { CarHistory } from "./car-history";

export interface Traffic {
  /** Slower cars this car catches during the lap. */
  toOvertake: number;
  /** Of those, cars within 8 % of its pace (long passes: the next class, or its own). */
  toOvertakeClose: number;
  /** Faster cars that catch it during the lap. */
  overtakenBy: number;
  overtakenByClose: number;
  /** Cars at least 3 % slower within 15 s ahead on the road, and 3 % faster within 15 s behind. */
  slowerAhead: number;
  fasterBehind: number;
  /** Sum over the lap's passes of pace over pace difference (capped): passes between close cars take longer. */
  passLoad: number;
}

const CLOSE_PACE = 0.08;
const NEAR_MS = 15_000;
const NEAR_PACE = 0.03;
const MAX_PASS_LOAD = 20;
const OVERDUE = 1.2;

/**
 * The traffic a car meets on the lap it starts at `atMs`. Every other car is placed on the road from its last
 * crossing and its baseline: it crossed `ahead` ms ago and will cross again in `behind` ms. At constant pace the
 * car catches a slower one during the lap when the gap is less than their pace difference, and a faster one
 * catches it likewise. Cars in the pit lane, or overdue at the line (stopped, slowed), are off the road.
 */
export function trafficAt(car: CarHistory, cars: Iterable<CarHistory>, atMs: number): Traffic {
  const traffic: Traffic = { toOvertake: 0, toOvertakeClose: 0, overtakenBy: 0, overtakenByClose: 0, slowerAhead: 0, fasterBehind: 0, passLoad: 0 };
  const pace = car.baselineMs;
  if (pace === null) return traffic;
  for (const other of cars) {
    const otherPace = other.baselineMs;
    const crossed = other.previous?.elapsedMs;
    if (other === car || otherPace === null || crossed === undefined || other.previous?.inLap) continue;
    const ahead = atMs - crossed;
    if (ahead < 0 || ahead > OVERDUE * otherPace) continue;
    const behind = Math.max(0, otherPace - ahead);
    const difference = otherPace - pace;
    const close = Math.abs(difference) < CLOSE_PACE * pace;
    const load = Math.min(MAX_PASS_LOAD, pace / Math.abs(difference));
    if (difference > 0 && ahead < difference) {
      traffic.toOvertake += 1;
      if (close) traffic.toOvertakeClose += 1;
      traffic.passLoad += load;
    }
    if (difference < 0 && behind < -difference) {
      traffic.overtakenBy += 1;
      if (close) traffic.overtakenByClose += 1;
      traffic.passLoad += load;
    }
    if (difference > NEAR_PACE * pace && ahead < NEAR_MS) traffic.slowerAhead += 1;
    if (difference < -NEAR_PACE * pace && behind < NEAR_MS) traffic.fasterBehind += 1;
  }
  return traffic;
}
