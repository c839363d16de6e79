import { openf1Date, type Row, type Sampler } from "../rows";
import type { Circuit } from "./circuit";
import type { CarProgress } from "./progress";
import type { SessionKeys } from "./timing";

// OpenF1 samples car data and locations at about 3.7 Hz.
export const SAMPLE_EVERY_MS = 270;
// The first samples of a session carry OpenF1's 0,0,0 placeholder: the car is not out yet.
const PLACEHOLDERS_MS = 5_000;

interface Clock {
  sessionStart: number;
  sessionEnd: number;
}

/** Every sample moment of every car inside [from, to], in time order. */
function moments(progresses: readonly CarProgress[], clock: Clock, from: number, to: number): { at: number; progress: CarProgress }[] {
  const first = Math.max(from, clock.sessionStart);
  const last = Math.min(to, clock.sessionEnd);
  const found: { at: number; progress: CarProgress }[] = [];
  progresses.forEach((progress, index) => {
    const phase = clock.sessionStart + ((index * 37) % SAMPLE_EVERY_MS);
    for (let at = phase + Math.max(0, Math.ceil((first - phase) / SAMPLE_EVERY_MS)) * SAMPLE_EVERY_MS; at <= last; at += SAMPLE_EVERY_MS) {
      found.push({ at, progress });
    }
  });
  return found.sort((a, b) => a.at - b.at);
}

/** OpenF1 `location` rows on demand: each car on the circuit outline, or in the pit lane. */
export function locationSampler(progresses: readonly CarProgress[], circuit: Circuit, keys: SessionKeys, clock: Clock): Sampler {
  return (sessionKey, from, to) => {
    if (sessionKey !== keys.session_key) return [];
    return moments(progresses, clock, from, to).map(({ at, progress }): Row => {
      const pit = progress.pitLaneAt(at);
      const point = at < clock.sessionStart + PLACEHOLDERS_MS ? { x: 0, y: 0, z: 0 } : pit === null ? circuit.at(progress.distanceAt(at)) : circuit.pitLane(pit);
      return {
        date: openf1Date(at),
        session_key: keys.session_key,
        driver_number: progress.car.entrant.driverNumber,
        meeting_key: keys.meeting_key,
        x: Math.round(point.x),
        y: Math.round(point.y),
        z: Math.round(point.z),
      };
    });
  };
}

/** OpenF1 `car_data` rows on demand: speed from how fast the car covers the lap, gear, revs and pedals from speed. */
export function carDataSampler(progresses: readonly CarProgress[], circuit: Circuit, keys: SessionKeys, clock: Clock): Sampler {
  return (sessionKey, from, to) => {
    if (sessionKey !== keys.session_key) return [];
    return moments(progresses, clock, from, to).map(({ at, progress }): Row => {
      const distance = progress.distanceAt(at);
      const average = (progress.distanceAt(at + 500) - progress.distanceAt(at - 500)) * circuit.lengthMetres * 3.6;
      // Five straights and five corners a lap around the average speed.
      const wave = Math.sin(distance * Math.PI * 10);
      const speed = average < 1 ? 0 : Math.max(60, Math.round(average * (1 + 0.3 * wave)));
      const gear = speed === 0 ? 0 : Math.min(8, Math.max(1, Math.ceil(speed / 42)));
      const braking = speed > 0 && Math.cos(distance * Math.PI * 10) < -0.7;
      return {
        date: openf1Date(at),
        session_key: keys.session_key,
        driver_number: progress.car.entrant.driverNumber,
        meeting_key: keys.meeting_key,
        speed,
        rpm: speed === 0 ? 4_000 : Math.round(10_200 + ((speed % 42) / 42) * 1_600),
        n_gear: gear,
        throttle: braking ? 0 : speed === 0 ? 0 : wave > -0.2 ? 100 : 40,
        brake: braking ? 100 : 0,
        drs: progress.pitLaneAt(at) === null && wave > 0.85 ? 12 : 1,
      };
    });
  };
}
