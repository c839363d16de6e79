import { handleEndpoint, handlePreflight } from "@/lib/api";
import { driveTimeEndpoint } from "@/lib/endurance/api-contract";
import { requireRace } from "@/lib/endurance/api-race";
import { raceAnalysis } from "@/lib/endurance/queries";

export const GET = handleEndpoint(driveTimeEndpoint, async ({ params, query: { at } }) => {
  const race = await requireRace(params.race);
  return { data: (await raceAnalysis(race.id, at)).driveTime };
});
export const OPTIONS = handlePreflight(driveTimeEndpoint);
