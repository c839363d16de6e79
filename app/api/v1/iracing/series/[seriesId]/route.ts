import { ApiError, handleEndpoint, handlePreflight } from "@/lib/api";
import { seriesDetailEndpoint } from "@/lib/iracing/api-contract";
import { seriesDetail } from "@/lib/iracing/queries";

export const GET = handleEndpoint(seriesDetailEndpoint, async ({ params: { seriesId } }) => {
  const detail = await seriesDetail(seriesId);
  if (!detail) throw new ApiError(404, "not_found", `No iRacing series with id ${seriesId}.`);
  return detail;
});

export const OPTIONS = handlePreflight(seriesDetailEndpoint);
