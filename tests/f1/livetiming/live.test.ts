import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { archiveMessages, fetchSeason, fetchSessionArchive, livetimingArchiveClient } from "@/lib/f1/livetiming/archive";
import { LiveTimingClient, type LiveTimingClientOptions } from "@/lib/f1/livetiming/live";
import { parseRecording, recordingLine } from "@/lib/f1/livetiming/recording";
import { FeedSession } from "@/lib/f1/livetiming/session";
import type { CarTelemetry } from "@/lib/f1/records";
import { DEMO_F1TV_TOKEN, livetimingUpstream, type LiveTimingUpstream } from "@/sim/f1/livetiming";
import { startSimulator, type Simulator } from "@/sim/server";
import { useTestDatabase } from "../../support/database";
import { FP2_KEY, FP2_PATH, fp2At, fp2Messages } from "./support";

describe("F1 live timing over the simulator", () => {
  // The clients' calls go to the API call ledger.
  useTestDatabase();
  let sim: Simulator;
  let upstream: LiveTimingUpstream;
  const clients: LiveTimingClient[] = [];

  const base = () => `${sim.url}/f1-livetiming`;

  function client(options: Partial<LiveTimingClientOptions> = {}, url = base()): LiveTimingClient {
    const made = new LiveTimingClient({ baseUrl: url, reconnect: { baseDelayMs: 50, maxDelayMs: 500 }, ...options });
    clients.push(made);
    return made;
  }

  async function until<T>(check: () => T | null | undefined | false, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error("condition not met in time");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const control = async (action: string, body: unknown = {}) =>
    (await (await fetch(`${sim.url}/_control/f1-livetiming/${action}`, { method: "POST", body: JSON.stringify(body) })).json()) as Record<string, unknown>;

  beforeAll(async () => {
    upstream = livetimingUpstream();
    sim = await startSimulator({ upstreams: [upstream] });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((made) => made.stop()));
    sim.reset();
  });
  afterAll(async () => {
    await sim?.close();
    await upstream?.close();
  });

  describe("the archive through the simulator", () => {
    it("serves the season index and a session's streams; topics the session lacks are noted", async () => {
      const http = livetimingArchiveClient(base());
      const season = await fetchSeason(http, 2020);
      const fp2 = season.sessions.find(({ session }) => session.sessionKey === FP2_KEY);
      expect(fp2?.path).toBe(FP2_PATH);
      const archive = await fetchSessionArchive(http, fp2?.path ?? "");
      expect(archive.absent.sort()).toEqual(["CarData.z", "Heartbeat", "LapCount", "PitLaneTimeCollection", "Position.z", "TimingStats"]);
      expect(archiveMessages(archive).messages).toEqual(fp2Messages().messages);
    });
  });

  describe("the SignalR Core endpoint", () => {
    it("refuses a negotiate without the AWSALBCORS cookie", async () => {
      const refused = await fetch(`${base()}/signalrcore/negotiate?negotiateVersion=1`, { method: "POST" });
      expect(refused.status).toBe(401);
      const options = await fetch(`${base()}/signalrcore/negotiate`, { method: "OPTIONS" });
      expect(options.headers.getSetCookie().join(";")).toMatch(/AWSALBCORS=/);
    });

    it("follows a replayed session live: keyframes, then feed messages merged into the tower", async () => {
      await control("play", { session: FP2_PATH, speed: 25, fromSeconds: 31 * 60 });
      const live = client();
      await live.start();
      expect(live.status).toBe("live");
      // Without a token only the free topics are asked for, and the page is told what that leaves out.
      expect(live.missing).toEqual({ topics: ["Position.z", "CarData.z"], missing: ["track-map", "car-telemetry"], reason: "no-account" });
      // The keyframes alone already give the tower as it stood at 00:31:00.
      expect(live.snapshot().drivers).toHaveLength(20);
      const after = await until(() => {
        const snapshot = live.snapshot();
        return Date.parse(snapshot.at) >= fp2At("00:33:00") && snapshot;
      });
      expect(after.drivers.slice(0, 2).map((driver) => [driver.driverNumber, driver.gapToLeader])).toEqual([
        [44, null],
        [77, { kind: "time", ms: 6 }],
      ]);
    });

    it("records the raw messages so the session replays exactly", async () => {
      await control("play", { session: FP2_PATH, speed: 50, fromSeconds: 25 * 60 });
      const live = client();
      await live.start();
      await until(() => Date.parse(live.snapshot().at) >= fp2At("00:27:00"));
      await live.stop();
      const persisted = live.recording.map(recordingLine).join("\n");
      const replayed = parseRecording(persisted);
      expect(replayed.broken).toBe(0);
      const session = new FeedSession();
      for (const message of replayed.lines) session.push(message);
      expect(session.snapshot()).toEqual(live.snapshot());
    });

    it("backs off while the feed refuses, doubling the wait between attempts", async () => {
      await control("play", { session: FP2_PATH, speed: 20, fromSeconds: 20 * 60 });
      const live = client({ reconnect: { baseDelayMs: 100, maxDelayMs: 5_000 } });
      await live.start();
      await control("refuse", { on: true });
      await control("drop");
      await until(() => live.status === "reconnecting");
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const { negotiations } = (await control("status")) as { negotiations: number[] };
      // The first negotiation was the connection itself; then attempts ~100, 200, 400, 800 ms apart (+-25 %).
      const attempts = negotiations.slice(1);
      expect(attempts.length).toBeGreaterThanOrEqual(3);
      expect(attempts.length).toBeLessThanOrEqual(5);
      const waits = attempts.slice(1).map((time, index) => time - (attempts[index] as number));
      for (let index = 1; index < waits.length; index += 1) expect(waits[index]).toBeGreaterThan((waits[index - 1] as number) * 1.05);
      await control("refuse", { on: false });
      await until(() => live.subscriptions === 2 && live.status === "live");
    });

    it("reconnects with backoff after the simulator drops the socket, and subscribes again", async () => {
      await control("play", { session: FP2_PATH, speed: 20, fromSeconds: 20 * 60 });
      const live = client();
      await live.start();
      const before = live.snapshot().drivers.length;
      expect(await control("drop")).toEqual({ dropped: 1 });
      await until(() => live.subscriptions === 2 && live.status === "live");
      // One socket again, not one more.
      expect((await control("status")).connections).toBe(1);
      const at = Date.parse(live.snapshot().at);
      await until(() => Date.parse(live.snapshot().at) > at);
      expect(live.snapshot().drivers).toHaveLength(before);
    });
  });

  describe("the account-only topics", () => {
    const start = Date.parse("2026-11-29T16:00:00Z");
    let folder: string;
    let privateSim: Simulator;
    let privateUpstream: LiveTimingUpstream;

    beforeAll(async () => {
      folder = mkdtempSync(join(tmpdir(), "pitwall-livetiming-"));
      mkdirSync(join(folder, "recordings"));
      const utc = (ms: number) => new Date(start + ms).toISOString();
      const lines: unknown[] = [
        ["SessionInfo", { Key: 9999, Type: "Race", Name: "Race", StartDate: "2026-11-29T20:00:00", GmtOffset: "04:00:00", Meeting: { Key: 1300, Name: "Test Grand Prix" } }, utc(0)],
        ["DriverList", { "44": { Tla: "HAM", FullName: "Lewis HAMILTON", TeamColour: "ED1131" } }, utc(0)],
      ];
      for (let step = 1; step <= 40; step += 1) {
        const sample = { Position: [{ Timestamp: utc(step * 250), Entries: { "44": { Status: "OnTrack", X: step * 100, Y: -step * 50, Z: 0 } } }] };
        const cars = { Entries: [{ Utc: utc(step * 250), Cars: { "44": { Channels: { "0": 11_000, "2": 280 + step, "3": 7, "4": 100, "5": 0, "45": 0 } } } }] };
        lines.push(["Position.z", deflateRawSync(JSON.stringify(sample)).toString("base64"), utc(step * 250)]);
        lines.push(["CarData.z", deflateRawSync(JSON.stringify(cars)).toString("base64"), utc(step * 250)]);
      }
      writeFileSync(join(folder, "recordings", "positions.txt"), lines.map((line) => JSON.stringify(line)).join("\n"));
      privateUpstream = livetimingUpstream({ folder });
      privateSim = await startSimulator({ upstreams: [privateUpstream] });
    });
    afterAll(async () => {
      await privateSim?.close();
      await privateUpstream?.close();
      await rm(folder, { recursive: true, force: true });
    });

    const located = (live: LiveTimingClient) => live.snapshot().drivers.find((driver) => driver.driverNumber === 44)?.location ?? null;
    const privateControl = (action: string, body: unknown) =>
      fetch(`${privateSim.url}/_control/f1-livetiming/${action}`, { method: "POST", body: JSON.stringify(body) }).then((response) => response.json());

    it("comes with an F1 TV token, is withheld without one, and comes to all when the switch is off", async () => {
      await privateControl("play", { recording: "positions.txt", speed: 1 });
      const url = `${privateSim.url}/f1-livetiming`;
      const telemetry: CarTelemetry[] = [];
      const subscriber = client({ token: DEMO_F1TV_TOKEN, onTelemetry: (samples) => telemetry.push(...samples) }, url);
      const wrongToken = client({ token: "not-a-subscriber" }, url);
      const free = client({}, url);
      await Promise.all([subscriber.start(), wrongToken.start(), free.start()]);
      await until(() => located(subscriber));
      expect(subscriber.missing).toBeNull();
      await until(() => telemetry.length > 0);
      expect(telemetry[0]).toMatchObject({ kind: "car-data", sessionKey: 9999, driverNumber: 44, rpm: 11_000, gear: 7, throttlePct: 100, braking: false });
      expect(wrongToken.missing).toEqual({ topics: ["Position.z", "CarData.z"], missing: ["track-map", "car-telemetry"], reason: "not-sent" });
      expect(free.missing?.reason).toBe("no-account");
      expect(located(wrongToken)).toBeNull();
      expect(located(free)).toBeNull();

      await privateControl("withhold", { on: false });
      const unlocked = client({ token: "not-a-subscriber" }, url);
      await unlocked.start();
      await until(() => located(unlocked));
      expect(unlocked.missing).toBeNull();
    });
  });
});
