import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseOpenF1 } from "@/lib/f1/openf1/parse";
import { tokenResponse } from "@/lib/f1/openf1/schemas";
import { DEMO_ACCOUNT, LIVE_SESSION_DETAIL, openf1Upstream, SYNTHETIC_KEYS, type OpenF1Upstream, type Row } from "@/sim/f1/openf1";
import { startSimulator, type Simulator } from "@/sim/server";
import { ABU_DHABI_LAP9 } from "./support";

const T0 = Date.parse("2026-03-01T12:00:00Z");
let now = T0;
let sim: Simulator;
let openf1: OpenF1Upstream;

async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(`${sim.url}/openf1${path}`, { headers });
  const type = response.headers.get("content-type") ?? "";
  return { status: response.status, body: type.includes("json") ? await response.json() : await response.text(), headers: response.headers };
}
const rows = async (path: string, headers: Record<string, string> = {}) => {
  const answer = await get(path, headers);
  expect(answer.status).toBe(200);
  return answer.body as Row[];
};

async function token(username: string = DEMO_ACCOUNT.username, password: string = DEMO_ACCOUNT.password): Promise<Response> {
  return fetch(`${sim.url}/openf1/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username, password }),
  });
}
const bearer = async () => ({ authorization: `Bearer ${tokenResponse.parse(await (await token()).json()).accessToken}` });

async function control(action: string, body: unknown = {}) {
  const response = await fetch(`${sim.url}/_control/openf1/${action}`, { method: "POST", body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  openf1 = openf1Upstream({ clock: () => now });
  sim = await startSimulator({ seed: 1, upstreams: [openf1] });
});
beforeEach(() => {
  now = T0;
  sim.reset(1);
});
afterAll(async () => {
  await sim?.close();
});

describe("OpenF1 simulator: data and filters", () => {
  it("serves every endpoint of the synthetic race in OpenF1's shapes", async () => {
    const key = `session_key=${SYNTHETIC_KEYS.session_key}`;
    const window = "date>=2025-11-16T13:30:00&date<2025-11-16T13:30:02";
    const endpoints = [
      ["meetings", "meeting_key=latest", 1],
      ["sessions", key, 1],
      ["drivers", key, 20],
      ["starting_grid", key, 20],
      ["laps", `${key}&lap_number=10`, 19],
      ["intervals", `${key}&${window}`, 5],
      ["position", key, 100],
      ["pit", key, 10],
      ["stints", key, 30],
      ["race_control", key, 10],
      ["weather", key, 60],
      ["session_result", key, 20],
      ["location", `${key}&${window}`, 100],
      ["car_data", `${key}&${window}`, 100],
    ] as const;
    for (const [endpoint, query, least] of endpoints) {
      const body = await rows(`/v1/${endpoint}?${query}`);
      const parsed = parseOpenF1(endpoint, body);
      expect(parsed.malformed, `${endpoint}: ${parsed.issues.join("; ")}`).toBe(0);
      expect(parsed.records.length + parsed.dropped, endpoint).toBeGreaterThanOrEqual(least);
    }
  });

  it("applies filters on any field, windows and repeated keys", async () => {
    const laps = await rows("/v1/laps?session_key=latest&driver_number=7&driver_number=28&lap_number>=5&lap_number<=7");
    expect(laps.map((lap) => [lap.driver_number, lap.lap_number])).toEqual(
      expect.arrayContaining([
        [7, 5],
        [28, 5],
        [7, 6],
        [28, 6],
        [7, 7],
        [28, 7],
      ]),
    );
    expect(laps).toHaveLength(6);
    const locations = await rows("/v1/location?session_key=latest&driver_number=7&date>2025-11-16T13:30:00Z&date<2025-11-16T13:30:10Z");
    expect(locations.length).toBeGreaterThanOrEqual(36);
    expect(locations.length).toBeLessThanOrEqual(38);
    expect(locations.every((row) => row.driver_number === 7 && typeof row.x === "number")).toBe(true);
    const fast = await rows("/v1/car_data?session_key=latest&driver_number=7&speed>=280&date>2025-11-16T13:30:00Z&date<2025-11-16T13:31:00Z");
    expect(fast.every((row) => (row.speed as number) >= 280)).toBe(true);
    expect(await rows("/v1/laps?session_key=9839")).toEqual([]);
    expect(await rows("/v1/team_radio?session_key=latest")).toEqual([]);
  });

  it("answers CSV with csv=true", async () => {
    const answer = await get("/v1/drivers?session_key=latest&driver_number=7&csv=true");
    expect(answer.headers.get("content-type")).toMatch(/text\/csv/);
    expect(String(answer.body).split("\n")[1]).toContain("LIN");
  });

  it("answers 500 for a parameter without an operator, as the server does", async () => {
    expect((await get("/v1/laps?session_key")).status).toBe(500);
  });
});

describe("OpenF1 simulator: tokens and the live rule", () => {
  it("hands out an hour's token, expires_in as a string", async () => {
    const answer = await token();
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as Record<string, unknown>;
    expect(body).toEqual({ expires_in: "3600", access_token: expect.stringMatching(/^[0-9a-f]{40}$/), token_type: "bearer" });
    expect((await token("pitwall", "wrong")).status).toBe(401);
    const missing = await fetch(`${sim.url}/openf1/token`, { method: "POST", body: "" });
    expect(missing.status).toBe(422);
  });

  it("answers 401 to every request without a token while a session is live, even for old data", async () => {
    expect((await control("start", { speed: 1 })).body).toMatchObject({ sessionKey: SYNTHETIC_KEYS.session_key, live: true });
    for (const path of ["/v1/sessions?year=2023", "/v1/laps?session_key=latest", "/v1/meetings"]) {
      const answer = await get(path);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ detail: LIVE_SESSION_DETAIL });
    }
    expect((await get("/v1/sessions", await bearer())).status).toBe(200);
    expect((await get("/v1/sessions", { authorization: "Bearer not-a-token" })).status).toBe(401);
  });

  it("refuses a token after an hour", async () => {
    const headers = await bearer();
    now += 3_599_000;
    expect((await get("/v1/sessions", headers)).status).toBe(200);
    now += 2_000;
    expect(await get("/v1/sessions", headers)).toMatchObject({ status: 401, body: { detail: "Invalid or expired token" } });
  });
});

describe("OpenF1 simulator: a session played live", () => {
  it("names it latest, moves it to today and shows rows as simulated time passes", async () => {
    await control("start", { speed: 2, offsetSeconds: 20 });
    const headers = await bearer();
    const [session] = await rows("/v1/sessions?session_key=latest", headers);
    expect(session).toMatchObject({ session_key: SYNTHETIC_KEYS.session_key, date_start: "2026-03-01T11:59:40+00:00" });
    expect(await rows("/v1/laps?session_key=latest", headers)).toEqual([]);

    // Five minutes of clock at 2x: ten minutes of session from ten seconds before the lights go out.
    now += 5 * 60_000;
    const laps = await rows("/v1/laps?session_key=latest&driver_number=7", headers);
    const current = laps.at(-1) as Row;
    expect(laps.length).toBeGreaterThanOrEqual(6);
    expect(current.lap_duration).toBeNull();
    expect(String(current.date_start) < "2026-03-01T12:10:00").toBe(true);
    expect((laps.at(-2) as Row).lap_duration).toEqual(expect.any(Number));
    const intervals = await rows("/v1/intervals?session_key=latest", headers);
    expect(intervals.every((row) => String(row.date) <= "2026-03-01T12:10:00.000000+00:00")).toBe(true);
    const [stint] = await rows("/v1/stints?session_key=latest&driver_number=7&stint_number=1", headers);
    expect(stint?.lap_end).toBe(laps.length - 1);
    expect(await rows("/v1/session_result?session_key=latest", headers)).toEqual([]);
    const locations = await rows("/v1/location?session_key=latest&driver_number=7&date>2026-03-01T12:09:50Z", headers);
    expect(locations.length).toBeGreaterThan(30);
    expect(locations.every((row) => String(row.date) <= "2026-03-01T12:10:00.000000+00:00")).toBe(true);

    // Past the end of the session: nothing is live any more.
    now += 2 * 3_600_000;
    expect(openf1.status()).toMatchObject({ live: false });
    expect((await rows("/v1/session_result?session_key=latest")).length).toBe(20);
  });

  it("stops: the session ends there and is no longer live", async () => {
    await control("start", { speed: 1 });
    now += 60_000;
    const { body } = await control("stop");
    expect(body).toMatchObject({ playback: { live: false, sessionEnd: "2026-03-01T12:01:00.000Z" } });
    const [session] = await rows("/v1/sessions");
    expect(session?.date_end).toBe("2026-03-01T12:01:00+00:00");
    now += 3_600_000;
    expect(await rows("/v1/laps?lap_number>1")).toEqual([]);
  });

  it("refuses to play a session the data does not have", async () => {
    expect(await control("start", { sessionKey: 1 })).toMatchObject({ status: 400, body: { error: expect.stringMatching(/no session 1/) } });
    expect((await control("start", { speed: 0 })).status).toBe(400);
  });
});

describe("OpenF1 simulator: 30 requests per 10 s", () => {
  it("answers 429 beyond the budget of a client until the window moves on", async () => {
    for (let i = 0; i < 30; i += 1) expect((await get("/v1/sessions")).status).toBe(200);
    const refused = await get("/v1/sessions");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("10");
    // Another client has its own budget; the token endpoint is not counted.
    expect((await get("/v1/sessions", { "x-forwarded-for": "203.0.113.9" })).status).toBe(200);
    expect((await token()).status).toBe(200);
    now += 9_999;
    expect((await get("/v1/sessions")).status).toBe(429);
    now += 1;
    expect((await get("/v1/sessions")).status).toBe(200);
  });
});

describe("OpenF1 simulator: a folder of real data", () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "pitwall-openf1-"));
    await writeFile(join(folder, "sessions.json"), JSON.stringify([{ session_key: 5, meeting_key: 2, session_name: "Race", session_type: "Race", date_start: "2025-01-01T10:00:00+00:00", date_end: "2025-01-01T12:00:00+00:00", is_cancelled: false }]));
    await writeFile(join(folder, "position.json"), JSON.stringify({ response: [{ date: "2025-01-01T10:05:00.000000+00:00", session_key: 5, meeting_key: 2, driver_number: 3, position: 1 }] }));
    await writeFile(join(folder, "notes.txt"), "not data");
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("serves the CSV copies of a real race, sessions made up from their rows", async () => {
    const { body: summary } = await control("load", { path: ABU_DHABI_LAP9 });
    expect(summary).toMatchObject({ derived: ["sessions", "meetings"], endpoints: { laps: 180, drivers: 20, intervals: 406 } });
    expect(await rows("/v1/sessions?session_key=latest")).toEqual([
      expect.objectContaining({ session_key: 9839, meeting_key: 1276, session_name: "Race", date_start: "2025-12-07T12:05:11+00:00" }),
    ]);
    const [first] = await rows("/v1/laps?session_key=9839&driver_number=1&lap_number=1");
    expect(first).toMatchObject({ date_start: null, lap_duration: null, duration_sector_2: 38.489, is_pit_out_lap: false, i1_speed: 284 });
    expect(first?.segments_sector_3).toEqual([2049, 2051, 2049, 2051, 2051, 2051, 2051, 2051, 2051, 2051]);
    expect(await rows("/v1/drivers?team_colour=229971")).toEqual([
      expect.objectContaining({ name_acronym: "ALO", team_colour: "229971" }),
      expect.objectContaining({ name_acronym: "STR", team_colour: "229971" }),
    ]);
    expect(await rows("/v1/pit?lap_number>=8")).toEqual([
      expect.objectContaining({ driver_number: 44, lap_number: 8, pit_duration: 21.6 }),
      expect.objectContaining({ driver_number: 23, lap_number: 8, pit_duration: 21.5 }),
    ]);
    expect(parseOpenF1("intervals", await rows("/v1/intervals?driver_number=30&date>2025-12-07T13:16:27Z&date<2025-12-07T13:16:28Z")).records).toEqual([
      expect.objectContaining({ driverNumber: 30, gapToLeader: null, interval: { kind: "time", ms: 755 } }),
    ]);
  });

  it("plays a real race live from where it is asked to", async () => {
    await control("load", { path: ABU_DHABI_LAP9 });
    await control("start", { offsetSeconds: 3_500, speed: 10 });
    now += 60_000;
    const headers = await bearer();
    const laps = await rows("/v1/laps?driver_number=1", headers);
    // 12:05:11 + 3,500 s + ten minutes of session is 13:13:31: Verstappen started lap 7 at 13:12:27.
    expect(laps.map((lap) => lap.lap_number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect((laps.at(-1) as Row).lap_duration).toBeNull();
  });

  it("serves JSON files, the API's arrays or the samples' {response}, and says what it skipped", async () => {
    const { body: summary } = await control("load", { path: folder });
    expect(summary).toMatchObject({ endpoints: { sessions: 1, position: 1 }, derived: ["meetings"] });
    expect(await rows("/v1/position?session_key=latest")).toEqual([expect.objectContaining({ driver_number: 3, position: 1 })]);
    expect((await control("load", { path: join(folder, "missing") })).status).toBe(400);
  });
});
