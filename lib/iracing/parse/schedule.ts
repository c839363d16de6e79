import type { z } from "zod";
import { seasonScheduleBodySchema } from "../api-schemas";
import type { RaceWeek, Rejected, TrackRef } from "../records";
import { scheduleEntrySchema, trackRefSchema } from "../schemas/schedule";
import { DAY_MS, parseDay, startOfUtcDay } from "../time";
import { collect, envelope, orNull, textOrNull } from "./collect";
import { carRestrictions, raceTimeDescriptors, raceWeekCars, weather } from "./race-week-parts";

export function trackRef(track: z.output<typeof trackRefSchema>): TrackRef {
  return {
    trackId: track.track_id,
    trackName: track.track_name,
    configName: textOrNull(track.config_name),
    category: textOrNull(track.category),
    categoryId: orNull(track.category_id),
  };
}

type Week = Omit<RaceWeek, "endsAt">;

/**
 * The race weeks of schedule entries (of one season, or of several). Each entry is validated on its own; inside it,
 * descriptors, restrictions and cars are too. A week repeated within a season is rejected.
 */
export function parseRaceWeeks(schedules: readonly unknown[] | null | undefined, rejected: Rejected[], where = ""): RaceWeek[] {
  const seen = new Set<string>();
  const weeks = collect(
    schedules,
    scheduleEntrySchema,
    (entry, index): Week | string => {
      const key = `${entry.season_id}:${entry.race_week_num}`;
      if (seen.has(key)) return `race week ${entry.race_week_num} of season ${entry.season_id} is listed twice`;
      const startsAt = parseDay(entry.start_date);
      if (!startsAt) return `start_date ${entry.start_date} is not a day`;
      const weekEndTime = orNull(entry.week_end_time);
      if (weekEndTime && weekEndTime < startsAt) return `week_end_time ${weekEndTime.toISOString()} is before start_date ${entry.start_date}`;
      seen.add(key);
      const week = { seasonId: entry.season_id, raceWeekNum: entry.race_week_num };
      const at = `season ${entry.season_id}, race week ${entry.race_week_num}, `;
      return {
        ...week,
        seriesId: orNull(entry.series_id),
        scheduleName: textOrNull(entry.schedule_name),
        startDate: entry.start_date,
        startsAt,
        weekEndTime,
        track: trackRef(entry.track),
        category: textOrNull(entry.category),
        categoryId: orNull(entry.category_id),
        raceLapLimit: orNull(entry.race_lap_limit),
        raceTimeLimitMinutes: orNull(entry.race_time_limit),
        practiceMinutes: orNull(entry.practice_length),
        qualifyMinutes: orNull(entry.qualify_length),
        qualifyLaps: orNull(entry.qualify_laps),
        warmupMinutes: orNull(entry.warmup_length),
        qualifyingAttached: orNull(entry.qual_attached),
        startType: textOrNull(entry.start_type),
        restartType: textOrNull(entry.restart_type),
        fullCourseCautions: orNull(entry.full_course_cautions),
        specialEventType: orNull(entry.special_event_type),
        raceTimeDescriptors: raceTimeDescriptors(entry.race_time_descriptors, rejected, at),
        carRestrictions: carRestrictions(entry.car_restrictions, week, rejected, at),
        cars: raceWeekCars(entry.race_week_cars, week, rejected, at),
        carClassIds: [...new Set(entry.race_week_car_class_ids ?? [])],
        weather: weather(entry.weather, rejected, at, index),
      };
    },
    rejected,
    where,
  );
  return withEnds(weeks);
}

/**
 * Each week's exclusive end: the next week's start when the weeks follow on (no gap past this week's last day);
 * otherwise midnight after its `week_end_time`, or 7 days after its start in older payloads without one. Off weeks
 * are not in the API, so a gap never belongs to the week before it.
 */
function withEnds(weeks: Week[]): RaceWeek[] {
  const ordered = [...weeks].sort((a, b) => a.seasonId - b.seasonId || a.raceWeekNum - b.raceWeekNum);
  return ordered.map((week, position) => {
    const sevenDays = week.startsAt.getTime() + 7 * DAY_MS;
    const lastDayEnd = week.weekEndTime ? startOfUtcDay(week.weekEndTime).getTime() + DAY_MS : sevenDays;
    const next = ordered.slice(position + 1).find((later) => later.seasonId === week.seasonId && later.startsAt > week.startsAt);
    const followsOn = next !== undefined && next.startsAt.getTime() <= Math.max(lastDayEnd, sevenDays);
    return { ...week, endsAt: followsOn ? next.startsAt : new Date(lastDayEnd) };
  });
}

/** `series/season_schedule?season_id=`. */
export function parseSeasonSchedule(body: unknown): { seasonId: number; raceWeeks: RaceWeek[]; rejected: Rejected[] } {
  const { season_id: seasonId, schedules } = envelope(seasonScheduleBodySchema, body, "series/season_schedule");
  const rejected: Rejected[] = [];
  return { seasonId, raceWeeks: parseRaceWeeks(schedules, rejected), rejected };
}
