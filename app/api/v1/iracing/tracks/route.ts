import { handleEndpoint, handlePreflight } from "@/lib/api";
import { tracksEndpoint } from "@/lib/iracing/api-contract";
import { tracks } from "@/lib/iracing/queries";

export const GET = handleEndpoint(tracksEndpoint, async () => ({ data: await tracks() }));

export const OPTIONS = handlePreflight(tracksEndpoint);
