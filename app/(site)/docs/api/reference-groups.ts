import { openApiDocument } from "@/lib/api/openapi";
import { apiReference, type ReferenceGroup } from "@/lib/api/reference";
import { ORIGIN } from "./origin-marker";

export interface DocsGroup extends ReferenceGroup {
  /** Its page: /docs/api/<slug>. */
  slug: string;
}

/** The API document in groups, each its own page: the whole reference on one page was 700 KB of HTML. */
export function docsGroups(): { version: string; groups: DocsGroup[] } {
  const document = openApiDocument({ serverUrl: ORIGIN });
  const groups = apiReference(document, ORIGIN).map((group) => ({ ...group, slug: group.tag.toLowerCase().replace(/[^a-z0-9]+/g, "-") }));
  return { version: document.info.version, groups };
}

export const operationHref = (group: DocsGroup, operationId: string) => `/docs/api/${group.slug}#${operationId}`;
