import { handleEndpoint, handlePreflight } from "@/lib/api";
import { searchDriversEndpoint } from "@/lib/raceroom/api-contract";
import { searchDrivers } from "@/lib/raceroom/queries";

export const GET = handleEndpoint(searchDriversEndpoint, async ({ query: { q, limit } }) => {
  const { query, hits } = await searchDrivers(q, { limit });
  return { query, data: hits };
});

export const OPTIONS = handlePreflight(searchDriversEndpoint);
