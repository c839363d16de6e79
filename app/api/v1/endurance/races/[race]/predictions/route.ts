import { handleEndpoint, handlePreflight } from "@/lib/api";
import { predictionsEndpoint } from "@/lib/endurance/api-contract";
import { requireRace } from "@/lib/endurance/api-race";
import { predictions } from "@/lib/endurance/queries";

export const GET = handleEndpoint(predictionsEndpoint, async ({ params, query: { at } }) => predictions(await requireRace(params.race), at));
export const OPTIONS = handlePreflight(predictionsEndpoint);
