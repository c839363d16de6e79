import { PACE_MODEL, type PaceModelOptions, type RetrainSchedule } from "@/lib/endurance/models";
import { parseAnalysis } from "@/lib/endurance/sources";
import { fixtureBytes } from "../support";

/** Spa 6 Hours 2025, every lap of three cars: 007 and 99 (HYPERCAR), 21 (LMGT3). */
export const threeCars = parseAnalysis(fixtureBytes("wec2025_spa6h_three_cars.csv")).laps;

/**
 * Spa 6 Hours 2025 to 56:30: the 18 Hypercars and six LMGT3 cars (start under the safety car, a slow zone, a
 * full-course yellow, the first stops).
 */
export const openingHour = parseAnalysis(fixtureBytes("models/wec2025_spa6h_to_56min.csv")).laps;

/** Spa 6 Hours 2025, the Hypercars from 4:38 to 5:00 (009 changes driver at its lap-117 stop). */
export const lateHypercars = parseAnalysis(fixtureBytes("models/wec2025_spa6h_hypercars_278_300min.csv")).laps;

// Small forests and an early first fit, so that an excerpt trains several models in a test's time.
export const testModel: PaceModelOptions = { ...PACE_MODEL, trees: 4, sampleLaps: 120 };
export const testSchedule: RetrainSchedule = { firstFitLaps: 60, growth: 0.5, maxIntervalMs: 1_800_000 };
