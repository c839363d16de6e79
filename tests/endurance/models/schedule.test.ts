import { describe, expect, it } from "vitest";
import { RETRAIN, retrainDue } from "@/lib/endurance/models";

describe("the retraining schedule", () => {
  const hour = 3_600_000;

  it("trains a class's first model once it has enough green laps", () => {
    expect(retrainDue(RETRAIN.firstFitLaps - 1, null, hour)).toBe(false);
    expect(retrainDue(RETRAIN.firstFitLaps, null, hour)).toBe(true);
  });

  it("retrains when the laps have grown by half, or an hour later, and never without new laps", () => {
    const last = { trainedAtMs: hour, trainingLaps: 400 };
    expect(retrainDue(599, last, hour + 60_000)).toBe(false);
    expect(retrainDue(600, last, hour + 60_000)).toBe(true);
    expect(retrainDue(401, last, 2 * hour)).toBe(true);
    expect(retrainDue(400, last, 3 * hour)).toBe(false);
  });
});
