import { handleEndpoint, handlePreflight } from "@/lib/api";
import { flagsEndpoint } from "@/lib/endurance/api-contract";
import { requireRace } from "@/lib/endurance/api-race";
import { flagTimeline } from "@/lib/endurance/queries";

export const GET = handleEndpoint(flagsEndpoint, async ({ params, query: { at } }) => {
  const race = await requireRace(params.race);
  return { data: await flagTimeline(race.id, at) };
});
export const OPTIONS = handlePreflight(flagsEndpoint);
