import { handleEndpoint, handlePreflight } from "@/lib/api";
import { seriesListEndpoint } from "@/lib/iracing/api-contract";
import { seriesCatalogue } from "@/lib/iracing/queries";

export const GET = handleEndpoint(seriesListEndpoint, async ({ query }) => ({ data: await seriesCatalogue(query) }));

export const OPTIONS = handlePreflight(seriesListEndpoint);
