import type { Metadata } from "next";
import Link from "next/link";
import { runHistory, type RunsSearch } from "@/lib/admin/runs";
import { EmptyState } from "@/lib/ui/empty-state";
import { RunFilters } from "./run-filters";
import { RunsTable } from "./runs-table";

export const metadata: Metadata = { title: "Runs" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RunsPage({ searchParams }: { searchParams: SearchParams }) {
  const view = await runHistory(await searchParams);
  const { search } = view;
  const filtered = Boolean(search.kind || search.status || search.trigger);

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold tracking-tight">Runs</h1>
        <p className="text-sm text-muted">Every sync run, newest first.</p>
      </header>
      <RunFilters search={search} kinds={view.kinds} />
      {view.runs.length ? (
        <RunsTable runs={view.runs} />
      ) : (
        <EmptyState title={filtered ? "No runs match these filters" : "No runs yet"}>
          {filtered ? (
            <Link className="underline" href="/admin/runs">
              Clear the filters
            </Link>
          ) : (
            <>
              Start one with <Link className="underline" href="/admin">Run now</Link> on the overview.
            </>
          )}
        </EmptyState>
      )}
      <nav aria-label="Run pages" className="flex justify-end gap-2 text-sm">
        {search.cursor ? (
          <Link className="rounded-md border border-border px-3 py-1.5 hover:bg-surface-2" href={pageHref(search, undefined)}>
            Newest
          </Link>
        ) : null}
        {view.nextCursor ? (
          <Link className="rounded-md border border-border px-3 py-1.5 hover:bg-surface-2" href={pageHref(search, view.nextCursor)}>
            Older runs →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}

function pageHref(search: RunsSearch, cursor: string | undefined): string {
  const params = new URLSearchParams();
  for (const key of ["kind", "status", "trigger"] as const) {
    const value = search[key];
    if (value) params.set(key, value);
  }
  if (cursor) params.set("cursor", cursor);
  return `/admin/runs?${params}`;
}
