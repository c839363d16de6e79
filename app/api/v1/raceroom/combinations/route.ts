import { decodeCursor, handleEndpoint, handlePreflight, toPage } from "@/lib/api";
import { combinationsCursor, combinationsEndpoint } from "@/lib/raceroom/api-contract";
import { topCombinations } from "@/lib/raceroom/queries";

export const GET = handleEndpoint(combinationsEndpoint, async ({ query: { limit, cursor, trackId, classId } }) => {
  const offset = decodeCursor(cursor, combinationsCursor)?.o ?? 0;
  const { combinations } = await topCombinations({ trackId, classId, limit: limit + 1, offset });
  return toPage(combinations, limit, () => ({ o: offset + limit }), (combination) => combination);
});

export const OPTIONS = handlePreflight(combinationsEndpoint);
