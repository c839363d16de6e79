import { describe, expect, it } from "vitest";
import { racesToStart, stopReason } from "@/lib/endurance/monitor";

const at = (time: string) => new Date(`2026-06-15T${time}Z`);
const GRACE = 30 * 60_000;
const race = (id: number, overrides: Partial<Parameters<typeof racesToStart>[0][number]> = {}) => ({
  id,
  status: "scheduled",
  startsAt: at("14:00:00"),
  endsAt: at("20:00:00"),
  ingesting: false,
  ...overrides,
});

describe("race monitor", () => {
  it("starts a race from its scheduled start to its end plus the grace period, not before or after", () => {
    const races = [race(1)];
    expect(racesToStart(races, at("13:59:59"), GRACE)).toEqual([]);
    expect(racesToStart(races, at("14:00:00"), GRACE)).toEqual([1]);
    expect(racesToStart(races, at("20:29:59"), GRACE)).toEqual([1]);
    expect(racesToStart(races, at("20:30:01"), GRACE)).toEqual([]);
  });

  it("leaves races being ingested, finished or cancelled alone", () => {
    const races = [race(1, { ingesting: true }), race(2, { status: "finished" }), race(3, { status: "cancelled" }), race(4, { status: "live" })];
    expect(racesToStart(races, at("15:00:00"), GRACE)).toEqual([4]);
  });

  it("stops ingestion at the chequered flag, or after the scheduled end plus the grace period", () => {
    const endsAt = at("20:00:00");
    expect(stopReason({ now: at("19:00:00"), endsAt, graceMs: GRACE, chequered: false })).toBeNull();
    expect(stopReason({ now: at("19:00:00"), endsAt, graceMs: GRACE, chequered: true })).toBe("finished");
    expect(stopReason({ now: at("20:29:00"), endsAt, graceMs: GRACE, chequered: false })).toBeNull();
    expect(stopReason({ now: at("20:31:00"), endsAt, graceMs: GRACE, chequered: false })).toBe("ended");
  });
});
