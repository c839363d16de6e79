import type { AnyEndpoint } from "./endpoint";
import { platformEndpoints } from "./platform-contract";

export interface ApiTag {
  name: string;
  description: string;
}

/** The groups of the API, in the order the docs show them. A domain adds its tag here with its endpoints. */
export const apiTags: ApiTag[] = [{ name: "Platform", description: "Sections, sync runs, and this API's own description." }];

/** Every endpoint of /api/v1, each defined in `lib/<domain>/api-contract.ts`: the OpenAPI document and /docs/api list these. */
export const apiEndpoints: AnyEndpoint[] = [...platformEndpoints];
