import type { Metadata } from "next";
import { syncBoard } from "@/lib/admin/syncs";
import { EmptyState } from "@/lib/ui/empty-state";
import { SyncBoard } from "./sync-board";

export const metadata: Metadata = { title: "Overview" };

export default async function AdminOverviewPage() {
  const cards = await syncBoard();
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold tracking-tight">Syncs</h1>
        <p className="text-sm text-muted">One card per kind of sync: its last run, live progress, and a button to start it.</p>
      </header>
      {cards.length ? (
        <SyncBoard initial={cards} />
      ) : (
        <EmptyState title="No sync kinds yet">
          A section registers its syncs in <code className="font-mono">lib/jobs/kinds.ts</code>; they appear here with a Run now button.
        </EmptyState>
      )}
    </div>
  );
}
