import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LiveFeed } from "@/lib/f1/feed";
import { importArchivedSession } from "@/lib/f1/livetiming/import";
import { importSeason } from "@/lib/f1/livetiming/seasons";
import { claimPoller, pollWindow } from "@/lib/f1/poller";
import { listSessions } from "@/lib/f1/queries";
import { latestSnapshotText } from "@/lib/f1/snapshots";
import { replaySource } from "@/lib/f1/sources";
import { storeRecords, storeSessions, takeRecordsFor } from "@/lib/f1/store";
import { resetEnvCache } from "@/lib/env";
import { livetimingUpstream } from "@/sim/f1/livetiming/upstream";
import { startSimulator, type Simulator } from "@/sim/server";
import { useTestDatabase } from "../support/database";
import { FP2_KEY, FP2_PATH } from "./livetiming/support";

// The live-timing archive as a second source behind the F1 pipeline, over real HTTP against the simulated archive
// (the real 2020 season index and the real 70th Anniversary GP Practice 2 excerpt).

let sim: Simulator;
const closers: (() => Promise<void>)[] = [];

describe("F1 replays from the live-timing archive", () => {
  const database = useTestDatabase();

  beforeAll(async () => {
    const archive = livetimingUpstream();
    closers.push(() => archive.close());
    sim = await startSimulator({ seed: 1, upstreams: [archive] });
    Object.assign(process.env, { F1_LIVETIMING_BASE_URL: `${sim.url}/f1-livetiming`, F1_POLL_INTERVAL_MS: "500" });
    resetEnvCache();
  });
  beforeEach(async () => {
    await database.sql`truncate f1_pollers, f1_snapshots, f1_records, f1_sessions, f1_drivers`;
  });
  afterAll(async () => {
    await sim?.close();
    for (const close of closers) await close();
  });

  it("lists a season's sessions from the archive's index with their folders; a year without an index is no error", async () => {
    expect(await importSeason(2020)).toEqual({ year: 2020, sessions: 83, malformed: 0 });
    expect(await importSeason(2019)).toEqual({ year: 2019, sessions: null, malformed: 0 });
    const [fp2] = await database.sql<{ sources: string[]; archivePath: string; name: string }[]>`
      select sources, archive_path as "archivePath", name from f1_sessions where session_key = ${FP2_KEY}`;
    expect(fp2).toEqual({ sources: ["livetiming"], archivePath: FP2_PATH, name: "Practice 2" });
    // A session OpenF1 lists as well gets both sources, the folder kept.
    const listed = (await listSessions(200)).find((session) => session.sessionKey === FP2_KEY);
    await storeSessions([{ ...(await sessionRecord(FP2_KEY)), name: "Practice 2" }], "openf1");
    const both = (await listSessions(200)).find((session) => session.sessionKey === FP2_KEY);
    expect(listed?.sources).toEqual(["livetiming"]);
    expect(both?.sources).toEqual(["livetiming", "openf1"]);
    expect(both?.recordsSource).toBeNull();
  });

  it("replays an archived session through the poller: its timing stored, the page told the source and that the map has no cars", async () => {
    await importSeason(2020);
    expect(replaySource({ sources: ["livetiming"], archivePath: FP2_PATH })).toBe("livetiming");
    const owner = randomUUID();
    expect(await claimPoller({ sessionKey: FP2_KEY, mode: "replay", source: "livetiming", owner, speed: 60, force: true })).toBe(true);
    const result = await pollWindow(FP2_KEY, owner, 2_500);
    expect(result.polls).toBeGreaterThanOrEqual(1);
    expect(result.malformed).toBe(0);

    const feed = JSON.parse((await latestSnapshotText())!.body) as LiveFeed;
    expect(feed.mode).toBe("replay");
    expect(feed.source).toEqual({ kind: "livetiming", label: "F1 live-timing archive", note: expect.stringContaining("car positions") });
    expect(feed.state?.drivers.length).toBeGreaterThanOrEqual(18);
    expect(feed.feeds.location).toBeUndefined();
    const [stored] = await database.sql<{ laps: number; source: string }[]>`
      select (select count(*)::int from f1_records where session_key = ${FP2_KEY} and kind = 'lap') as laps,
        (select records_source from f1_sessions where session_key = ${FP2_KEY}) as source`;
    expect(stored?.source).toBe("livetiming");
    expect(stored?.laps).toBeGreaterThan(100);
  });

  it("never lets two sources mix, and an archive with nothing in it replaces nothing", async () => {
    await importSeason(2020);
    // Records an OpenF1 poll stored for the session: the archive's replace them whole.
    await takeRecordsFor(FP2_KEY, "openf1");
    await storeRecords([{ kind: "position", sessionKey: FP2_KEY, driverNumber: 1234, position: 1, at: new Date("2020-08-07T14:05:00Z") }]);
    const owner = randomUUID();
    await claimPoller({ sessionKey: FP2_KEY, mode: "replay", source: "livetiming", owner, speed: 60, force: true });
    await pollWindow(FP2_KEY, owner, 600);
    const [phantom] = await database.sql<{ count: number }[]>`select count(*)::int as count from f1_records where session_key = ${FP2_KEY} and driver_number = 1234`;
    expect(phantom?.count).toBe(0);

    // The index lists the 70th Anniversary race, but the archive here has none of its streams: an error, nothing deleted.
    const race = 5776;
    await takeRecordsFor(race, "openf1");
    await storeRecords([{ kind: "position", sessionKey: race, driverNumber: 44, position: 1, at: new Date("2020-08-09T14:20:00Z") }]);
    await expect(importArchivedSession(race)).rejects.toThrow(/no timing/);
    const [kept] = await database.sql<{ count: number }[]>`select count(*)::int as count from f1_records where session_key = ${race}`;
    expect(kept?.count).toBe(1);
    await expect(importArchivedSession(424242)).rejects.toThrow(/not in the live-timing archive/);
  });
});

/** A stored session read back as the record OpenF1 would have sent. */
async function sessionRecord(sessionKey: number) {
  const { sessionSummary } = await import("@/lib/f1/queries");
  const summary = (await sessionSummary(sessionKey))!;
  return {
    kind: "session" as const,
    sessionKey,
    meetingKey: summary.meetingKey,
    name: summary.name,
    type: summary.type,
    startsAt: new Date(summary.startsAt),
    endsAt: summary.endsAt ? new Date(summary.endsAt) : null,
    year: 2020,
    gmtOffset: null,
    location: summary.location,
    countryCode: null,
    countryName: summary.countryName,
    circuitKey: null,
    circuitShortName: summary.circuitShortName,
    cancelled: false,
  };
}
