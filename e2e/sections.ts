import type { APIRequestContext } from "@playwright/test";

export interface SectionInfo {
  slug: string;
  name: string;
  hasData: boolean;
}

/** The site's sections as the app lists them (one per domain), so shell tests follow the domain list. */
export async function sectionsOf(request: APIRequestContext): Promise<SectionInfo[]> {
  const response = await request.get("/api/v1/status");
  return ((await response.json()) as { sections: SectionInfo[] }).sections;
}
