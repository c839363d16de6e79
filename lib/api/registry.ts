import { adminEndpoints } from "@/lib/admin/api-contract";
import { domains } from "@/lib/domains";
import type { AnyEndpoint, ApiTag } from "./endpoint";
import { platformEndpoints } from "./platform-contract";

/** The groups of the API, in the order the docs show them: the platform's, each domain's, then the admin's. */
export const apiTags: ApiTag[] = [
  { name: "Platform", description: "Sections, sync runs, and this API's own description." },
  ...domains.flatMap((domain) => domain.api.tags),
  { name: "Admin", description: "For operators' scripts: start a sync and follow its run. Needs the admin API token." },
];

/** Every endpoint of /api/v1: the OpenAPI document and /docs/api list these. */
export const apiEndpoints: AnyEndpoint[] = [...platformEndpoints, ...domains.flatMap((domain) => domain.api.endpoints), ...adminEndpoints];
