import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as racesGET } from "@/app/api/v1/endurance/races/route";
import { GET as raceGET } from "@/app/api/v1/endurance/races/[race]/route";
import { GET as anomaliesGET } from "@/app/api/v1/endurance/races/[race]/anomalies/route";
import { GET as chartGET } from "@/app/api/v1/endurance/races/[race]/chart/route";
import { GET as driveTimeGET } from "@/app/api/v1/endurance/races/[race]/drive-time/route";
import { GET as flagsGET } from "@/app/api/v1/endurance/races/[race]/flags/route";
import { GET as lapsGET } from "@/app/api/v1/endurance/races/[race]/laps/route";
import { GET as leaderboardGET } from "@/app/api/v1/endurance/races/[race]/leaderboard/route";
import { GET as pitStopsGET } from "@/app/api/v1/endurance/races/[race]/pit-stops/route";
import { GET as predictionsGET } from "@/app/api/v1/endurance/races/[race]/predictions/route";
import { GET as stintsGET } from "@/app/api/v1/endurance/races/[race]/stints/route";
import { GET as strategyGET } from "@/app/api/v1/endurance/races/[race]/strategy/route";
import { analyseRace, catchUpFits } from "@/lib/endurance/analyse";
import { scheduleRace } from "@/lib/endurance/calendar";
import { pollRace } from "@/lib/endurance/poll";
import { parseAnalysis } from "@/lib/endurance/sources";
import { resetEnvCache } from "@/lib/env";
import { flushLedger } from "@/lib/http/ledger";
import { enduranceUpstream, type EnduranceUpstream } from "@/sim/endurance";
import { startSimulator, type Simulator } from "@/sim/server";
import { apiRequest, DocumentChecker, routeParams } from "../api/support";
import { useTestDatabase } from "../support/database";

const HOUR = 3_600_000;
const checker = new DocumentChecker();
const BASE = "/api/v1/endurance/races/{race}";

type Handler = (request: Request, context?: { params?: Promise<object> }) => Promise<Response>;
const call = (handler: Handler, path: string, query = "", race = "api-race") =>
  handler(apiRequest(`/api/v1/endurance/races/${race}${path}${query}`), routeParams({ race }));

async function documented<T>(template: string, response: Response, status = 200): Promise<T> {
  expect(response.status).toBe(status);
  return (await checker.expectDocumented("GET", template, response)) as T;
}

describe("endurance API", () => {
  useTestDatabase();
  let sim: Simulator;
  let upstream: EnduranceUpstream;
  let wall = Date.now();

  beforeAll(async () => {
    upstream = enduranceUpstream({ now: () => wall, races: [{ id: "api", source: { synthetic: { seed: 9, cars: 15, durationMs: 4 * HOUR } }, speed: 60 }] });
    sim = await startSimulator({ seed: 1, upstreams: [upstream] });
    process.env.ENDURANCE_TIMING_BASE_URL = `${sim.url}/endurance`;
    resetEnvCache();
    const race = await scheduleRace({
      slug: "api-race",
      series: "FIA WEC",
      event: "4 Hours of Testing",
      circuit: "Pitwall Park",
      startsAt: new Date(wall).toISOString(),
      endsAt: new Date(wall + 4 * HOUR).toISOString(),
      analysisUrl: "api/23_Analysis_Race.CSV",
      liveDataUrl: "api/RaceData_JSONP.json",
      liveResultsUrl: "api/RaceResults_JSONP.json",
      resultsUrl: "api/03_Results_Race.JSON",
      driveTimeRules: { minPerDriverMs: 30 * 60_000 },
    });
    upstream.race("api").clock.start(60);
    wall += (5 * HOUR) / 60;
    await pollRace(race.id);
    await catchUpFits(race.id);
    await analyseRace(race.id);
  }, 120_000);
  afterAll(async () => {
    await sim?.close();
    await flushLedger();
  });

  it("lists the finished race with its class winners, and serves it alone", async () => {
    const calendar = await documented<{ past: { slug: string; winners: unknown[] }[] }>("/api/v1/endurance/races", await racesGET(apiRequest("/api/v1/endurance/races")));
    expect(calendar.past.map((race) => race.slug)).toEqual(["api-race"]);
    expect(calendar.past[0]!.winners.length).toBeGreaterThanOrEqual(2);
    const race = await documented<{ status: string; laps: number }>(BASE, await call(raceGET, ""));
    expect(race.status).toBe("finished");
    expect(race.laps).toBe(parseAnalysis(upstream.race("api").analysisFile()).laps.length);
    const missing = await call(raceGET, "", "", "no-such-race");
    expect(missing.status).toBe(404);
  });

  it("serves the leaderboard now and at an earlier race time, and refuses a bad time", async () => {
    const now = await documented<{ rows: { position: number; laps: number }[]; raceTimeMs: number }>(`${BASE}/leaderboard`, await call(leaderboardGET, "/leaderboard"));
    expect(now.rows).toHaveLength(15);
    const half = await documented<{ rows: { laps: number }[]; raceTimeMs: number }>(`${BASE}/leaderboard`, await call(leaderboardGET, "/leaderboard", `?at=${2 * HOUR}`));
    expect(half.raceTimeMs).toBe(2 * HOUR);
    expect(half.rows[0]!.laps).toBeLessThan(now.rows[0]!.laps * 0.6);
    expect((await call(leaderboardGET, "/leaderboard", "?at=soon")).status).toBe(400);
  });

  it("pages through a car's laps with the cursor it gives", async () => {
    const first = await documented<{ data: { car: string; lap: number }[]; page: { nextCursor: string | null } }>(`${BASE}/laps`, await call(lapsGET, "/laps", "?limit=20"));
    const car = first.data[0]!.car;
    const laps: number[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page: { data: { car: string; lap: number }[]; page: { nextCursor: string | null } } = await documented(`${BASE}/laps`, await call(lapsGET, "/laps", `?car=${car}&limit=25${cursor ? `&cursor=${cursor}` : ""}`));
      laps.push(...page.data.map((lap) => lap.lap));
      cursor = page.page.nextCursor;
    }
    expect(laps).toEqual(laps.map((_, i) => i + 1));
    expect((await call(lapsGET, "/laps", "?cursor=not-ours")).status).toBe(400);
  });

  it("serves the analysis panels in their documented shapes", async () => {
    const stops = await documented<{ data: { service: string; pitLaneMs: number | null }[] }>(`${BASE}/pit-stops`, await call(pitStopsGET, "/pit-stops"));
    expect(stops.data.length).toBeGreaterThan(10);
    const stints = await documented<{ data: unknown[] }>(`${BASE}/stints`, await call(stintsGET, "/stints"));
    expect(stints.data.length).toBeGreaterThan(stops.data.length / 2);
    const drive = await documented<{ data: { drivers: { minMs: number | null }[] }[] }>(`${BASE}/drive-time`, await call(driveTimeGET, "/drive-time"));
    expect(drive.data[0]!.drivers[0]!.minMs).toBe(30 * 60_000);
    const flags = await documented<{ data: { flag: string }[] }>(`${BASE}/flags`, await call(flagsGET, "/flags"));
    expect(flags.data.some((period) => period.flag !== "green")).toBe(true);
    const predictions = await documented<{ accuracy: { laps: number; baselineMaeMs: number | null }[]; next: unknown[] }>(`${BASE}/predictions`, await call(predictionsGET, "/predictions"));
    expect(predictions.accuracy.some((entry) => entry.laps > 0 && entry.baselineMaeMs !== null)).toBe(true);
    await documented(`${BASE}/anomalies`, await call(anomaliesGET, "/anomalies"));
    const strategy = await documented<{ data: { cars: unknown[] } | null }>(`${BASE}/strategy`, await call(strategyGET, "/strategy"));
    expect(strategy.data?.cars).toHaveLength(15);
    const board = await documented<{ rows: { car: string; laps: number }[] }>(`${BASE}/leaderboard`, await call(leaderboardGET, "/leaderboard"));
    const [leader, second] = board.rows;
    const chart = await documented<{ data: { car: string; laps: number[][] }[] }>(`${BASE}/chart`, await call(chartGET, "/chart", `?cars=${leader!.car},${second!.car}`));
    expect(chart.data.map((series) => series.car)).toEqual([leader!.car, second!.car]);
    expect(chart.data[0]!.laps).toHaveLength(leader!.laps);
    expect(chart.data[0]!.laps.at(-1)![3]).toBe(1);
    expect((await call(chartGET, "/chart", "?cars=1;drop")).status).toBe(400);
  });
});
