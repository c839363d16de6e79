/**
 * What the pace model sees of a car at the start of a lap. Times are ratios to the car's baseline (a lap 1 %
 * slower is 0.01) so that one model serves Le Mans' 3:30 laps and Daytona's 1:40 ones; counts are cars.
 */
export const PACE_FEATURES = [
  // Stint and driver: fuel burn, tyre wear, a driver settling in after a change.
  "stintLap",
  "driverLaps",
  // The car's own recent laps, summarised other ways than the baseline's median of five.
  "lastLap",
  "lastTwoLaps",
  "bestRecentLap",
  "tenLapMedian",
  "stintPace",
  "bestSectors",
  "medianSectors",
  // The last two sectors of the lap just done, out-laps included: the first racing a new driver or new tyres did.
  "lateSectors",
  // The driver now in the car against the drivers of the baseline's laps, both measured against their class.
  "driverPace",
  // Conditions: how the field and the class run against their own baselines now (rain, night; the field's trend
  // leaves out a slowdown in one sector, see greenTrend), and how the class pace moved since the baseline's laps.
  "fieldTrend",
  "classTrend",
  "conditions",
  "carPace",
  // Traffic on the coming lap: slower cars this car will catch, faster cars that will catch it.
  "toOvertake",
  "toOvertakeClose",
  "overtakenBy",
  "overtakenByClose",
  "slowerAhead",
  "fasterBehind",
  "passLoad",
] as const;

export type PaceFeature = (typeof PACE_FEATURES)[number];

export type PaceFeatures = Record<PaceFeature, number>;

/** The features in model order. */
export function featureVector(features: PaceFeatures): number[] {
  return PACE_FEATURES.map((name) => features[name]);
}
