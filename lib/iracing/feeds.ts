import "server-only";
import { createHash } from "node:crypto";
import { sql } from "@/lib/db";
import { calendarFile, type CalendarSession } from "./calendar";
import { seasonSchedule, type SeasonSchedule } from "./read/season";
import { CURRENT_SEASONS } from "./read/series";
import { weekSessions } from "./recurrence";
import { weekTimes } from "./read/rows";

/** A feed lists at most this many sessions (an "every 30 minutes" season has thousands). */
const MAX_FEED_SESSIONS = 500;

export interface CalendarAnswer {
  etag: string;
  body: string;
}

const answer = (body: string): CalendarAnswer => ({ etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`, body });

function sessionsOf(schedule: SeasonSchedule, from: Date): CalendarSession[] {
  const sessions: CalendarSession[] = [];
  for (const week of schedule.weeks) {
    if (Date.parse(week.endsAt) <= from.getTime() && week.raceTimeDescriptors.every((descriptor) => descriptor.repeating)) continue;
    const times = weekTimes({
      season_id: schedule.seasonId,
      race_week_num: week.raceWeekNum,
      ends_at: week.endsAt,
      week_end_time: week.weekEndTime,
      race_time_descriptors: week.raceTimeDescriptors,
    });
    for (const session of weekSessions(times, from, new Date(Date.parse(week.endsAt) + 7 * 86_400_000))) {
      sessions.push({
        seasonId: schedule.seasonId,
        seriesName: schedule.seriesName,
        raceWeekNum: week.raceWeekNum,
        startsAt: session.startsAt,
        minutes: session.endsAt ? (session.endsAt.getTime() - session.startsAt.getTime()) / 60_000 : week.raceTimeLimitMinutes,
        trackName: week.trackName,
        configName: week.configName,
        superSession: session.superSession,
      });
    }
  }
  return sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).slice(0, MAX_FEED_SESSIONS);
}

/** The season's sessions from now on, or null for an unknown season. */
export async function seasonCalendar(seasonId: number, siteUrl: string, now = new Date()): Promise<CalendarAnswer | null> {
  const schedule = await seasonSchedule(seasonId, now);
  if (!schedule) return null;
  return answer(calendarFile(sessionsOf(schedule, now), { name: `${schedule.seriesName} · ${schedule.name}`, remindMinutes: null, seasonUrl: (id) => `${siteUrl}/iracing/seasons/${id}` }));
}

/** The series' current season as a feed, or null when the series has none. */
export async function seriesCalendar(seriesId: number, siteUrl: string, now = new Date()): Promise<CalendarAnswer | null> {
  const [current] = await sql()<{ season_id: number }[]>`select season_id from (${sql().unsafe(CURRENT_SEASONS)}) cur where series_id = ${seriesId}`;
  return current ? seasonCalendar(current.season_id, siteUrl, now) : null;
}

/** Pinned sessions ("<seasonId>-<epoch seconds>") that a schedule really has, with a reminder each. Unknown pins are left out. */
export async function planCalendar(pins: readonly string[], remindMinutes: number, siteUrl: string): Promise<CalendarAnswer> {
  const wanted = new Map<number, Set<number>>();
  for (const pin of pins) {
    const [season, seconds] = pin.split("-").map(Number) as [number, number];
    wanted.set(season, (wanted.get(season) ?? new Set()).add(seconds * 1000));
  }
  const sessions: CalendarSession[] = [];
  for (const [seasonId, starts] of wanted) {
    const schedule = await seasonSchedule(seasonId);
    if (!schedule) continue;
    const earliest = new Date(Math.min(...starts));
    sessions.push(...sessionsOf(schedule, earliest).filter((session) => starts.has(session.startsAt.getTime())));
  }
  sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return answer(calendarFile(sessions, { name: "My iRacing week", remindMinutes, seasonUrl: (id) => `${siteUrl}/iracing/seasons/${id}` }));
}
