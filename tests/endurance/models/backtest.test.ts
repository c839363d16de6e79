import { describe, expect, it } from "vitest";
import {
  accuracyByClass,
  buildLapTable,
  loadPaceFit,
  predictLaps,
  predictNextLaps,
  predictPace,
  replayRace,
  scoreNextLaps,
  storePaceFit,
  type LapPrediction,
  type NextLapPrediction,
} from "@/lib/endurance/models";
import type { LapRecord } from "@/lib/endurance/records";
import { openingHour, testModel, testSchedule } from "./support";

const options = { model: testModel, schedule: testSchedule };
const full = replayRace(openingHour, options);
const key = (prediction: Pick<LapPrediction, "car" | "lap">) => `${prediction.car}#${prediction.lap}`;
const predicted = (replay: typeof full) => new Map(replay.predictions.map((prediction) => [key(prediction), prediction]));

// Car 50's lap 20 starts at 40:04.715, after the Hypercars' fourth fit, and runs 2.6 s under its baseline.
const lap = full.predictions.find((prediction) => prediction.car === "50" && prediction.lap === 20);

describe("the rolling backtest", () => {
  it("retrains each class on the schedule and predicts with the model trained before each lap", () => {
    const hypercar = full.fits.filter((fit) => fit.carClass === "HYPERCAR");
    expect(hypercar.length).toBeGreaterThanOrEqual(3);
    expect(hypercar.map((fit) => fit.trainedAtMs)).toEqual([...hypercar.map((fit) => fit.trainedAtMs)].sort((a, b) => a - b));
    const first = Math.min(...hypercar.map((fit) => fit.trainedAtMs));
    const hypercarLaps = full.predictions.filter((prediction) => prediction.carClass === "HYPERCAR");
    expect(hypercarLaps.filter((prediction) => prediction.startMs < first).every((prediction) => prediction.modelMs === null)).toBe(true);
    expect(hypercarLaps.filter((prediction) => prediction.startMs >= first).every((prediction) => prediction.modelMs !== null)).toBe(true);
    expect(lap).toMatchObject({ startMs: 2_404_715, scored: true, actualMs: 125_365, baselineMs: 128_010 });
    expect(lap?.modelMs).not.toBeNull();
  });

  it("uses no lap completed after a lap's start: a race cut at that start predicts the lap the same", () => {
    if (!lap) throw new Error("lap 20 of car 50 is in the excerpt");
    const cut = replayRace(
      openingHour.filter((record) => record.elapsedMs <= lap.startMs),
      options,
    );
    const next = predictNextLaps(cut.table, cut.fits, cut.accuracy).find((prediction) => prediction.car === "50");
    expect(next).toMatchObject({ lap: 20, startMs: lap.startMs, baselineMs: lap.baselineMs, modelMs: lap.modelMs });
  });

  it("gives every lap the same predictions whatever the laps after its start turn out to be", () => {
    if (!lap) throw new Error("lap 20 of car 50 is in the excerpt");
    // Every lap completed after that start becomes 20 s slower, its sectors with it.
    const slower = (record: LapRecord): LapRecord =>
      record.elapsedMs <= lap.startMs ? record : { ...record, lapTimeMs: record.lapTimeMs + 20_000, sectorsMs: [record.sectorsMs[0], record.sectorsMs[1], (record.sectorsMs[2] ?? 0) + 20_000] };
    const changed = predicted(replayRace(openingHour.map(slower), options));
    const before = full.predictions.filter((prediction) => prediction.startMs <= lap.startMs);
    expect(before.length).toBeGreaterThan(300);
    for (const prediction of before) {
      const other = changed.get(key(prediction));
      expect([key(prediction), other?.baselineMs, other?.modelMs]).toEqual([key(prediction), prediction.baselineMs, prediction.modelMs]);
    }
  });

  it("stores live what it scores: next-lap predictions made as the race runs are the backtest's", () => {
    const made = new Map<string, NextLapPrediction>();
    const crossings = [...new Set(openingHour.map((record) => record.elapsedMs))].sort((a, b) => a - b);
    // Polled every tenth crossing, with the fits trained by then; each lap keeps the first prediction made for it.
    for (const now of crossings.filter((_, i) => i % 10 === 0)) {
      const table = buildLapTable(openingHour.filter((record) => record.elapsedMs <= now));
      const fits = full.fits.filter((fit) => fit.trainedAtMs <= now);
      for (const prediction of predictNextLaps(table, fits, [])) if (!made.has(key(prediction))) made.set(key(prediction), prediction);
    }
    const backtest = predicted(full);
    const live = scoreNextLaps(full.table, [...made.values()]);
    expect(live.length).toBeGreaterThan(450);
    for (const prediction of live) expect(prediction).toEqual(backtest.get(key(prediction)));
  });

  it("is deterministic: the same laps give the same models and predictions, another seed other ones", () => {
    const again = replayRace(openingHour, options);
    expect(again.predictions).toEqual(full.predictions);
    const reseeded = predicted(replayRace(openingHour, { ...options, model: { ...testModel, seed: 7 } }));
    expect(full.predictions.some((prediction) => prediction.modelMs !== null && reseeded.get(key(prediction))?.modelMs !== prediction.modelMs)).toBe(true);
  });

  it("keeps a fit as JSON and predicts the same with it after loading", () => {
    const fit = full.fits[full.fits.length - 1];
    if (!fit) throw new Error("the excerpt trains models");
    const loaded = loadPaceFit(JSON.parse(JSON.stringify(storePaceFit(fit))));
    const inputs = full.table.rows.flatMap((row) => (row.carClass === fit.carClass && row.features && row.baselineMs ? [{ baselineMs: row.baselineMs, features: row.features }] : []));
    expect(inputs.length).toBeGreaterThan(100);
    expect(predictPace(loaded, inputs)).toEqual(predictPace(fit, inputs));
  });

  it("loads a fit stored before the reference followed the field as correcting the bare baseline", () => {
    const fit = full.fits[full.fits.length - 1];
    if (!fit) throw new Error("the excerpt trains models");
    const { trendShare, ...older } = storePaceFit(fit);
    expect(trendShare).toBe(fit.trendShare);
    const loaded = loadPaceFit(JSON.parse(JSON.stringify(older)));
    expect(loaded.trendShare).toBe(0);
    const inputs = full.table.rows.flatMap((row) => (row.carClass === fit.carClass && row.features && row.baselineMs ? [{ baselineMs: row.baselineMs, features: row.features }] : []));
    expect(predictPace(loaded, inputs)).toEqual(predictPace({ ...fit, trendShare: 0 }, inputs));
  });

  it("corrects with the mean of the forest and the boosted trees, and a fit stored before boosted trees with the forest alone", () => {
    const fit = full.fits[full.fits.length - 1];
    if (!fit?.boosted) throw new Error("the excerpt trains models with boosted trees");
    const { boosted, ...older } = storePaceFit(fit);
    expect(boosted?.model.length).toBeGreaterThan(1000);
    const forestOnly = loadPaceFit(JSON.parse(JSON.stringify(older)));
    expect(forestOnly.boosted).toBeNull();
    const inputs = full.table.rows.flatMap((row) => (row.carClass === fit.carClass && row.features && row.baselineMs ? [{ baselineMs: row.baselineMs, features: row.features }] : []));
    const both = predictPace(fit, inputs);
    const alone = predictPace(forestOnly, inputs);
    const forest = fit.forest.predict(inputs.map((input) => input.features));
    const trees = fit.boosted.predict(inputs.map((input) => input.features));
    expect(both.filter((time, i) => time !== alone[i]).length).toBeGreaterThan(inputs.length * 0.9);
    // Both correct the same reference: their ratio is the ratio of the corrections.
    both.forEach((time, i) => expect(time / alone[i]!).toBeCloseTo((1 + (forest[i]! + trees[i]!) / 2) / (1 + forest[i]!), 9));
  });

  it("predicts every car's next lap with the source its class's accuracy picks", () => {
    const next = predictNextLaps(full.table, full.fits, full.accuracy);
    const use = new Map(full.accuracy.map((entry) => [entry.carClass, entry.use]));
    expect(next).toHaveLength(24);
    for (const prediction of next) {
      if (prediction.predictedMs === null) continue;
      expect(prediction.source).toBe(use.get(prediction.carClass) === "model" && prediction.modelMs !== null ? "model" : "baseline");
      expect(prediction.predictedMs).toBe(prediction.source === "model" ? prediction.modelMs : prediction.baselineMs);
    }
  });

  it("measures both predictions on the same scored laps, from the table's own predictions", () => {
    const accuracy = accuracyByClass(predictLaps(buildLapTable(openingHour), full.fits));
    expect(accuracy).toEqual(full.accuracy);
    const hypercar = accuracy.find((entry) => entry.carClass === "HYPERCAR");
    const scored = full.predictions.filter((prediction) => prediction.carClass === "HYPERCAR" && prediction.scored && prediction.modelMs !== null);
    expect(hypercar?.laps).toBe(scored.length);
    expect(hypercar?.baselineMaeMs).toBeCloseTo(scored.reduce((sum, prediction) => sum + Math.abs(prediction.baselineMs - prediction.actualMs), 0) / scored.length, 6);
  });
});
