import { iracing } from "@/lib/iracing/domain";
import { endurance } from "@/lib/endurance/domain";
import { f1 } from "@/lib/f1/domain";
import { raceroom } from "@/lib/raceroom/domain";
import type { DomainManifest } from "./manifest";

/**
 * Pitwall's domains, in the order of the site's header: the only shared place that names them. The API document,
 * the home page, the section nav, boot, the sync kinds, the served jobs, the environment check and the simulator all
 * iterate this list. Adding a domain: its own folders plus one line here (README, "Adding a domain").
 */
export const domains: readonly DomainManifest[] = [raceroom, iracing, endurance, f1];

export type { DomainManifest, FastRoute, SectionFigure } from "./manifest";
