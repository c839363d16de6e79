import { ApiError, handleEndpoint, handlePreflight } from "@/lib/api";
import { leaderboardEndpoint } from "@/lib/endurance/api-contract";
import { raceLeaderboard } from "@/lib/endurance/queries";

export const GET = handleEndpoint(leaderboardEndpoint, async ({ params: { race }, query: { at } }) => {
  const answer = await raceLeaderboard(race, at);
  if (!answer) throw new ApiError(404, "not_found", `No endurance race "${race}".`);
  return answer;
});
export const OPTIONS = handlePreflight(leaderboardEndpoint);
