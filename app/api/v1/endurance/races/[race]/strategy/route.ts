import { handleEndpoint, handlePreflight } from "@/lib/api";
import { strategyEndpoint } from "@/lib/endurance/api-contract";
import { requireRace } from "@/lib/endurance/api-race";
import { strategy } from "@/lib/endurance/queries";

export const GET = handleEndpoint(strategyEndpoint, async ({ params, query: { at } }) => ({ data: await strategy(await requireRace(params.race), at) }));
export const OPTIONS = handlePreflight(strategyEndpoint);
