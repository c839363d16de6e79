import { ApiError, handlePreflight, handleStreamingEndpoint } from "@/lib/api";
import { apiBaseUrl } from "@/lib/api/base-url";
import { seasonCalendarEndpoint } from "@/lib/iracing/api-contract";
import { CALENDAR_TYPE } from "@/lib/iracing/calendar";
import { seasonCalendar } from "@/lib/iracing/feeds";

export const GET = handleStreamingEndpoint(seasonCalendarEndpoint, async ({ params: { seasonId }, request }) => {
  const feed = await seasonCalendar(seasonId, apiBaseUrl(request.headers, new URL(request.url).origin));
  if (!feed) throw new ApiError(404, "not_found", `No iRacing season with id ${seasonId}.`);
  return { etag: feed.etag, body: () => feed.body, contentType: CALENDAR_TYPE };
});

export const OPTIONS = handlePreflight(seasonCalendarEndpoint);
