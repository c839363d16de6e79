import { ApiError, handleEndpoint, handlePreflight } from "@/lib/api";
import { leaderboardEndpoint } from "@/lib/endurance/api-contract";
import { leaderboard, raceSummary } from "@/lib/endurance/queries";

export const GET = handleEndpoint(leaderboardEndpoint, async ({ params: { race }, query: { at } }) => {
  const summary = await raceSummary(race);
  if (!summary) throw new ApiError(404, "not_found", `No endurance race "${race}".`);
  const { id, ...shown } = summary;
  const board = await leaderboard({ id, raceTimeMs: summary.raceTimeMs }, at);
  return { race: shown, ...board };
});
export const OPTIONS = handlePreflight(leaderboardEndpoint);
