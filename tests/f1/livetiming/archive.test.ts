import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync, deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { archiveMessages, streamOrigin } from "@/lib/f1/livetiming/archive";
import { translateMessages } from "@/lib/f1/livetiming/feed-run";
import { gapOf, clockMs } from "@/lib/f1/livetiming/fields";
import { inflateTopic } from "@/lib/f1/livetiming/inflate";
import { mergeFeed } from "@/lib/f1/livetiming/merge";
import { parseRecording } from "@/lib/f1/livetiming/recording";
import { readSeasonIndex, seasonIndex } from "@/lib/f1/livetiming/season-index";
import { parseJsonStream } from "@/lib/f1/livetiming/stream";
import { FeedTranslator } from "@/lib/f1/livetiming/translate";
import type { Lap } from "@/lib/f1/records";
import { RaceStateBuilder } from "@/lib/f1/state/builder";
import { RaceReplay } from "@/lib/f1/state/replay";
import type { RaceSnapshot } from "@/lib/f1/state/snapshot";
import { ARCHIVE, FP2_KEY, FP2_ORIGIN, FP2_PATH, fp2Archive, fp2At, fp2Messages } from "./support";

const time = (ms: number) => ({ kind: "time", ms });

/** The tower's first rows: number, gap to the fastest, gap to the car ahead. */
const tower = (snapshot: RaceSnapshot, rows: number) =>
  snapshot.drivers.slice(0, rows).map((driver) => [driver.position, driver.driverNumber, driver.gapToLeader, driver.interval]);

function stateAt(at: number): RaceSnapshot {
  const run = translateMessages(fp2Messages().messages);
  const builder = RaceStateBuilder.start();
  for (const timed of run.timeline) if (timed.at <= at) builder.apply(timed.record, timed.at);
  return builder.snapshot(at);
}

describe("the feed's merge rules", () => {
  it("merges objects by key, updates arrays by index, drops _deleted keys and ignores _kf", () => {
    const state = mergeFeed(undefined, { Lines: { "44": { Sectors: [{ Value: "" }, { Value: "" }, { Value: "" }], Position: "3" } }, _kf: true });
    mergeFeed(state, { Lines: { "44": { Sectors: { "1": { Value: "30.123" } }, Position: "2" }, "77": { Position: "1" } } });
    mergeFeed(state, { Lines: { _deleted: ["77"] } });
    expect(state).toEqual({ Lines: { "44": { Sectors: [{ Value: "" }, { Value: "30.123" }, { Value: "" }], Position: "2" } } });
  });

  it("reads times and gaps written as text, lapped cars included", () => {
    expect(clockMs("1:25.911")).toBe(85_911);
    expect(clockMs("24.212")).toBe(24_212);
    expect(clockMs("")).toBeNull();
    expect(gapOf("+0.006")).toEqual(time(6));
    expect(gapOf("+1:02.345")).toEqual(time(62_345));
    expect(gapOf("1 L")).toEqual({ kind: "laps", laps: 1 });
    expect(gapOf("3L")).toEqual({ kind: "laps", laps: 3 });
    expect(gapOf("LAP 12")).toBeNull();
    expect(gapOf("")).toBeNull();
  });
});

describe("compressed topics", () => {
  it("decodes base64 of raw deflate, and refuses a zlib stream or broken base64", () => {
    const sample = { Position: [{ Timestamp: "2021-03-28T15:00:00.1Z", Entries: { "44": { Status: "OnTrack", X: 1, Y: 2, Z: 3 } } }] };
    expect(inflateTopic(deflateRawSync(JSON.stringify(sample)).toString("base64"))).toEqual(sample);
    expect(() => inflateTopic(deflateSync(JSON.stringify(sample)).toString("base64"))).toThrow();
    expect(() => inflateTopic("7Za9CsIwEIDf5ea25C")).toThrow();
  });

  it("reads an archived .z stream into location records", () => {
    const sample = { Position: [{ Timestamp: "2020-08-07T14:20:00.250Z", Entries: { "44": { Status: "OnTrack", X: -1200, Y: 850, Z: 7 } } }] };
    const text = `\uFEFF00:27:49.722"${deflateRawSync(JSON.stringify(sample)).toString("base64")}"\r\n00:27:50.000"broken"\r\n`;
    const stream = parseJsonStream("Position.z", text);
    expect(stream.broken).toBe(1);
    const archive = fp2Archive();
    archive.streams.set("Position.z", stream);
    const run = translateMessages(archiveMessages(archive).messages);
    const location = run.records.find((record) => record.kind === "location");
    expect(location).toEqual({ kind: "location", sessionKey: FP2_KEY, driverNumber: 44, at: new Date("2020-08-07T14:20:00.250Z"), x: -1200, y: 850, z: 7 });
  });
});

describe("an archived session (2020 70th Anniversary GP, Practice 2)", () => {
  it("dates the streams from the first race-control message", () => {
    expect(streamOrigin(fp2Archive().streams)).toBe(FP2_ORIGIN);
  });

  it("reads every line of every topic, the BOM included", () => {
    const { messages, broken, sessionKey } = fp2Messages();
    expect(broken).toBe(0);
    expect(sessionKey).toBe(FP2_KEY);
    expect(messages[0]?.topic).toBe("SessionInfo");
    expect(messages.length).toBe(4052 + 194 + 47 + 40 + 1 + 1 + 2 + 1);
  });

  it("has the positions and gaps of the timing screen at 00:20:00 (checked by hand against the raw deltas)", () => {
    const snapshot = stateAt(fp2At("00:20:00"));
    expect(tower(snapshot, 4)).toEqual([
      [1, 26, null, null],
      [2, 3, time(268), time(268)],
      [3, 20, time(629), time(361)],
      [4, 8, time(685), time(56)],
    ]);
    expect(snapshot.drivers[0]).toMatchObject({ acronym: "KVY", bestLap: { ms: 87_468, lapNumber: 2 } });
  });

  it("has them at 00:33:00, just after Hamilton's 1:25.911", () => {
    const snapshot = stateAt(fp2At("00:33:00"));
    expect(tower(snapshot, 4)).toEqual([
      [1, 44, null, null],
      [2, 77, time(6), time(6)],
      [3, 27, time(1011), time(1005)],
      [4, 4, time(1063), time(52)],
    ]);
    const hamilton = snapshot.drivers[0];
    expect(hamilton).toMatchObject({ acronym: "HAM", lap: 3, bestLap: { lapNumber: 2, ms: 85_911, overallBest: true }, tyre: { compound: "SOFT", stintNumber: 1 } });
  });

  it("numbers practice laps as the timing does: the out-lap is lap 1, an in-lap is timed without a new count", () => {
    const laps = translateMessages(fp2Messages().messages).records.filter((record): record is Lap => record.kind === "lap" && record.driverNumber === 44);
    expect(laps.map((lap) => [lap.lapNumber, lap.lapMs, lap.pitOutLap])).toEqual([
      [1, null, true],
      [2, 85_911, false],
      [3, 149_107, false],
      [4, 171_557, true],
      [5, 86_273, false],
      [6, null, false],
    ]);
    expect(laps[1]?.sectorMs.every((ms) => ms !== null)).toBe(true);
    expect(laps[1]?.startedAt).toEqual(new Date(fp2At("00:30:43") + 571));
  });

  it("gives records the race state's own replay rebuilds to the same tower", () => {
    const run = translateMessages(fp2Messages().messages);
    const replay = RaceReplay.build(run.records);
    const at = fp2At("00:33:00");
    expect(tower(replay.stateAt(at), 6)).toEqual(tower(stateAt(at), 6));
  });
});

describe("the feed's own status", () => {
  it("tells the session status, the track status, the lap count and each topic's latest message", () => {
    const fp2 = new FeedTranslator();
    for (const message of fp2Messages().messages) fp2.apply(message);
    const status = fp2.status();
    expect(status).toMatchObject({ sessionStatus: "Started", trackStatus: { code: "1", message: "AllClear" }, lapCount: null });
    expect(status.lastMessageAt.TimingData).toBe(fp2At("00:39:59") + 67);

    const race = new FeedTranslator({ sessionKey: 6036 });
    for (const line of parseJsonStream("LapCount", readFileSync(join(ARCHIVE, "static/2021/2021-03-28_Bahrain_Grand_Prix/2021-03-28_Race/LapCount.jsonStream"), "utf8")).lines) {
      race.apply({ topic: "LapCount", data: line.data, at: line.offsetMs });
    }
    // 57 laps planned, one taken off during the race (the count changed at 00:33:49).
    expect(race.status().lapCount).toEqual({ current: 56, total: 56 });
  });
});

describe("the season index", () => {
  it("lists 2020's meetings and sessions with their archive paths", () => {
    const schedule = readSeasonIndex(seasonIndex.parse(JSON.parse(readFileSync(join(ARCHIVE, "static/2020/Index.json"), "utf8"))));
    expect(schedule.malformed).toBe(0);
    expect(schedule.meetings).toHaveLength(17);
    const fp2 = schedule.sessions.find(({ session }) => session.sessionKey === FP2_KEY);
    expect(fp2?.path).toBe(FP2_PATH);
    expect(fp2?.session).toMatchObject({ name: "Practice 2", type: "Practice", startsAt: new Date("2020-08-07T14:00:00Z"), meetingKey: 1049 });
    expect(schedule.meetings.find((meeting) => meeting.meetingKey === 1049)?.name).toBe("70th Anniversary Grand Prix");
  });
});

describe("a raw live recording with broken lines", () => {
  const text = readFileSync(join(ARCHIVE, "recordings/with-errors.txt"), "utf8");

  it("counts and skips the broken lines: truncated, missing fields, bad time stamps, broken compressed payloads", () => {
    const parsed = parseRecording(text);
    expect(parsed.lines).toHaveLength(19);
    expect(parsed.broken).toBe(32);
    expect(parsed.lines.map((message) => message.topic)).toContain("RaceControlMessages");
  });

  it("replays what is left without crashing; the same race-control message sent again (once with a broken time) counts once", () => {
    const run = translateMessages(parseRecording(text).lines, { sessionKey: 1 });
    expect(run.malformed).toBe(0);
    const control = run.records.filter((record) => record.kind === "race-control");
    expect(control.map((record) => [record.message, record.at.toISOString()])).toEqual([["DRS DISABLED", "2021-03-28T14:57:06.000Z"]]);
    expect(run.records.filter((record) => record.kind === "weather")).toHaveLength(2);
  });
});
