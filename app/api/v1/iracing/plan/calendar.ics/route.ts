import { handlePreflight, handleStreamingEndpoint } from "@/lib/api";
import { apiBaseUrl } from "@/lib/api/base-url";
import { planCalendarEndpoint } from "@/lib/iracing/api-contract";
import { CALENDAR_TYPE } from "@/lib/iracing/calendar";
import { planCalendar } from "@/lib/iracing/feeds";

export const GET = handleStreamingEndpoint(planCalendarEndpoint, async ({ query: { s, remind }, request }) => {
  const feed = await planCalendar(s, remind, apiBaseUrl(request.headers, new URL(request.url).origin));
  return { etag: feed.etag, body: () => feed.body, contentType: CALENDAR_TYPE };
});

export const OPTIONS = handlePreflight(planCalendarEndpoint);
