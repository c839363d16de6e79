import { ApiError, handleEndpoint, handlePreflight } from "@/lib/api";
import { raceControlEndpoint } from "@/lib/f1/api-contract";
import { sessionRaceControl, sessionSummary } from "@/lib/f1/queries";

export const GET = handleEndpoint(raceControlEndpoint, async ({ params: { key }, query: { driver } }) => {
  if (!(await sessionSummary(key))) throw new ApiError(404, "not_found", `No session ${key} is stored.`);
  return { sessionKey: key, data: await sessionRaceControl(key, driver) };
});

export const OPTIONS = handlePreflight(raceControlEndpoint);
