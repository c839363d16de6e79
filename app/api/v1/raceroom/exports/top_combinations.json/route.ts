import { handleEndpoint, handlePreflight } from "@/lib/api";
import { topCombinationsFileEndpoint } from "@/lib/raceroom/api-contract";
import { topCombinationsExport } from "@/lib/raceroom/exports";

export const GET = handleEndpoint(topCombinationsFileEndpoint, () => topCombinationsExport());

export const OPTIONS = handlePreflight(topCombinationsFileEndpoint);
