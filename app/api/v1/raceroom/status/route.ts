import { handleEndpoint, handlePreflight } from "@/lib/api";
import { statusEndpoint } from "@/lib/raceroom/api-contract";
import { refreshStatus } from "@/lib/raceroom/queries";

export const GET = handleEndpoint(statusEndpoint, () => refreshStatus());

export const OPTIONS = handlePreflight(statusEndpoint);
