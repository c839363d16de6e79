import { handleEndpoint, handlePreflight } from "@/lib/api";
import { statusFileEndpoint } from "@/lib/raceroom/api-contract";
import { statusExport } from "@/lib/raceroom/exports";

export const GET = handleEndpoint(statusFileEndpoint, () => statusExport());

export const OPTIONS = handlePreflight(statusFileEndpoint);
