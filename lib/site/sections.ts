import { domains } from "@/lib/domains";

/** The racing sections of the site, in header order: one per domain. */
export const sections = domains.map(({ slug, name, blurb }) => ({ slug, name, blurb }));

export type Section = (typeof sections)[number];
