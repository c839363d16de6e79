import { handleEndpoint, handlePreflight } from "@/lib/api";
import { anomaliesEndpoint } from "@/lib/endurance/api-contract";
import { requireRace } from "@/lib/endurance/api-race";
import { anomalies } from "@/lib/endurance/queries";

export const GET = handleEndpoint(anomaliesEndpoint, async ({ params, query: { at } }) => ({ data: await anomalies(await requireRace(params.race), at) }));
export const OPTIONS = handlePreflight(anomaliesEndpoint);
