import type { AnyEndpoint } from "./endpoint";
import { raceroomEndpoints } from "@/lib/raceroom/api-contract";
import { adminEndpoints } from "@/lib/admin/api-contract";
import { platformEndpoints } from "./platform-contract";

export interface ApiTag {
  name: string;
  description: string;
}

/** The groups of the API, in the order the docs show them. A domain adds its tag here with its endpoints. */
export const apiTags: ApiTag[] = [
  { name: "Platform", description: "Sections, sync runs, and this API's own description." },
  { name: "RaceRoom", description: "RaceRoom leaderboards: driver search, driver results, boards, top combinations, refresh status." },
  { name: "RaceRoom exports", description: "The three files of the original RaceRoom cache generator, in their original shapes." },
  { name: "Admin", description: "For operators' scripts: start a sync and follow its run. Needs the admin API token." },
];

/** Every endpoint of /api/v1, each defined in `lib/<domain>/api-contract.ts`: the OpenAPI document and /docs/api list these. */
export const apiEndpoints: AnyEndpoint[] = [...platformEndpoints, ...raceroomEndpoints, ...adminEndpoints];
