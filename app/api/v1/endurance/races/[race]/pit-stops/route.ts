import { handleEndpoint, handlePreflight } from "@/lib/api";
import { pitStopsEndpoint } from "@/lib/endurance/api-contract";
import { requireRace } from "@/lib/endurance/api-race";
import { raceAnalysis } from "@/lib/endurance/queries";

export const GET = handleEndpoint(pitStopsEndpoint, async ({ params, query: { at } }) => {
  const race = await requireRace(params.race);
  return { data: (await raceAnalysis(race.id, at)).stops };
});
export const OPTIONS = handlePreflight(pitStopsEndpoint);
