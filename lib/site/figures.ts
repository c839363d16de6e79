import { raceroomFigures } from "@/lib/raceroom/queries";
import type { SectionSlug } from "@/lib/ui/sections";

export type SectionFigure = { label: string; value: number | string };

/** Each section that stores data names its headline figures here (row counts read from Postgres). */
export const sectionFigures: Partial<Record<SectionSlug, () => Promise<SectionFigure[]>>> = {
  raceroom: raceroomFigures,
};
