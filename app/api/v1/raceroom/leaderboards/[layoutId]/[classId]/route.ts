import { ApiError, decodeCursor, handleEndpoint, handlePreflight, toPage } from "@/lib/api";
import { leaderboardCursor, leaderboardEndpoint } from "@/lib/raceroom/api-contract";
import { leaderboardSlice } from "@/lib/raceroom/page-queries";

export const GET = handleEndpoint(leaderboardEndpoint, async ({ params: { layoutId, classId }, query: { limit, cursor, difficulty, carId } }) => {
  const from = decodeCursor(cursor, leaderboardCursor);
  const slice = await leaderboardSlice(layoutId, classId, { limit, afterPosition: from?.p, difficulty, carId });
  if (!slice) throw new ApiError(404, "not_found", `No live leaderboard for layout ${layoutId} and class ${classId}.`);
  if (from && from.g !== slice.generationId) {
    throw new ApiError(409, "stale_cursor", "The leaderboard was refreshed since this cursor was given out: read it again from the first page.");
  }
  const { entries, ...leaderboard } = slice;
  return { leaderboard, ...toPage(entries, limit, (last) => ({ g: slice.generationId, p: last.position }), (entry) => entry) };
});

export const OPTIONS = handlePreflight(leaderboardEndpoint);
