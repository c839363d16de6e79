import { raceGuideBodySchema } from "../api-schemas";
import type { RaceGuide, RaceGuideSession, Rejected } from "../records";
import { raceGuideSessionSchema } from "../schemas/race-guide";
import { collect, envelope, orNull } from "./collect";

/** `season/race_guide`: the sessions of the next few hours with their entry counts. */
export function parseRaceGuide(body: unknown): RaceGuide {
  const guide = envelope(raceGuideBodySchema, body, "season/race_guide");
  const rejected: Rejected[] = [];
  const sessions = collect(
    guide.sessions,
    raceGuideSessionSchema,
    (raw): RaceGuideSession | string => {
      const endsAt = orNull(raw.end_time);
      if (endsAt && endsAt < raw.start_time) return `session ${raw.session_id ?? "?"} ends before it starts`;
      return {
        seasonId: raw.season_id,
        seriesId: raw.series_id,
        raceWeekNum: raw.race_week_num,
        sessionId: orNull(raw.session_id),
        startsAt: raw.start_time,
        endsAt,
        entryCount: raw.entry_count,
        superSession: raw.super_session ?? false,
      };
    },
    rejected,
  );
  return { blockBegin: orNull(guide.block_begin_time), blockEnd: orNull(guide.block_end_time), sessions, rejected };
}
