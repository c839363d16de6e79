import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveMessages, fetchSeason, fetchSessionArchive, livetimingArchiveClient, type ArchiveMessages } from "@/lib/f1/livetiming/archive";
import { translateMessages, type FeedRun } from "@/lib/f1/livetiming/feed-run";
import { LiveTimingClient } from "@/lib/f1/livetiming/live";
import type { SeasonSchedule } from "@/lib/f1/livetiming/season-index";
import type { Lap, RaceRecord } from "@/lib/f1/records";
import { RaceReplay } from "@/lib/f1/state/replay";
import { DEMO_F1TV_TOKEN, livetimingUpstream, type LiveTimingUpstream } from "@/sim/f1/livetiming";
import { openf1Upstream, SYNTHETIC_KEYS, type Row } from "@/sim/f1/openf1";
import { startSimulator, type Simulator } from "@/sim/server";
import { useTestDatabase } from "../../support/database";
import { FP2_PATH } from "./support";

const RACE_PATH = "2025/2025-11-16_Pitwall_Grand_Prix/2025-11-16_Race/";
const SESSION_KEY = SYNTHETIC_KEYS.session_key;
const ms = (seconds: unknown) => (typeof seconds === "number" ? Math.round(seconds * 1000) : null);
const byDriver = <T extends { driverNumber: number }>(records: readonly T[], driverNumber: number) => records.filter((record) => record.driverNumber === driverNumber);
const of = <K extends RaceRecord["kind"]>(records: readonly RaceRecord[], kind: K) => records.filter((record): record is Extract<RaceRecord, { kind: K }> => record.kind === kind);

describe("the synthetic race as an archived live-timing session", () => {
  // The archive client's calls go to the API call ledger.
  useTestDatabase();
  let sim: Simulator;
  let upstream: LiveTimingUpstream;
  let season: SeasonSchedule;
  let read: ArchiveMessages;
  let absent: string[];
  let run: FeedRun;
  let replay: RaceReplay;
  /** The same race as the OpenF1 simulator serves it, per endpoint. */
  const openf1: Record<string, Row[]> = {};
  const drivers = () => openf1.drivers?.map((row) => Number(row.driver_number)) ?? [];
  const control = async (action: string, body: unknown = {}, simulator: Simulator = sim) =>
    (await (await fetch(`${simulator.url}/_control/f1-livetiming/${action}`, { method: "POST", body: JSON.stringify(body) })).json()) as Record<string, unknown>;

  beforeAll(async () => {
    upstream = livetimingUpstream();
    sim = await startSimulator({ seed: 1, upstreams: [openf1Upstream(), upstream] });
    for (const endpoint of ["drivers", "laps", "pit", "stints", "session_result"]) {
      openf1[endpoint] = (await (await fetch(`${sim.url}/openf1/v1/${endpoint}?session_key=${SESSION_KEY}`)).json()) as Row[];
    }
    const http = livetimingArchiveClient(`${sim.url}/f1-livetiming`);
    season = await fetchSeason(http, 2025);
    const archive = await fetchSessionArchive(http, RACE_PATH);
    absent = archive.absent;
    read = archiveMessages(archive);
    run = translateMessages(read.messages);
    replay = RaceReplay.build(run.records);
  });
  afterAll(async () => {
    await sim?.close();
    await upstream?.close();
  });

  it("is listed in the 2025 season index with its path, after the recorded session", async () => {
    const race = season.sessions.find(({ session }) => session.sessionKey === SESSION_KEY);
    expect(race?.path).toBe(RACE_PATH);
    expect(race?.session).toMatchObject({ type: "Race", meetingKey: SYNTHETIC_KEYS.meeting_key, startsAt: new Date("2025-11-16T13:00:00Z"), gmtOffset: "04:00:00" });
    expect(season.meetings.map((meeting) => meeting.name)).toEqual(["Pitwall Grand Prix"]);
    const { sessions } = (await control("status")) as { sessions: string[] };
    // The session played by default stays the recorded practice session.
    expect(sessions[0]).toBe(FP2_PATH);
    expect(sessions).toContain(RACE_PATH);
  });

  it("reads every line of every topic", () => {
    expect(absent).toEqual(["TimingStats"]);
    expect(read.sessionKey).toBe(SESSION_KEY);
    expect(read.broken).toBe(0);
    expect(run.malformed).toBe(0);
    expect(run.telemetry.length).toBeGreaterThan(20 * 60 * 60);
  });

  it("has the OpenF1 simulator's drivers, laps and winner", () => {
    expect(of(run.records, "driver").map((driver) => driver.acronym).sort()).toEqual(openf1.drivers?.map((row) => row.name_acronym).sort());
    const laps = of(run.records, "lap");
    for (const driverNumber of drivers()) {
      const expected = openf1.laps?.filter((row) => row.driver_number === driverNumber).sort((a, b) => Number(a.lap_number) - Number(b.lap_number)) ?? [];
      // Every lap driven and no other: none is opened after the flag.
      const timed = byDriver(laps, driverNumber);
      expect(timed.map((lap) => lap.lapNumber), `laps of ${driverNumber}`).toEqual(expected.map((row) => row.lap_number));
      // OpenF1 has no lap time and no first sector for a race's first lap; from then on every time is the same.
      const times = (lap: Lap) => [lap.lapNumber === 1 ? null : lap.lapMs, ...lap.sectorMs.map((sector, index) => (lap.lapNumber === 1 && index === 0 ? null : sector))];
      expect(timed.filter((lap) => lap.pitOutLap).map((lap) => lap.lapNumber), `out-laps of ${driverNumber}`).toEqual(
        expected.filter((row) => row.is_pit_out_lap).map((row) => row.lap_number),
      );
      expect(timed.map(times), `times of ${driverNumber}`).toEqual(
        expected.map((row) => [ms(row.lap_duration), ms(row.duration_sector_1), ms(row.duration_sector_2), ms(row.duration_sector_3)]),
      );
    }
    const winner = openf1.session_result?.find((row) => row.position === 1);
    const final = replay.stateAt(replay.endsAt);
    expect(final.drivers[0]?.driverNumber).toBe(winner?.driver_number);
    expect(final.drivers.map((driver) => driver.driverNumber)).toEqual(openf1.session_result?.map((row) => row.driver_number));
  });

  it("has the OpenF1 simulator's pit visits and stints", () => {
    const pits = of(run.records, "pit");
    const stints = of(run.records, "stint");
    for (const driverNumber of drivers()) {
      const expectedPits = openf1.pit?.filter((row) => row.driver_number === driverNumber) ?? [];
      expect(byDriver(pits, driverNumber).map((pit) => [pit.lapNumber, pit.laneMs])).toEqual(expectedPits.map((row) => [row.lap_number, ms(row.lane_duration)]));
      const expectedStints = openf1.stints?.filter((row) => row.driver_number === driverNumber).sort((a, b) => Number(a.stint_number) - Number(b.stint_number)) ?? [];
      expect(byDriver(stints, driverNumber).map((stint) => [stint.stintNumber, stint.compound, stint.lapStart, stint.tyreAgeAtStart])).toEqual(
        expectedStints.map((row) => [row.stint_number, row.compound, row.lap_start, row.tyre_age_at_start]),
      );
    }
    expect(pits.length).toBeGreaterThan(20);
  });

  it("has every car's position on the track, moving", () => {
    const locations = of(run.records, "location");
    for (const driverNumber of drivers()) {
      const own = byDriver(locations, driverNumber);
      expect(own.length, `locations of ${driverNumber}`).toBeGreaterThan(2 * 60 * 60);
      expect(new Set(own.map((location) => `${location.x},${location.y}`)).size).toBeGreaterThan(1_000);
    }
  });

  it("replays mid-race with the whole field in order and on the map", () => {
    const at = Date.parse("2025-11-16T13:45:00Z");
    const state = replay.stateAt(at);
    expect(state.lap ?? 0).toBeGreaterThan(20);
    expect(state.drivers.map((driver) => driver.position)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(state.drivers.every((driver) => driver.location !== null)).toBe(true);
    const before = new Map(state.drivers.map((driver) => [driver.driverNumber, driver.location]));
    const moved = replay.stateAt(at + 5_000).drivers.filter(({ driverNumber, location }) => location?.x !== before.get(driverNumber)?.x || location?.y !== before.get(driverNumber)?.y);
    expect(moved).toHaveLength(20);
  });

  it("plays live over the hub, car positions included for an F1 TV token", async () => {
    await control("play", { session: RACE_PATH, speed: 10, fromSeconds: 40 * 60 });
    const live = new LiveTimingClient({ baseUrl: `${sim.url}/f1-livetiming`, token: DEMO_F1TV_TOKEN });
    try {
      await live.start();
      const snapshot = live.snapshot();
      expect(live.missing).toBeNull();
      expect(snapshot.sessionKey).toBe(SESSION_KEY);
      expect(snapshot.drivers).toHaveLength(20);
      expect(snapshot.drivers.every((driver) => driver.location !== null)).toBe(true);
    } finally {
      await live.stop();
      await control("stop");
    }
  });

  it("is left out when the setting turns it off", async () => {
    const recordedOnly = livetimingUpstream({ synthetic: false });
    const other = await startSimulator({ seed: 1, upstreams: [recordedOnly] });
    try {
      const { sessions } = (await control("status", {}, other)) as { sessions: string[] };
      expect(sessions).not.toContain(RACE_PATH);
      expect((await fetch(`${other.url}/f1-livetiming/static/2025/Index.json`)).status).toBe(403);
    } finally {
      await other.close();
      await recordedOnly.close();
    }
  });
});
