import { ApiError, handleEndpoint, handlePreflight } from "@/lib/api";
import { seasonScheduleEndpoint } from "@/lib/iracing/api-contract";
import { describeSchedule } from "@/lib/iracing/recurrence";
import { seasonSchedule, weekStarts } from "@/lib/iracing/queries";

export const GET = handleEndpoint(seasonScheduleEndpoint, async ({ params: { seasonId } }) => {
  const schedule = await seasonSchedule(seasonId);
  if (!schedule) throw new ApiError(404, "not_found", `No iRacing season with id ${seasonId}.`);
  return {
    ...schedule,
    weeks: schedule.weeks.map((week) => ({
      ...week,
      schedule: describeSchedule(week.raceTimeDescriptors),
      sessions: weekStarts(week, seasonId).map((start) => start.toISOString()),
    })),
  };
});

export const OPTIONS = handlePreflight(seasonScheduleEndpoint);
