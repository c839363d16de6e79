import { ApiError, handleEndpoint, handlePreflight } from "@/lib/api";
import { pitsEndpoint } from "@/lib/f1/api-contract";
import { sessionPits, sessionSummary } from "@/lib/f1/queries";

export const GET = handleEndpoint(pitsEndpoint, async ({ params: { key }, query: { driver } }) => {
  if (!(await sessionSummary(key))) throw new ApiError(404, "not_found", `No session ${key} is stored.`);
  return { sessionKey: key, data: await sessionPits(key, driver) };
});

export const OPTIONS = handlePreflight(pitsEndpoint);
