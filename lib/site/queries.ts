import "server-only";
import { sql as rawSql } from "@/db";
import { sections, type SectionSlug } from "@/lib/ui/sections";
import { sectionFigures } from "./figures";

export interface SyncSummary {
  kind: string;
  status: string;
  endedAt: Date | null;
  startedAt: Date | null;
  progressDone: number;
  progressTotal: number | null;
}

export interface SectionOverview {
  slug: SectionSlug;
  name: string;
  blurb: string;
  figures: { label: string; value: number | string }[];
  lastSuccess: SyncSummary | null;
  running: SyncSummary | null;
  hasData: boolean;
  hasSync: boolean;
}

/** What the home page shows per section: real figures, the last successful sync and anything running now. */
export async function sectionOverviews(): Promise<SectionOverview[]> {
  const sql = rawSql();
  const runs = await sql<(SyncSummary & { domain: string; rank: number })[]>`
    select split_part(kind, '.', 1) as domain, kind, status, ended_at as "endedAt", started_at as "startedAt",
           progress_done as "progressDone", progress_total as "progressTotal"
    from (
      select distinct on (split_part(kind, '.', 1), status = 'running') *
      from sync_runs
      where status in ('succeeded', 'running')
      order by split_part(kind, '.', 1), status = 'running', coalesce(ended_at, started_at) desc
    ) latest`;
  return Promise.all(
    sections.map(async (section) => {
      const provider = sectionFigures[section.slug];
      const figures = provider ? await provider() : [];
      const mine = runs.filter((r) => r.domain === section.slug);
      return {
        ...section,
        figures,
        lastSuccess: mine.find((r) => r.status === "succeeded") ?? null,
        running: mine.find((r) => r.status === "running") ?? null,
        hasData: figures.some((f) => typeof f.value === "number" && f.value > 0),
        hasSync: provider !== undefined,
      };
    }),
  );
}
