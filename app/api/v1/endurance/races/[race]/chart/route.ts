import { handleEndpoint, handlePreflight } from "@/lib/api";
import { lapChartEndpoint } from "@/lib/endurance/api-contract";
import { requireRace } from "@/lib/endurance/api-race";
import { lapChart } from "@/lib/endurance/queries";

export const GET = handleEndpoint(lapChartEndpoint, async ({ params, query: { cars, at } }) => {
  const race = await requireRace(params.race);
  return { data: await lapChart(race.id, cars.split(","), at) };
});
export const OPTIONS = handlePreflight(lapChartEndpoint);
