import { handlePreflight, handleStreamingEndpoint } from "@/lib/api";
import { liveEndpoint } from "@/lib/f1/api-contract";
import { liveAnswer } from "@/lib/f1/live-cache";

// The launcher answers GET /api/v1/f1/live before Next (lib/f1/live-cache.ts serveLive); this handler serves the same
// answer from the same memory where no launcher runs, with the API's conventions.
export const GET = handleStreamingEndpoint(liveEndpoint, async () => {
  const answer = await liveAnswer();
  return { etag: answer.etag, body: () => answer.body.toString("utf8") };
});

export const OPTIONS = handlePreflight(liveEndpoint);
