import { indexRace, standingsAt, stints } from "./derive";
import type { NextLapPrediction } from "./models";
import type { Gap, LapRecord, StandingRecord } from "./records";

/** One car on the live leaderboard, as the page and the API show it. */
export interface LeaderboardRow {
  position: number;
  classPosition: number | null;
  car: string;
  carClass: string | null;
  team: string | null;
  vehicle: string | null;
  driver: string | null;
  laps: number | null;
  gapToLeader: Gap | null;
  interval: Gap | null;
  classGapToLeader: Gap | null;
  classInterval: Gap | null;
  lastLapMs: number | null;
  bestLapMs: number | null;
  pitStops: number;
  inPit: boolean;
  /** Laps since the last stop (the out-lap counts); 0 in the pit lane. */
  lapsSinceStop: number;
  /** Laps of the car's longest completed stint so far: what it can run on a tank. */
  stintLength: number | null;
  predictedNextLapMs: number | null;
  predictionSource: "model" | "baseline" | null;
}

/**
 * The leaderboard at race time t from the laps, with each car's stint state and its predicted next lap. The live
 * feed, where there is one, knows better who is in the pit lane and who drives now: its word wins on those two.
 */
export function leaderboardAt(
  laps: readonly LapRecord[],
  t: number,
  predictions: readonly NextLapPrediction[] = [],
  live: readonly StandingRecord[] = [],
): LeaderboardRow[] {
  const shown = laps.filter((lap) => lap.elapsedMs <= t);
  const index = indexRace(shown);
  const analysis = stints(shown, index);
  const sinceStop = new Map<string, number>();
  for (const lap of analysis.stintLaps) sinceStop.set(lap.car, lap.lapsSinceStop);
  const longest = new Map<string, number>();
  for (const stint of analysis.stints) if (stint.endedInPit) longest.set(stint.car, Math.max(longest.get(stint.car) ?? 0, stint.laps));
  const predicted = new Map(predictions.map((prediction) => [prediction.car, prediction]));
  const feed = new Map(live.map((standing) => [standing.car, standing]));
  return standingsAt(shown, t, index).map((standing) => {
    const fromFeed = feed.get(standing.car);
    const inPit = fromFeed ? fromFeed.inPit : standing.inPit;
    const next = predicted.get(standing.car);
    return {
      position: standing.position,
      classPosition: standing.classPosition,
      car: standing.car,
      carClass: standing.carClass,
      team: standing.team,
      vehicle: standing.vehicle,
      driver: fromFeed?.driver ?? standing.driver,
      laps: standing.laps,
      gapToLeader: standing.gapToLeader,
      interval: standing.interval,
      classGapToLeader: standing.classGapToLeader,
      classInterval: standing.classInterval,
      lastLapMs: standing.lastLapMs,
      bestLapMs: standing.bestLapMs,
      pitStops: standing.pitStops ?? 0,
      inPit,
      lapsSinceStop: inPit ? 0 : (sinceStop.get(standing.car) ?? 0),
      stintLength: longest.get(standing.car) ?? null,
      predictedNextLapMs: inPit ? null : (next?.predictedMs ?? null),
      predictionSource: inPit ? null : (next?.source ?? null),
    };
  });
}
