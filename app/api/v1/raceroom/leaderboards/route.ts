import { decodeCursor, handleEndpoint, handlePreflight, toPage } from "@/lib/api";
import { topLeaderboardsCursor, topLeaderboardsEndpoint } from "@/lib/raceroom/api-contract";
import { topLeaderboards } from "@/lib/raceroom/queries";

export const GET = handleEndpoint(topLeaderboardsEndpoint, async ({ query: { limit, cursor, trackId, classId } }) => {
  const offset = decodeCursor(cursor, topLeaderboardsCursor)?.o ?? 0;
  const { leaderboards } = await topLeaderboards({ trackId, classId, limit: limit + 1, offset });
  return toPage(leaderboards, limit, () => ({ o: offset + limit }), (leaderboard) => leaderboard);
});

export const OPTIONS = handlePreflight(topLeaderboardsEndpoint);
