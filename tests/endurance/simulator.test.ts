import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pitStops, standingsAt } from "@/lib/endurance/derive";
import { lapKey } from "@/lib/endurance/records";
import { alkamelAnalysisSource, imsaLiveSource, imsaResultsSource, parseAnalysis, type AnalysisCursor } from "@/lib/endurance/sources";
import { enduranceUpstream, syntheticRace, type EnduranceUpstream } from "@/sim/endurance";
import { startSimulator, type Simulator } from "@/sim/server";
import { fixtureBytes, fixturePath, raceTime } from "./support";

const original = fixtureBytes("wec2025_spa6h_three_cars.csv");
const laps = parseAnalysis(original).laps;
const MINUTE = 60_000;

describe("endurance simulator over HTTP", () => {
  let sim: Simulator;
  let upstream: EnduranceUpstream;
  let wall = 1_700_000_000_000;

  const get = (path: string) => fetch(`${sim.url}/endurance${path}`);
  const analysis = async (race = "spa") => Buffer.from(await (await get(`/${race}/23_Analysis_Race.CSV`)).arrayBuffer());
  async function control(action: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${sim.url}/_control/endurance/${action}`, { method: "POST", body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  beforeAll(async () => {
    upstream = enduranceUpstream({
      now: () => wall,
      races: [
        { id: "spa", name: "FIA WEC", event: "6 Hours of Spa-Francorchamps", track: "Spa-Francorchamps", source: { path: fixturePath("wec2025_spa6h_three_cars.csv") }, speed: 60 },
        { id: "synthetic", source: { synthetic: { cars: 12, durationMs: raceTime(1, 0, 0) } }, speed: 120 },
      ],
    });
    sim = await startSimulator({ seed: 5, upstreams: [upstream] });
  });
  beforeEach(() => sim.reset(5));
  afterAll(async () => {
    await sim?.close();
  });

  it("serves only the header before the start", async () => {
    const races = (await (await get("/races")).json()) as { id: string; status: string; laps: number; scheduledMs: number }[];
    expect(races.map((race) => [race.id, race.status, race.laps])).toEqual([
      ["spa", "waiting", 0],
      ["synthetic", "waiting", 0],
    ]);
    expect(races[0]?.scheduledMs).toBe(raceTime(6, 0, 0));
    const body = await analysis();
    expect(body).toEqual(original.subarray(0, original.indexOf(0x0a) + 1));
    expect(parseAnalysis(body).laps).toEqual([]);
    expect(await (await get("/spa/RaceResults_JSONP.json?callback=jsonpRaceResults")).text()).toBe('jsonpRaceResults({"B":[]});');
  });

  it("grows the analysis file with race time (wall time x speed), in the file's own bytes and order", async () => {
    expect((await control("start", { race: "spa" })).body).toMatchObject({ status: "running", speed: 60, raceTimeMs: 0 });
    const originalLines = original.toString("utf8").split("\n");
    const started = wall;
    let previous = 0;
    for (const minutes of [0.5, 1, 2.5, 5, 6.1]) {
      wall = started + minutes * MINUTE;
      const t = upstream.race("spa").clock.raceTimeMs();
      expect(t).toBe(Math.min(minutes * 60 * MINUTE, raceTime(6, 2, 55, 738)));
      const body = await analysis();
      const served = parseAnalysis(body);
      expect(served.rejected).toEqual([]);
      expect(served.laps.length).toBeGreaterThan(previous);
      expect(served.laps.length).toBe(laps.filter((lap) => lap.elapsedMs <= t).length);
      // Every served line is a line of the real file, in its order.
      const lines = body.toString("utf8").split("\n").filter(Boolean);
      let cursor = 0;
      for (const line of lines) {
        cursor = originalLines.indexOf(line, cursor);
        expect(cursor).toBeGreaterThanOrEqual(0);
      }
      previous = served.laps.length;
    }
    expect(previous).toBe(laps.length);
  });

  it("feeds incremental ingestion: polling with known laps gets every lap exactly once", async () => {
    await control("start", { race: "spa", speed: 60 });
    const known = new Set<string>();
    let cursor: AnalysisCursor | null = null;
    for (let step = 0; step < 40; step += 1) {
      wall += 10 * MINUTE;
      const batch = alkamelAnalysisSource.read(await analysis(), { since: cursor, knownLaps: known });
      for (const lap of batch.laps) {
        expect(known.has(lapKey(lap.car, lap.lap))).toBe(false);
        known.add(lapKey(lap.car, lap.lap));
      }
      cursor = batch.cursor;
    }
    expect(known.size).toBe(laps.length);
  });

  it("shows the live standings in the IMSA shape, as the laps say", async () => {
    await control("start", { race: "spa", speed: 60 });
    for (const t of [raceTime(0, 52, 30), raceTime(3, 20, 0), raceTime(5, 59, 0)]) {
      await control("seek", { race: "spa", raceTimeMs: t });
      await control("resume", { race: "spa" });
      const live = imsaLiveSource.read(await (await get("/spa/RaceResults_JSONP.json?callback=jsonpRaceResults")).text());
      expect(live.rejected).toEqual([]);
      const expected = standingsAt(laps, t);
      expect(live.standings.map((s) => [s.car, s.position, s.classPosition, s.laps, s.inPit, s.pitStops, s.driver])).toEqual(
        expected.map((s) => [s.car, s.position, s.classPosition, s.laps, s.inPit, s.pitStops, s.driver]),
      );
      expect(live.standings.map((s) => s.gapToLeader?.laps ?? 0)).toEqual(expected.map((s) => s.gapToLeader?.laps ?? 0));
      const data = imsaLiveSource.read(await (await get("/spa/RaceData_JSONP.json?callback=jsonpRaceData")).text());
      expect(data.session).toMatchObject({ remainingMs: raceTime(6, 0, 0) - Math.floor(t / 1000) * 1000, complete: false });
    }
    const results = await (await get("/spa/RaceResults_JSONP.json")).text();
    expect(results.startsWith("jsonpRaceResults(")).toBe(true);
  });

  it("pauses, resumes and seeks (backwards too)", async () => {
    await control("start", { race: "spa", speed: 60 });
    wall += 3 * MINUTE;
    expect((await control("pause", { race: "spa" })).body).toMatchObject({ status: "paused", raceTimeMs: raceTime(3, 0, 0) });
    wall += 30 * MINUTE;
    expect(upstream.race("spa").clock.raceTimeMs()).toBe(raceTime(3, 0, 0));
    const atPause = parseAnalysis(await analysis()).laps.length;
    expect((await control("seek", { race: "spa", raceTimeMs: raceTime(1, 0, 0) })).body).toMatchObject({ status: "paused", raceTimeMs: raceTime(1, 0, 0) });
    expect(parseAnalysis(await analysis()).laps.length).toBeLessThan(atPause);
    expect((await control("resume", { race: "spa", speed: 120 })).body).toMatchObject({ status: "running", speed: 120 });
    wall += MINUTE;
    expect(upstream.race("spa").clock.raceTimeMs()).toBe(raceTime(3, 0, 0));
  });

  it("serves the results with a BOM once the race is over, and not before", async () => {
    await control("start", { race: "spa" });
    expect((await get("/spa/03_Results_Race.JSON")).status).toBe(404);
    wall += 7 * 60 * MINUTE;
    const response = await get("/spa/03_Results_Race.JSON");
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { classification, rejected } = imsaResultsSource.read(bytes);
    expect(rejected).toEqual([]);
    expect(classification.map((c) => [c.car, c.position, c.classPosition, c.laps, c.finished])).toEqual([
      ["007", 1, 1, 150, true],
      ["21", 2, 1, 137, true],
      ["99", 3, 2, 22, false],
    ]);
    expect(classification[0]?.drivers).toEqual([
      { name: "Harry TINCKNELL", license: null },
      { name: "Tom GAMBLE", license: null },
    ]);
    const data = imsaLiveSource.read(await (await get("/spa/RaceData_JSONP.json")).text());
    expect(data.session).toMatchObject({ flag: "chequered", complete: true });
  });

  it("refuses bad control input with a 400 that says why", async () => {
    expect((await control("seek", { race: "spa" })).status).toBe(400);
    expect((await control("start", { race: "monza" })).body.error).toMatch(/no race monza/);
    expect((await control("warp", {})).body.error).toMatch(/unknown endurance action warp/);
    expect((await control("load", { id: "gone", source: { path: "/nonexistent/file.csv" } })).status).toBe(400);
    expect((await control("load", { id: "Bad Id", source: { csv: "x" } })).status).toBe(400);
  });

  it("loads a race from text and replays it", async () => {
    const csv = syntheticRace({ seed: 9, cars: 10, durationMs: raceTime(0, 30, 0), layout: "imsa" });
    expect((await control("load", { id: "text", source: { csv }, speed: 1000 })).body).toMatchObject({ id: "text", status: "waiting" });
    await control("start", { race: "text" });
    wall += 1_000;
    const served = parseAnalysis(await analysis("text"));
    expect(served.rejected).toEqual([]);
    expect(served.laps.length).toBeGreaterThan(0);
    expect(served.laps.length).toBeLessThan(parseAnalysis(csv).laps.length);
    expect(served.laps.every((lap) => lap.elapsedMs <= 1_000_000)).toBe(true);
  });

  it("replays the synthetic race: classes, stops with driver changes, a full-course yellow and a safety car", async () => {
    await control("start", { race: "synthetic" });
    wall += 60 * MINUTE;
    const { laps: all, rejected } = parseAnalysis(await analysis("synthetic"));
    expect(rejected).toEqual([]);
    expect(new Set(all.map((lap) => lap.carClass))).toEqual(new Set(["HYPERCAR", "LMP2", "LMGT3"]));
    expect(new Set(all.map((lap) => lap.car)).size).toBe(12);
    expect(all.some((lap) => lap.car === "007") && all.some((lap) => lap.car === "7")).toBe(true);
    const flags = new Set(all.map((lap) => lap.flag));
    for (const flag of ["green", "fcy", "safety-car", "chequered"] as const) expect(flags.has(flag)).toBe(true);
    const { stops } = pitStops(all);
    expect(stops.some((stop) => stop.driverChange)).toBe(true);
    expect(stops.some((stop) => stop.outLap === null)).toBe(true);
  });
});

describe("synthetic race generator", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    expect(syntheticRace({ seed: 4 })).toBe(syntheticRace({ seed: 4 }));
    expect(syntheticRace({ seed: 4 })).not.toBe(syntheticRace({ seed: 5 }));
  });

  it("writes every layout the parser must read, BOM and line breaks as the real files have them", () => {
    for (const layout of ["wec", "wec-2020", "imsa"] as const) {
      const text = syntheticRace({ seed: 2, cars: 10, durationMs: raceTime(0, 40, 0), layout });
      expect(text.startsWith("\ufeffNUMBER; DRIVER_NUMBER;")).toBe(true);
      expect(text.includes("\r\n")).toBe(layout !== "imsa");
      const { laps: parsed, rejected } = parseAnalysis(text);
      expect(rejected).toEqual([]);
      expect(parsed.length).toBeGreaterThan(100);
      expect(parsed.every((lap) => (layout === "wec" ? lap.flag !== null : lap.flag === null))).toBe(true);
    }
    expect(syntheticRace({ seed: 2, layout: "imsa" }).split("\n")[0]).toContain("LAPNUMBER; LAPTIME;");
  });

  it("ends with the chequered flag at the leader's first crossing after the scheduled end", () => {
    const { laps: parsed } = parseAnalysis(syntheticRace({ seed: 7, cars: 14, durationMs: raceTime(1, 0, 0) }));
    const chequered = parsed.filter((lap) => lap.flag === "chequered");
    const first = Math.min(...chequered.map((lap) => lap.elapsedMs));
    expect(first).toBeGreaterThanOrEqual(raceTime(1, 0, 0));
    expect(parsed.filter((lap) => lap.elapsedMs > first).every((lap) => lap.flag === "chequered")).toBe(true);
    expect(new Set(chequered.map((lap) => lap.car)).size).toBe(13);
  });
});
