/**
 * Pace models of an endurance race, pure functions of its laps (no database, no clock). A live race, after each
 * ingest: buildLapTable(laps so far), or lapSweep to walk on as laps arrive; for each class of classesDue, fitPace(trainingRows(...)) in a background
 * step of its own, kept with storePaceFit (the latest two fits per class suffice); predictNextLaps, storing each
 * lap's first prediction; scoreNextLaps and accuracyByClass for the rolling error; detectAnomalies and
 * raceStrategy. A finished race, or a replay: replayRace.
 */
export { accuracyByClass, MIN_SCORED_LAPS, type AccuracyWindow, type ClassAccuracy, type PaceSource } from "./accuracy";
export { detectAnomalies, type AnomalyReason, type LapAnomaly } from "./anomalies";
export { errorByBaselineMiss, errorByRaceTime, MISS_BANDS, type ErrorSlice } from "./error-breakdown";
export { predictLaps, replayFits, scoreNextLaps, type LapPrediction, type ReplayOptions } from "./backtest";
export { BASELINE_LAPS } from "./car-history";
export { PACE_FEATURES, type PaceFeature } from "./features";
export { buildLapTable, lapSweep, type LapSweep, type LapTable, type NextLap, type PaceRow } from "./lap-table";
export { predictNextLaps, type NextLapPrediction } from "./next-lap";
export { fitAt, fitPace, loadPaceFit, PACE_MODEL, predictPace, storePaceFit, trainingRows, type PaceFit, type PaceModelOptions, type StoredPaceFit, type TrainingRow } from "./pace-model";
export { replayRace, type PaceReplay } from "./replay";
export { classesDue, RETRAIN, retrainDue, type RetrainSchedule } from "./schedule";
export { scoredLaps } from "./scored-laps";
export { type CarStintLength, type ClassStintLength } from "./stint-lengths";
export { raceStrategy, type CarStrategy, type PitWindow, type RaceStrategy, type StrategyOptions } from "./strategy";
