import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { syncRuns } from "@/db/schema/platform";
import { db, sql as rawSql } from "@/lib/db";
import { domains, type SectionFigure } from "@/lib/domains";

type SyncRun = typeof syncRuns.$inferSelect;

export interface SyncSummary {
  kind: string;
  status: SyncRun["status"];
  endedAt: Date | null;
  startedAt: Date | null;
  progressDone: number;
  progressTotal: number | null;
}

export interface SectionOverview {
  slug: string;
  name: string;
  blurb: string;
  figures: SectionFigure[];
  lastSuccess: SyncSummary | null;
  running: SyncSummary | null;
  hasData: boolean;
}

/** What the home page shows per section: real figures, the last successful sync and anything running now. */
export async function sectionOverviews(): Promise<SectionOverview[]> {
  // Drizzle makes the shared postgres.js client return timestamps as text, so they are turned into Dates here.
  const rows = await rawSql()<(Omit<SyncSummary, "endedAt" | "startedAt"> & { domain: string; endedAt: string | null; startedAt: string | null })[]>`
    select split_part(kind, '.', 1) as domain, kind, status, ended_at as "endedAt", started_at as "startedAt",
           progress_done as "progressDone", progress_total as "progressTotal"
    from (
      select distinct on (split_part(kind, '.', 1), status = 'running') *
      from sync_runs
      where status in ('succeeded', 'running')
      order by split_part(kind, '.', 1), status = 'running', coalesce(ended_at, started_at) desc
    ) latest`;
  const runs = rows.map((r) => ({ ...r, endedAt: r.endedAt ? new Date(r.endedAt) : null, startedAt: r.startedAt ? new Date(r.startedAt) : null }));
  return Promise.all(
    domains.map(async ({ slug, name, blurb, figures: read }) => {
      const figures = await read();
      const mine = runs.filter((r) => r.domain === slug);
      return {
        slug,
        name,
        blurb,
        figures,
        lastSuccess: mine.find((r) => r.status === "succeeded") ?? null,
        running: mine.find((r) => r.status === "running") ?? null,
        hasData: figures.some((f) => typeof f.value === "number" && f.value > 0),
      };
    }),
  );
}

export interface SyncRunRow {
  id: string;
  kind: string;
  trigger: SyncRun["trigger"];
  status: SyncRun["status"];
  progressDone: number;
  progressTotal: number | null;
  currentItem: string | null;
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  queuedAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  /** Keyset position: queued_at in microseconds since 1970 (a JS Date keeps only milliseconds) and the id. */
  position: { at: number; id: string };
}

/** Sync runs newest first, `limit` of them after `after` (a keyset on queued_at, id). Error text is not read. */
export async function listSyncRuns(
  filter: { kind?: string; status?: SyncRun["status"] },
  limit: number,
  after?: { at: number; id: string },
): Promise<SyncRunRow[]> {
  const t = syncRuns;
  const rows = await db()
    .select({
      id: t.id,
      kind: t.kind,
      trigger: t.trigger,
      status: t.status,
      progressDone: t.progressDone,
      progressTotal: t.progressTotal,
      currentItem: t.currentItem,
      fetched: t.fetched,
      created: t.created,
      updated: t.updated,
      unchanged: t.unchanged,
      skipped: t.skipped,
      failed: t.failed,
      queuedAt: t.queuedAt,
      startedAt: t.startedAt,
      endedAt: t.endedAt,
      positionAt: sql<string>`floor(extract(epoch from ${t.queuedAt}) * 1000000)::bigint::text`,
    })
    .from(t)
    .where(
      and(
        filter.kind ? eq(t.kind, filter.kind) : undefined,
        filter.status ? eq(t.status, filter.status) : undefined,
        after ? sql`(${t.queuedAt}, ${t.id}) < ('epoch'::timestamptz + ${after.at}::bigint * interval '1 microsecond', ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(t.queuedAt), desc(t.id))
    .limit(limit);
  return rows.map(({ positionAt, ...row }) => ({ ...row, position: { at: Number(positionAt), id: row.id } }));
}
