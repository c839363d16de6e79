import { PIT_ENTRY, PIT_EXIT } from "./circuit";
import { SECTOR_ENDS, type RaceCar, type RacePit } from "./race";

interface Knot {
  at: number;
  /** Laps covered since the line at the start (negative on the grid). */
  distance: number;
}

// A car's grid slot, behind the line: about 13 m per place.
const GRID_SLOT = 0.0025;
// After the flag: a slow lap, then the car stands.
const COOL_DOWN_MS = 150_000;
const COOL_DOWN_LAP = 0.97;

/** Where a car is at any moment: distance along the race, linear between the timing points it passed. */
export class CarProgress {
  private constructor(
    readonly car: RaceCar,
    private readonly knots: Knot[],
    /** The distance at which the car took the flag, or stopped on track. */
    readonly finalDistance: number | null,
  ) {}

  static of(car: RaceCar, lightsOut: number): CarProgress {
    const knots: Knot[] = [{ at: lightsOut, distance: -GRID_SLOT * car.grid }];
    const pits = new Map<number, RacePit>(car.pits.map((pit) => [pit.lapNumber, pit]));
    for (const lap of car.laps) {
      const base = lap.lapNumber - 1;
      const exitFrom = pits.get(lap.lapNumber - 1);
      if (exitFrom) knots.push({ at: exitFrom.exit, distance: base + PIT_EXIT });
      let at = lap.start;
      lap.sectors.forEach((ms, index) => {
        at += ms;
        if (index === 2 && pits.has(lap.lapNumber)) knots.push({ at: (pits.get(lap.lapNumber) as RacePit).entry, distance: lap.lapNumber + PIT_ENTRY });
        knots.push({ at, distance: base + (SECTOR_ENDS[index] as number) });
      });
    }
    let finalDistance: number | null = null;
    const lastLap = car.laps.at(-1);
    if (car.retired) {
      finalDistance = car.retired.lapNumber - 1 + car.retired.fraction;
      knots.push({ at: car.retired.at, distance: finalDistance });
    } else if (car.finishedAt !== null && lastLap) {
      finalDistance = lastLap.lapNumber;
      knots.push({ at: car.finishedAt + COOL_DOWN_MS, distance: finalDistance + COOL_DOWN_LAP });
    }
    knots.sort((a, b) => a.at - b.at);
    // Timing points out of order (rounding) would make the car go backwards: keep the ones that move it on.
    const moving: Knot[] = [];
    for (const knot of knots) if (moving.length === 0 || knot.distance > (moving.at(-1) as Knot).distance) moving.push(knot);
    return new CarProgress(car, moving, finalDistance);
  }

  distanceAt(at: number): number {
    const knots = this.knots;
    const first = knots[0] as Knot;
    if (at <= first.at) return first.distance;
    let low = 0;
    let high = knots.length - 1;
    if (at >= (knots[high] as Knot).at) return (knots[high] as Knot).distance;
    while (high - low > 1) {
      const middle = (low + high) >> 1;
      if ((knots[middle] as Knot).at <= at) low = middle;
      else high = middle;
    }
    const a = knots[low] as Knot;
    const b = knots[high] as Knot;
    return a.distance + ((b.distance - a.distance) * (at - a.at)) / (b.at - a.at || 1);
  }

  /** Distance in the race: it stops growing at the flag. */
  racingDistanceAt(at: number): number {
    const distance = this.distanceAt(at);
    return this.finalDistance === null ? distance : Math.min(distance, this.finalDistance);
  }

  /** When the car first reached `distance`, or null if it never did. */
  timeAt(distance: number): number | null {
    const knots = this.knots;
    const first = knots[0] as Knot;
    if (distance <= first.distance) return first.at;
    if (distance > (knots.at(-1) as Knot).distance) return null;
    let low = 0;
    let high = knots.length - 1;
    while (high - low > 1) {
      const middle = (low + high) >> 1;
      if ((knots[middle] as Knot).distance < distance) low = middle;
      else high = middle;
    }
    const a = knots[low] as Knot;
    const b = knots[high] as Knot;
    return a.at + ((b.at - a.at) * (distance - a.distance)) / (b.distance - a.distance || 1);
  }

  /** How far along the pit lane the car is (0 entry, 1 exit), or null when it is not in it. */
  pitLaneAt(at: number): number | null {
    const pit = this.car.pits.find((visit) => visit.entry <= at && at <= visit.exit);
    return pit ? (at - pit.entry) / pit.laneMs : null;
  }
}
