import { beforeAll, describe, expect, it } from "vitest";
import { parseOpenF1 } from "@/lib/f1/openf1/parse";
import type { RaceRecord } from "@/lib/f1/records";
import { RaceReplay } from "@/lib/f1/state/replay";
import type { RaceSnapshot } from "@/lib/f1/state/snapshot";
import { rowDate, type Row } from "@/sim/f1/openf1/rows";
import { SYNTHETIC_KEYS, SYNTHETIC_LIGHTS_OUT, syntheticDataset } from "@/sim/f1/openf1/synthetic/dataset";
import { simulateRace } from "@/sim/f1/openf1/synthetic/race";
import { recordsOf } from "./support";

const dataset = syntheticDataset(7);
const table = (name: string) => dataset.tables.get(name) ?? [];
const session = table("sessions")[0] as Row;
const sessionStart = rowDate(session.date_start) as number;
const lightsOut = SYNTHETIC_LIGHTS_OUT;

/** One location a second per car, as a poller keeps them. */
function downsampledLocations(): Row[] {
  const all = dataset.samplers.get("location")?.(SYNTHETIC_KEYS.session_key, sessionStart, sessionStart + 6_000_000) ?? [];
  const kept = new Map<string, Row>();
  for (const row of all) kept.set(`${String(row.driver_number)}/${String(row.date).slice(0, 19)}`, row);
  return [...kept.values()];
}

let records: RaceRecord[];
let replay: RaceReplay;
let final: RaceSnapshot;
let buildMs: number;

beforeAll(() => {
  const locations = parseOpenF1("location", downsampledLocations());
  records = [...recordsOf(dataset), ...locations.records];
  const started = performance.now();
  replay = RaceReplay.build(records);
  buildMs = performance.now() - started;
  final = replay.stateAt(replay.endsAt);
});

describe("the synthetic race, read back with the app's parsers", () => {
  it("is a race of 20 cars that builds its whole state, locations included, in well under a few seconds", () => {
    console.info(`synthetic race: ${records.length} records (${records.filter((r) => r.kind === "location").length} locations) built in ${Math.round(buildMs)} ms`);
    expect(records.length).toBeGreaterThan(100_000);
    expect(final.drivers).toHaveLength(20);
    expect(buildMs).toBeLessThan(3_000);
  });

  it("finishes in the order of the session result, with the car that stopped on track retired", () => {
    const result = table("session_result");
    expect(final.drivers.map((d) => d.driverNumber)).toEqual(result.map((row) => row.driver_number));
    const stopped = result.find((row) => row.dnf === true);
    expect(final.drivers.filter((d) => d.status === "retired").map((d) => d.driverNumber)).toEqual([stopped?.driver_number]);
    expect(final.drivers.filter((d) => d.status === "finished")).toHaveLength(19);
    expect(final.trackStatus).toBe("chequered");
    expect(final.lap).toBe(58);
  });

  it("counts tyre stops, not passes through the pit lane under the safety car", () => {
    const stints = table("stints");
    const pits = table("pit");
    const passer = pits.find((row) => row.stop_duration === null)?.driver_number;
    expect(passer).toBeDefined();
    for (const d of final.drivers) {
      const own = stints.filter((row) => row.driver_number === d.driverNumber).length;
      expect(d.pitStops, `car ${d.driverNumber}`).toBe(own - 1);
    }
    const passes = pits.filter((row) => row.driver_number === passer).length;
    expect(final.drivers.find((d) => d.driverNumber === passer)?.pitStops).toBe(passes - 1);
  });

  it("is the same race for the same seed, another for another seed", () => {
    expect(simulateRace(7, lightsOut)).toEqual(simulateRace(7, lightsOut));
    expect(simulateRace(8, lightsOut).cars[0]?.laps[5]).not.toEqual(simulateRace(7, lightsOut).cars[0]?.laps[5]);
  });

  it("has no positions in the first minutes, so the order is the starting grid's", () => {
    expect(table("position").every((row) => (rowDate(row.date) as number) >= lightsOut + 120_000)).toBe(true);
    const early = replay.stateAt(lightsOut + 60_000);
    const grid = [...table("starting_grid")].sort((a, b) => (a.position as number) - (b.position as number));
    expect(early.drivers.map((d) => d.driverNumber)).toEqual(grid.map((row) => row.driver_number));
    expect(early.drivers.every((d) => d.location !== null && d.status === "running")).toBe(true);
  });

  it("shows the safety car, then the car that stopped as retired before the result says so", () => {
    const messages = table("race_control");
    const deployed = rowDate(messages.find((row) => row.message === "SAFETY CAR DEPLOYED")?.date) as number;
    expect(replay.stateAt(deployed + 10_000).trackStatus).toBe("safety-car");
    const stopped = messages.find((row) => String(row.message).endsWith("STOPPED ON TRACK"));
    const later = replay.stateAt((rowDate(stopped?.date) as number) + 6 * 60_000);
    expect(later.drivers.find((d) => d.driverNumber === stopped?.driver_number)?.status).toBe("retired");
    expect(later.drivers.filter((d) => d.status === "retired")).toHaveLength(1);
  });
});
