import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { sectionOverviews } from "@/lib/site/queries";
import { EmptyState, NoDataYet } from "@/lib/ui/empty-state";
import { formatRelative } from "@/lib/ui/format";
import { SectionFigures } from "@/lib/ui/section-figures";
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
        <SectionFigures figures={overview.figures} tiles />
      ) : overview.hasSync ? (
        <NoDataYet title={`No ${overview.name} data yet`} />
      ) : (
        <EmptyState title={`No ${overview.name} data yet`}>
          Pitwall does not sync {overview.name} data yet. The sections with data are listed on the{" "}
          <Link className="underline" href="/">
            home page
          </Link>
          .
        </EmptyState>
      )}
      {overview.lastSuccess?.endedAt ? (
        <p className="text-sm text-muted">Last successful sync {formatRelative(overview.lastSuccess.endedAt)}</p>
      ) : null}
    </div>
  );
}
