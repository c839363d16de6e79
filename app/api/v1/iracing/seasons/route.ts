import { ApiError, handleEndpoint, handlePreflight } from "@/lib/api";
import { seasonsEndpoint } from "@/lib/iracing/api-contract";
import { seriesDetail } from "@/lib/iracing/queries";

export const GET = handleEndpoint(seasonsEndpoint, async ({ query: { seriesId } }) => {
  const detail = await seriesDetail(seriesId);
  if (!detail) throw new ApiError(404, "not_found", `No iRacing series with id ${seriesId}.`);
  return { data: detail.seasons };
});

export const OPTIONS = handlePreflight(seasonsEndpoint);
