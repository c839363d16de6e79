import { ApiError, handleEndpoint, handlePreflight } from "@/lib/api";
import { trackEndpoint } from "@/lib/f1/api-contract";
import { trackOutline } from "@/lib/f1/queries";

export const GET = handleEndpoint(trackEndpoint, async ({ params: { key } }) => {
  const outline = await trackOutline(key);
  if (!outline) throw new ApiError(404, "not_found", `No session ${key} is stored.`);
  return { sessionKey: key, outline };
});

export const OPTIONS = handlePreflight(trackEndpoint);
