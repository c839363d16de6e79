import type { Metadata } from "next";
import Link from "next/link";
import { runHistory } from "@/lib/admin/runs";
import { EmptyState } from "@/lib/ui/empty-state";
import { Pager } from "@/lib/ui/pager";
import type { SearchParams } from "@/lib/ui/search-params";
import { RunFilters } from "./run-filters";
import { RunsTable } from "./runs-table";

export const metadata: Metadata = { title: "Runs" };

export default async function RunsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
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
      <Pager
        label="Run pages"
        olderLabel="Older runs"
        path="/admin/runs"
        query={{ kind: search.kind, status: search.status, trigger: search.trigger }}
        cursor={search.cursor}
        nextCursor={view.nextCursor}
      />
    </div>
  );
}
