import Link from "next/link";
import { sectionOverviews, type SectionOverview } from "@/lib/site/queries";
import { formatRelative } from "@/lib/ui/format";
import { ProgressBar } from "@/lib/ui/progress-bar";
import { SectionFigures } from "@/lib/ui/section-figures";

// Rendered per request only as a fallback: the proxy sends visitors to the kept copies (app/(site)/home/[view]).
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const overviews = await sectionOverviews();
  return (
    <div className="space-y-8">
      <section>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Pitwall</h1>
        <p className="mt-1 max-w-2xl text-muted">
          Sim-racing leaderboards, iRacing schedules, and live timing for endurance racing and Formula 1, in one place.
        </p>
      </section>
      <section aria-label="Sections" className="grid gap-4 sm:grid-cols-2">
        {overviews.map((o) => (
          <SectionCard key={o.slug} overview={o} />
        ))}
      </section>
    </div>
  );
}

function SectionCard({ overview: o }: { overview: SectionOverview }) {
  return (
    <article className="flex flex-col rounded-lg border border-border bg-surface p-4" data-testid={`section-${o.slug}`}>
      <header className="flex items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">
          <Link href={`/${o.slug}`} className="hover:underline">
            {o.name}
          </Link>
        </h2>
        {o.running ? (
          <span className="rounded bg-accent px-1.5 py-0.5 text-xs font-semibold text-accent-fg">SYNC RUNNING</span>
        ) : null}
      </header>
      <p className="mt-1 text-sm text-muted">{o.blurb}</p>
      {o.hasData ? (
        <SectionFigures figures={o.figures} />
      ) : (
        <p className="mt-4 rounded-md border border-dashed border-border px-3 py-3 text-sm" role="status">
          <strong>No data yet:</strong> run a sync from <Link className="underline" href="/admin">Admin</Link>, or start{" "}
          <code className="font-mono">npm run demo</code>.
        </p>
      )}
      <footer className="mt-auto pt-4 text-xs text-muted">
        {o.running ? (
          <ProgressBar done={o.running.progressDone} total={o.running.progressTotal} label={`${o.name} sync progress`} />
        ) : o.lastSuccess?.endedAt ? (
          <span title={o.lastSuccess.endedAt.toISOString()}>Last successful sync {formatRelative(o.lastSuccess.endedAt)}</span>
        ) : (
          <span>Never synced</span>
        )}
      </footer>
    </article>
  );
}
