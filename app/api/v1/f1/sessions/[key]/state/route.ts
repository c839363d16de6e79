import { ApiError, handleEndpoint, handlePreflight } from "@/lib/api";
import { stateEndpoint } from "@/lib/f1/api-contract";
import { stateAt } from "@/lib/f1/queries";

export const GET = handleEndpoint(stateEndpoint, async ({ params: { key }, query }) => {
  const state = await stateAt(key, query);
  if (!state) throw new ApiError(404, "not_found", `No session ${key} is stored.`);
  return state;
});

export const OPTIONS = handlePreflight(stateEndpoint);
