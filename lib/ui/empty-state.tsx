import Link from "next/link";

export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-border bg-surface px-4 py-8 text-center" role="status">
      <p className="font-medium">{title}</p>
      {children ? <div className="mt-1 text-sm text-muted">{children}</div> : null}
    </div>
  );
}

/** The standard "nothing synced yet" message: what to do next, never filler. */
export function NoDataYet({ title = "No data yet" }: { title?: string }) {
  return (
    <EmptyState title={title}>
      Run a sync from <Link className="underline" href="/admin">Admin</Link>, or start <code className="font-mono">npm run demo</code>.
    </EmptyState>
  );
}
