import { ApiError, handleEndpoint, handlePreflight } from "@/lib/api";
import { lapsEndpoint } from "@/lib/f1/api-contract";
import { sessionLaps, sessionSummary } from "@/lib/f1/queries";

export const GET = handleEndpoint(lapsEndpoint, async ({ params: { key }, query: { driver } }) => {
  if (!(await sessionSummary(key))) throw new ApiError(404, "not_found", `No session ${key} is stored.`);
  return { sessionKey: key, data: await sessionLaps(key, driver) };
});

export const OPTIONS = handlePreflight(lapsEndpoint);
