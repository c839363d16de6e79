import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { sectionOverviews } from "@/lib/site/queries";
import { formatCount, formatRelative } from "@/lib/ui/format";
import { sections } from "@/lib/ui/sections";

/** Overview for a section whose own pages have not been built: its stored figures and sync state. */
export default async function SectionPage({ params }: { params: Promise<{ section: string }> }) {
  const { section } = await params;
  if (!sections.some((s) => s.slug === section)) notFound();
  await connection();
  const overview = (await sectionOverviews()).find((o) => o.slug === section);
  if (!overview) notFound();
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">{overview.name}</h1>
        <p className="mt-1 max-w-2xl text-muted">{overview.blurb}</p>
      </header>
      {overview.hasData ? (
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          {overview.figures.map((f) => (
            <div key={f.label} className="rounded-lg border border-border bg-surface p-4">
              <dt className="text-xs uppercase tracking-wide text-muted">{f.label}</dt>
              <dd className="tabular text-2xl font-semibold">{typeof f.value === "number" ? formatCount(f.value) : f.value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <div className="rounded-lg border border-dashed border-border bg-surface px-4 py-8 text-center" role="status">
          <p className="font-medium">No {overview.name} data yet</p>
          <p className="mt-1 text-sm text-muted">
            {overview.hasSync ? (
              <>
                Run a sync from <Link className="underline" href="/admin">Admin</Link>, or start <code className="font-mono">npm run demo</code>.
              </>
            ) : (
              <>Pitwall does not sync {overview.name} data yet. The sections with data are listed on the <Link className="underline" href="/">home page</Link>.</>
            )}
          </p>
        </div>
      )}
      {overview.lastSuccess?.endedAt ? (
        <p className="text-sm text-muted">Last successful sync {formatRelative(overview.lastSuccess.endedAt)}</p>
      ) : null}
    </div>
  );
}
