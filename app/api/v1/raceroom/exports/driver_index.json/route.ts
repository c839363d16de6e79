import { handlePreflight, handleStreamingEndpoint } from "@/lib/api";
import { driverIndexFileEndpoint } from "@/lib/raceroom/api-contract";
import { driverIndexGeneration, driverIndexJson } from "@/lib/raceroom/exports";

// The one endpoint whose body is too big to build in memory: streamed, with the file's generation as its validator
// (it only changes when a refresh goes live).
export const GET = handleStreamingEndpoint(driverIndexFileEndpoint, async () => {
  const generationId = await driverIndexGeneration();
  return {
    etag: `"generation-${generationId ?? "none"}"`,
    body: () => (generationId === null ? "{}" : driverIndexJson(generationId)),
  };
});

export const OPTIONS = handlePreflight(driverIndexFileEndpoint);
