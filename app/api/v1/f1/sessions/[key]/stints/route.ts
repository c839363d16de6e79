import { ApiError, handleEndpoint, handlePreflight } from "@/lib/api";
import { stintsEndpoint } from "@/lib/f1/api-contract";
import { sessionStints, sessionSummary } from "@/lib/f1/queries";

export const GET = handleEndpoint(stintsEndpoint, async ({ params: { key }, query: { driver } }) => {
  if (!(await sessionSummary(key))) throw new ApiError(404, "not_found", `No session ${key} is stored.`);
  return { sessionKey: key, data: await sessionStints(key, driver) };
});

export const OPTIONS = handlePreflight(stintsEndpoint);
