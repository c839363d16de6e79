import { ApiError, handleEndpoint, handlePreflight } from "@/lib/api";
import { driverEndpoint } from "@/lib/raceroom/api-contract";
import { driverDetail } from "@/lib/raceroom/queries";

export const GET = handleEndpoint(driverEndpoint, async ({ params: { driverId } }) => {
  const detail = await driverDetail(driverId);
  if (!detail) throw new ApiError(404, "not_found", `No RaceRoom driver with id ${driverId}.`);
  return detail;
});

export const OPTIONS = handlePreflight(driverEndpoint);
