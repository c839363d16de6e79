import { ApiError, handleEndpoint } from "@/lib/api";
import { apiBaseUrl } from "@/lib/api/base-url";
import { triggerSyncEndpoint } from "@/lib/admin/api-contract";
import { findSyncKind, syncKinds } from "@/lib/jobs/kinds";
import { InvalidSyncParamsError, triggerSync } from "@/lib/jobs/trigger";

export const POST = handleEndpoint(triggerSyncEndpoint, async ({ params: { kind }, body, request }) => {
  if (!findSyncKind(kind)) {
    throw new ApiError(404, "not_found", `No sync kind "${kind}". Known kinds: ${syncKinds.map((k) => k.kind).join(", ")}.`);
  }
  try {
    const { syncRunId } = await triggerSync({ kind, trigger: "api", params: body?.params });
    const base = apiBaseUrl(request.headers, new URL(request.url).origin);
    return { syncRunId, kind, statusUrl: `${base}/api/v1/admin/sync-runs/${syncRunId}` };
  } catch (error) {
    if (!(error instanceof InvalidSyncParamsError)) throw error;
    const issues = error.issues.map((issue) => ({ path: ["body", "params", ...issue.path.map(String)].join("."), message: issue.message }));
    throw new ApiError(400, "invalid_request", error.message, { issues });
  }
});
