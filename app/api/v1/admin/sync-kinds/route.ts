import { z } from "zod";
import { handleEndpoint } from "@/lib/api";
import { syncKindsEndpoint } from "@/lib/admin/api-contract";
import { syncKinds } from "@/lib/jobs/kinds";

export const GET = handleEndpoint(syncKindsEndpoint, () => ({
  data: syncKinds.map((kind) => ({
    kind: kind.kind,
    label: kind.label,
    description: kind.description,
    params: z.toJSONSchema(kind.params, { io: "input" }) as Record<string, unknown>,
  })),
}));
