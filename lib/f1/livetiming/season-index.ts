import { z } from "zod";
import type { Meeting, Session } from "@/lib/f1/records";
import { localToUtc } from "./fields";

const place = z.object({ Key: z.number().int(), Code: z.string().optional(), Name: z.string().optional() });

const indexSession = z.object({
  Key: z.number().int(),
  Type: z.string(),
  Name: z.string(),
  StartDate: z.string(),
  EndDate: z.string().optional(),
  GmtOffset: z.string(),
  /** Missing for sessions not run (yet). */
  Path: z.string().optional(),
});

const indexMeeting = z.object({
  Key: z.number().int(),
  Name: z.string(),
  OfficialName: z.string().optional(),
  Location: z.string().optional(),
  Country: place.optional(),
  Circuit: z.object({ Key: z.number().int(), ShortName: z.string().optional() }).optional(),
  Sessions: z.array(z.unknown()),
});

/** `static/<year>/Index.json`: the season's meetings and their sessions, with each session's archive path. */
export const seasonIndex = z.object({ Year: z.number().int(), Meetings: z.array(indexMeeting) });
export type SeasonIndex = z.infer<typeof seasonIndex>;

export interface ArchivedSession {
  session: Session;
  /** The session's folder under `static/`, e.g. "2020/2020-08-09_70th_Anniversary_Grand_Prix/2020-08-07_Practice_2/". */
  path: string | null;
}

export interface SeasonSchedule {
  meetings: Meeting[];
  sessions: ArchivedSession[];
  /** Sessions of the index that could not be read: skipped. */
  malformed: number;
}

/** The season index as Pitwall's meetings and sessions (a meeting runs from its first session to its last). */
export function readSeasonIndex(index: SeasonIndex): SeasonSchedule {
  const schedule: SeasonSchedule = { meetings: [], sessions: [], malformed: 0 };
  for (const meeting of index.Meetings) {
    const sessions: ArchivedSession[] = [];
    for (const raw of meeting.Sessions) {
      const parsed = indexSession.safeParse(raw);
      const startsAt = parsed.success ? localToUtc(parsed.data.StartDate, parsed.data.GmtOffset) : null;
      if (!parsed.success || startsAt === null) {
        schedule.malformed += 1;
        continue;
      }
      const entry = parsed.data;
      sessions.push({
        path: entry.Path ?? null,
        session: {
          kind: "session",
          sessionKey: entry.Key,
          meetingKey: meeting.Key,
          name: entry.Name,
          type: entry.Type,
          startsAt,
          endsAt: localToUtc(entry.EndDate, entry.GmtOffset),
          year: index.Year,
          gmtOffset: entry.GmtOffset,
          location: meeting.Location ?? null,
          countryCode: meeting.Country?.Code ?? null,
          countryName: meeting.Country?.Name ?? null,
          circuitKey: meeting.Circuit?.Key ?? null,
          circuitShortName: meeting.Circuit?.ShortName ?? null,
          cancelled: false,
        },
      });
    }
    const first = sessions[0]?.session;
    if (!first) continue;
    const ends = sessions.map(({ session }) => session.endsAt?.getTime() ?? session.startsAt.getTime());
    schedule.meetings.push({
      kind: "meeting",
      meetingKey: meeting.Key,
      name: meeting.Name,
      officialName: meeting.OfficialName ?? null,
      year: index.Year,
      startsAt: new Date(Math.min(...sessions.map(({ session }) => session.startsAt.getTime()))),
      endsAt: new Date(Math.max(...ends)),
      gmtOffset: first.gmtOffset,
      location: meeting.Location ?? null,
      countryCode: meeting.Country?.Code ?? null,
      countryName: meeting.Country?.Name ?? null,
      circuitKey: meeting.Circuit?.Key ?? null,
      circuitShortName: meeting.Circuit?.ShortName ?? null,
      circuitType: null,
      cancelled: false,
    });
    schedule.sessions.push(...sessions);
  }
  return schedule;
}
