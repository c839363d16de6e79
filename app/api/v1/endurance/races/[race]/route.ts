import { ApiError, handleEndpoint, handlePreflight } from "@/lib/api";
import { raceEndpoint } from "@/lib/endurance/api-contract";
import { raceSummary } from "@/lib/endurance/queries";

export const GET = handleEndpoint(raceEndpoint, async ({ params: { race } }) => {
  const summary = await raceSummary(race);
  if (!summary) throw new ApiError(404, "not_found", `No endurance race "${race}".`);
  const { id: _id, ...shown } = summary;
  return shown;
});
export const OPTIONS = handlePreflight(raceEndpoint);
