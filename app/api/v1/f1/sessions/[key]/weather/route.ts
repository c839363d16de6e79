import { ApiError, handleEndpoint, handlePreflight } from "@/lib/api";
import { weatherEndpoint } from "@/lib/f1/api-contract";
import { sessionSummary, sessionWeather } from "@/lib/f1/queries";

export const GET = handleEndpoint(weatherEndpoint, async ({ params: { key } }) => {
  if (!(await sessionSummary(key))) throw new ApiError(404, "not_found", `No session ${key} is stored.`);
  return { sessionKey: key, data: await sessionWeather(key) };
});

export const OPTIONS = handlePreflight(weatherEndpoint);
