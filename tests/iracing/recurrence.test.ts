import { describe, expect, it } from "vitest";
import { parseRaceWeeks, parseSeasonSchedule } from "@/lib/iracing/parse/schedule";
import type { RaceTimeDescriptor, RaceWeek, Rejected, RepeatingTimes } from "@/lib/iracing/records";
import { describeSchedule, nextSession, sessionsBetween, weekSessions, type RaceWeekTimes } from "@/lib/iracing/recurrence";
import { fixture } from "./fixtures";

const at = (iso: string) => new Date(iso);
const starts = (sessions: { startsAt: Date }[]) => sessions.map((s) => s.startsAt.toISOString().replace(":00.000Z", "Z"));

async function season5935(): Promise<RaceWeek[]> {
  return parseSeasonSchedule(await fixture("series-season-schedule-5935.json")).raceWeeks;
}

function week(descriptors: RaceTimeDescriptor[], ends: { endsAt: string; weekEndTime?: string }, raceWeekNum = 0): RaceWeekTimes {
  return {
    seasonId: 1,
    raceWeekNum,
    endsAt: at(ends.endsAt),
    weekEndTime: ends.weekEndTime ? at(ends.weekEndTime) : null,
    raceTimeDescriptors: descriptors,
  };
}

function repeating(fields: Partial<RepeatingTimes>): RepeatingTimes {
  return {
    repeating: true,
    superSession: false,
    sessionMinutes: 40,
    startDate: "2026-03-03",
    firstSessionTime: "00:00:00",
    repeatMinutes: 120,
    dayOffsets: [0, 1, 2, 3, 4, 5, 6],
    endOffsetMinutes: null,
    ...fields,
  };
}

describe("session times of season 5935 (every 2 hours at :45, every day)", () => {
  it("gives 12 sessions a day, 84 a week, from Tuesday 00:45 to Monday 22:45", async () => {
    const [first] = await season5935();
    const sessions = weekSessions(first!, first!.startsAt, first!.endsAt);
    expect(sessions).toHaveLength(84);
    expect(sessions[0]).toEqual({ seasonId: 5935, raceWeekNum: 0, startsAt: at("2025-12-16T00:45:00Z"), endsAt: at("2025-12-16T01:44:00Z"), superSession: false });
    expect(sessions[83]?.startsAt).toEqual(at("2025-12-22T22:45:00Z"));
  });

  it("gives only the sessions of the window, its start included and its end excluded", async () => {
    const [first] = await season5935();
    expect(starts(weekSessions(first!, at("2025-12-17T10:45:00Z"), at("2025-12-17T16:45:00Z")))).toEqual([
      "2025-12-17T10:45Z",
      "2025-12-17T12:45Z",
      "2025-12-17T14:45Z",
    ]);
    expect(weekSessions(first!, at("2025-12-17T11:00:00Z"), at("2025-12-17T11:00:00Z"))).toEqual([]);
    expect(weekSessions(first!, at("2025-12-18T00:00:00Z"), at("2025-12-17T00:00:00Z"))).toEqual([]);
  });

  it("crosses a week boundary in a window that spans two race weeks", async () => {
    const weeks = await season5935();
    const sessions = sessionsBetween(weeks, at("2025-12-22T21:00:00Z"), at("2025-12-23T03:00:00Z"));
    expect(sessions.map((s) => [s.raceWeekNum, s.startsAt.toISOString()])).toEqual([
      [0, "2025-12-22T22:45:00.000Z"],
      [1, "2025-12-23T00:45:00.000Z"],
      [1, "2025-12-23T02:45:00.000Z"],
    ]);
  });

  it("stops at the end of the last week of the season", async () => {
    const weeks = await season5935();
    const last = weeks[11]!;
    const sessions = weekSessions(last, last.startsAt, at("2026-04-01T00:00:00Z"));
    expect(sessions).toHaveLength(84);
    expect(sessions[83]?.startsAt).toEqual(at("2026-03-09T22:45:00Z"));
    expect(nextSession(weeks, at("2026-03-09T22:46:00Z"))).toBeNull();
    expect(nextSession(weeks, at("2025-12-22T22:50:00Z"))).toMatchObject({ raceWeekNum: 1, startsAt: at("2025-12-23T00:45:00Z") });
    expect(nextSession(weeks, at("2025-01-01T00:00:00Z"))?.startsAt).toEqual(at("2025-12-16T00:45:00Z"));
  });
});

describe("session times by hand", () => {
  it("counts day offsets from the descriptor's start date and honours the last minute of the day", () => {
    // 2026-03-03 is a Tuesday: offsets 4 and 5 are Saturday 7 and Sunday 8 March.
    const weekend = repeating({ dayOffsets: [4, 5], firstSessionTime: "18:00:00", repeatMinutes: 180, endOffsetMinutes: 21 * 60 });
    const sessions = weekSessions(week([weekend], { endsAt: "2026-03-10T00:00:00Z", weekEndTime: "2026-03-08T21:00:00Z" }), at("2026-03-01T00:00:00Z"), at("2026-03-31T00:00:00Z"));
    expect(starts(sessions)).toEqual(["2026-03-07T18:00Z", "2026-03-07T21:00Z", "2026-03-08T18:00Z", "2026-03-08T21:00Z"]);
  });

  it("runs a 10-day week to its week_end_time", () => {
    const everyFourHours = repeating({ dayOffsets: null, firstSessionTime: "02:00:00", repeatMinutes: 240 });
    const long = week([everyFourHours], { endsAt: "2026-03-13T00:00:00Z", weekEndTime: "2026-03-12T22:00:00Z" });
    const sessions = weekSessions(long, at("2026-03-01T00:00:00Z"), at("2026-03-20T00:00:00Z"));
    expect(sessions).toHaveLength(60);
    expect(starts(sessions.slice(0, 7))).toEqual([
      "2026-03-03T02:00Z",
      "2026-03-03T06:00Z",
      "2026-03-03T10:00Z",
      "2026-03-03T14:00Z",
      "2026-03-03T18:00Z",
      "2026-03-03T22:00Z",
      "2026-03-04T02:00Z",
    ]);
    expect(starts(sessions.slice(-1))).toEqual(["2026-03-12T22:00Z"]);
  });

  it("cuts a 3-day week at its week_end_time even when the descriptor lists 7 days", () => {
    const everySixHours = repeating({ repeatMinutes: 360 });
    const short = week([everySixHours], { endsAt: "2026-03-06T00:00:00Z", weekEndTime: "2026-03-05T12:00:00Z" });
    expect(starts(weekSessions(short, at("2026-03-03T00:00:00Z"), at("2026-03-10T00:00:00Z")))).toEqual([
      "2026-03-03T00:00Z",
      "2026-03-03T06:00Z",
      "2026-03-03T12:00Z",
      "2026-03-03T18:00Z",
      "2026-03-04T00:00Z",
      "2026-03-04T06:00Z",
      "2026-03-04T12:00Z",
      "2026-03-04T18:00Z",
      "2026-03-05T00:00Z",
      "2026-03-05T06:00Z",
      "2026-03-05T12:00Z",
    ]);
  });

  it("ends the last week of a season without week_end_time 7 days after its start", () => {
    const entry = (raceWeekNum: number, startDate: string) => ({
      season_id: 9,
      race_week_num: raceWeekNum,
      start_date: startDate,
      track: { track_id: 1, track_name: "Lime Rock Park" },
      race_time_descriptors: [{ repeating: true, start_date: startDate, first_session_time: "20:00", repeat_minutes: 0 }],
    });
    const rejected: Rejected[] = [];
    const [tenth, last] = parseRaceWeeks([entry(11, "2026-03-03"), entry(10, "2026-02-24")], rejected);
    expect(rejected).toEqual([]);
    expect(tenth?.endsAt).toEqual(at("2026-03-03T00:00:00Z"));
    expect(last?.endsAt).toEqual(at("2026-03-10T00:00:00Z"));
    const sessions = sessionsBetween([tenth!, last!], at("2026-03-01T00:00:00Z"), at("2026-04-01T00:00:00Z"));
    expect(starts(sessions)).toEqual([
      "2026-03-01T20:00Z",
      "2026-03-02T20:00Z",
      "2026-03-03T20:00Z",
      "2026-03-04T20:00Z",
      "2026-03-05T20:00Z",
      "2026-03-06T20:00Z",
      "2026-03-07T20:00Z",
      "2026-03-08T20:00Z",
      "2026-03-09T20:00Z",
    ]);
    expect(sessions.map((s) => s.raceWeekNum)).toEqual([10, 10, 11, 11, 11, 11, 11, 11, 11]);
  });

  it("takes explicit session times as they are, a super session flag winning over a repeating slot", () => {
    const special = { repeating: false as const, superSession: true, sessionMinutes: 1440, sessionTimes: ["2026-03-07T14:00:00.000Z", "2026-03-08T02:00:00.000Z"] };
    const sixHourly = repeating({ dayOffsets: [4], repeatMinutes: 360, sessionMinutes: 60 });
    const sessions = weekSessions(week([sixHourly, special], { endsAt: "2026-03-10T00:00:00Z" }), at("2026-03-07T00:00:00Z"), at("2026-03-09T00:00:00Z"));
    expect(sessions.map((s) => [s.startsAt.toISOString(), s.superSession, s.endsAt?.toISOString()])).toEqual([
      ["2026-03-07T00:00:00.000Z", false, "2026-03-07T01:00:00.000Z"],
      ["2026-03-07T06:00:00.000Z", false, "2026-03-07T07:00:00.000Z"],
      ["2026-03-07T12:00:00.000Z", false, "2026-03-07T13:00:00.000Z"],
      ["2026-03-07T14:00:00.000Z", true, "2026-03-08T14:00:00.000Z"],
      ["2026-03-07T18:00:00.000Z", false, "2026-03-07T19:00:00.000Z"],
      ["2026-03-08T02:00:00.000Z", true, "2026-03-09T02:00:00.000Z"],
    ]);
    const clash = { ...special, sessionTimes: ["2026-03-07T12:00:00.000Z"] };
    const merged = weekSessions(week([sixHourly, clash], { endsAt: "2026-03-10T00:00:00Z" }), at("2026-03-07T12:00:00Z"), at("2026-03-07T12:00:01Z"));
    expect(merged).toEqual([{ seasonId: 1, raceWeekNum: 0, startsAt: at("2026-03-07T12:00:00Z"), endsAt: at("2026-03-08T12:00:00Z"), superSession: true }]);
  });
});

describe("schedule summaries", () => {
  it("describes season 5935 in UTC and in a half-hour zone", async () => {
    const [first] = await season5935();
    expect(describeSchedule(first!.raceTimeDescriptors)).toBe("every 2 hours at :45");
    expect(describeSchedule(first!.raceTimeDescriptors, { timeZone: "Asia/Kolkata" })).toBe("every 2 hours at :15");
  });

  it.each([
    [{ repeatMinutes: 30 }, "every 30 minutes"],
    [{ repeatMinutes: 30, firstSessionTime: "00:15:00" }, "every 30 minutes at :15 and :45"],
    [{ repeatMinutes: 60 }, "every hour on the hour"],
    [{ repeatMinutes: 120, firstSessionTime: "01:15:00" }, "every 2 hours at :15"],
    [{ repeatMinutes: 90, firstSessionTime: "00:45:00" }, "every 90 minutes from 00:45 UTC"],
    [{ repeatMinutes: null, firstSessionTime: "20:00:00" }, "daily at 20:00 UTC"],
    [{ dayOffsets: [4, 5], repeatMinutes: null, firstSessionTime: "18:00:00" }, "Sat and Sun at 18:00 UTC"],
    [{ dayOffsets: [4, 5], repeatMinutes: 180, firstSessionTime: "18:00:00", endOffsetMinutes: 1260 }, "Sat and Sun at 18:00 and 21:00 UTC"],
    [{ dayOffsets: [4, 5, 6], firstSessionTime: "00:15:00" }, "Sat, Sun and Mon, every 2 hours at :15"],
  ])("%j reads %j", (fields, summary) => {
    expect(describeSchedule([repeating(fields)])).toBe(summary);
  });

  it("shows times of day in the visitor's zone", () => {
    const weekend = repeating({ dayOffsets: [4, 5], repeatMinutes: null, firstSessionTime: "18:00:00" });
    expect(describeSchedule([weekend], { timeZone: "Europe/Paris" })).toBe("Sat and Sun at 19:00 CET");
    // 02:00 UTC on Sunday is still Saturday evening in New York.
    const night = repeating({ dayOffsets: [5], repeatMinutes: null, firstSessionTime: "02:00:00" });
    expect(describeSchedule([night], { timeZone: "America/New_York" })).toBe("Sat at 21:00 GMT-5");
  });

  it("describes explicit session times", () => {
    const setTimes = (sessionTimes: string[]): RaceTimeDescriptor => ({ repeating: false, superSession: true, sessionMinutes: null, sessionTimes });
    expect(describeSchedule([setTimes(["2026-03-07T18:00:00.000Z", "2026-03-08T18:00:00.000Z"])])).toBe("Sat and Sun at 18:00 UTC");
    expect(describeSchedule([setTimes(["2026-03-07T14:00:00.000Z", "2026-03-08T02:00:00.000Z", "2026-03-08T14:00:00.000Z"])])).toBe(
      "Sat 14:00, Sun 02:00 and Sun 14:00 UTC",
    );
    expect(describeSchedule([setTimes(["2026-03-07T18:00:00.000Z", "2026-03-21T18:00:00.000Z"])])).toBe("7 Mar and 21 Mar at 18:00 UTC");
    const many = Array.from({ length: 6 }, (_, i) => new Date(Date.UTC(2026, 2, 7, 4 * i)).toISOString());
    expect(describeSchedule([setTimes(many)])).toBe("6 set times, Sat 00:00 to Sat 20:00 UTC");
  });

  it("joins several descriptors and says so when there are none", () => {
    const special: RaceTimeDescriptor = { repeating: false, superSession: true, sessionMinutes: null, sessionTimes: ["2026-03-07T18:00:00.000Z"] };
    expect(describeSchedule([repeating({ repeatMinutes: 60 }), special])).toBe("every hour on the hour; Sat at 18:00 UTC");
    expect(describeSchedule([])).toBe("no session times");
  });
});
