import type { Row } from "../rows";
import { openf1Date } from "../rows";
import type { CarProgress } from "./progress";
import type { RaceModel } from "./race";

export interface SessionKeys {
  session_key: number;
  meeting_key: number;
}

// OpenF1 sends a car's intervals about every 4 s, the leader's once a lap.
const INTERVAL_EVERY_MS = 4_000;
// No positions in the first minutes of a race (as OpenF1), then one check a second.
const POSITIONS_FROM_MS = 120_000;
const POSITION_EVERY_MS = 1_000;

const seconds = (ms: number) => Math.round(ms) / 1000;
const lapsDown = (laps: number) => `+${laps} LAP${laps > 1 ? "S" : ""}`;

/** The running order at a moment: the furthest first, the previous order between equals. */
export function orderAt(progresses: readonly CarProgress[], at: number, previous: Map<number, number>): CarProgress[] {
  const distance = new Map(progresses.map((progress) => [progress, progress.racingDistanceAt(at)]));
  return [...progresses].sort(
    (a, b) =>
      (distance.get(b) as number) - (distance.get(a) as number) ||
      (previous.get(a.car.entrant.driverNumber) ?? 0) - (previous.get(b.car.entrant.driverNumber) ?? 0),
  );
}

/** The gap from `ahead` back to `car` at a moment: time since `ahead` was where `car` is, or laps down. */
export function gapBetween(ahead: CarProgress, car: CarProgress, at: number): number | string | null {
  const behind = ahead.racingDistanceAt(at) - car.racingDistanceAt(at);
  if (behind >= 1) return lapsDown(Math.floor(behind));
  const passed = ahead.timeAt(car.racingDistanceAt(at));
  return passed === null ? null : seconds(at - passed);
}

/** OpenF1 `intervals` rows: gap to the leader and interval to the car ahead, from where the cars are. */
export function intervalRows(model: RaceModel, progresses: readonly CarProgress[], keys: SessionKeys, random: () => number): Row[] {
  const rows: Row[] = [];
  const running = (at: number) => progresses.filter((progress) => progress.car.retired === null || progress.car.retired.at > at);
  for (const progress of progresses) {
    const { car } = progress;
    const until = car.retired?.at ?? car.finishedAt ?? model.chequeredAt;
    const driver_number = car.entrant.driverNumber;
    const stamp = (at: number, gap: number | string | null, interval: number | string | null) =>
      rows.push({ date: openf1Date(at), session_key: keys.session_key, driver_number, meeting_key: keys.meeting_key, gap_to_leader: gap, interval });
    for (const lap of car.laps) {
      if (lap.end === null) continue;
      const order = orderAt(running(lap.end), lap.end, new Map());
      if (order[0] === progress) stamp(lap.end, 0, 0);
    }
    for (let at = model.lightsOut + 3_000 + random() * INTERVAL_EVERY_MS; at < until; at += INTERVAL_EVERY_MS + (random() - 0.5) * 600) {
      const order = orderAt(running(at), at, new Map());
      const place = order.indexOf(progress);
      const leader = order[0];
      const ahead = order[place - 1];
      if (place <= 0 || !leader || !ahead) continue;
      // In the pit lane the timing gives no gap to the leader.
      const gap = progress.pitLaneAt(at) === null ? gapBetween(leader, progress, at) : null;
      stamp(at, gap, random() < 0.015 ? null : gapBetween(ahead, progress, at));
    }
  }
  return rows.sort((a, b) => String(a.date).localeCompare(String(b.date)));
}

/** OpenF1 `position` rows: a row for each driver whose place changed, none for the first minutes. */
export function positionRows(model: RaceModel, progresses: readonly CarProgress[], keys: SessionKeys, random: () => number): Row[] {
  const rows: Row[] = [];
  const places = new Map(progresses.map((progress) => [progress.car.entrant.driverNumber, progress.car.grid]));
  const end = Math.max(...progresses.map((progress) => progress.car.finishedAt ?? model.chequeredAt)) + 5_000;
  for (let at = model.lightsOut + POSITIONS_FROM_MS; at <= end; at += POSITION_EVERY_MS) {
    const order = orderAt(progresses, at, places);
    const stampedAt = openf1Date(at + Math.floor(random() * 900));
    order.forEach((progress, index) => {
      const driver_number = progress.car.entrant.driverNumber;
      if (places.get(driver_number) === index + 1) return;
      places.set(driver_number, index + 1);
      rows.push({ date: stampedAt, session_key: keys.session_key, driver_number, meeting_key: keys.meeting_key, position: index + 1 });
    });
  }
  return rows;
}
