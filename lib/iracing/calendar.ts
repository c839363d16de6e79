import ical, { ICalAlarmType } from "ical-generator";

// iCalendar files (RFC 5545) of iRacing sessions, made by ical-generator: one event per session, with a stable UID per
// season and start so that a calendar app updates rather than duplicates on each refresh of the feed.

export interface CalendarSession {
  seasonId: number;
  seriesName: string;
  raceWeekNum: number;
  startsAt: Date;
  /** The session's length when known; otherwise the race's time limit, or an hour. */
  minutes: number | null;
  trackName: string;
  configName: string | null;
  superSession?: boolean;
}

export interface CalendarOptions {
  name: string;
  /** Minutes before each session a reminder fires; none when null. */
  remindMinutes: number | null;
  /** Absolute URL of the season page, for each event's link. */
  seasonUrl: (seasonId: number) => string;
}

const DEFAULT_MINUTES = 60;

export const sessionUid = (seasonId: number, startsAt: Date) => `iracing-${seasonId}-${Math.floor(startsAt.getTime() / 1000)}@pitwall`;

export function calendarFile(sessions: readonly CalendarSession[], options: CalendarOptions): string {
  const calendar = ical({ name: options.name, prodId: { company: "Pitwall", product: "iRacing sessions", language: "EN" }, ttl: 3600 });
  for (const session of sessions) {
    const track = session.configName ? `${session.trackName} – ${session.configName}` : session.trackName;
    const event = calendar.createEvent({
      id: sessionUid(session.seasonId, session.startsAt),
      start: session.startsAt,
      end: new Date(session.startsAt.getTime() + (session.minutes ?? DEFAULT_MINUTES) * 60_000),
      summary: `${session.seriesName}${session.superSession ? " (super session)" : ""}`,
      location: track,
      description: `Week ${session.raceWeekNum + 1} at ${track}`,
      url: options.seasonUrl(session.seasonId),
    });
    if (options.remindMinutes !== null) event.createAlarm({ type: ICalAlarmType.display, trigger: options.remindMinutes * 60, description: `${session.seriesName} starts soon` });
  }
  return calendar.toString();
}

export const CALENDAR_TYPE = "text/calendar; charset=utf-8";
