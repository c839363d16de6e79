import { ApiError, handlePreflight, handleStreamingEndpoint } from "@/lib/api";
import { apiBaseUrl } from "@/lib/api/base-url";
import { seriesCalendarEndpoint } from "@/lib/iracing/api-contract";
import { CALENDAR_TYPE } from "@/lib/iracing/calendar";
import { seriesCalendar } from "@/lib/iracing/feeds";

export const GET = handleStreamingEndpoint(seriesCalendarEndpoint, async ({ params: { seriesId }, request }) => {
  const feed = await seriesCalendar(seriesId, apiBaseUrl(request.headers, new URL(request.url).origin));
  if (!feed) throw new ApiError(404, "not_found", `No current season of iRacing series ${seriesId}.`);
  return { etag: feed.etag, body: () => feed.body, contentType: CALENDAR_TYPE };
});

export const OPTIONS = handlePreflight(seriesCalendarEndpoint);
