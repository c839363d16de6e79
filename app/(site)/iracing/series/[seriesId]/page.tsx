import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { seriesDetail, type SeriesDetail } from "@/lib/iracing/queries";
import { CategoryText, LicenceBadge, SeasonFlags } from "@/lib/iracing/ui/labels";
import { seasonHref } from "@/lib/iracing/ui/links";
import { LocalTime } from "@/lib/iracing/ui/local-time";
import { link } from "@/lib/ui/controls";
import { DataTable, type ServerColumn } from "@/lib/ui/table/data-table";
import { loadById } from "@/lib/ui/search-params";

type Props = { params: Promise<{ seriesId: string }> };
type SeasonRow = SeriesDetail["seasons"][number];

const load = loadById(seriesDetail);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const series = await load((await params).seriesId);
  return { title: series ? series.name : "Series not found" };
}

const columns: ServerColumn<SeasonRow>[] = [
  {
    key: "season",
    header: "Season",
    cell: (s) => (
      <Link href={seasonHref(s.seasonId)} className="font-medium hover:underline">
        {s.year} Season {s.quarter}
      </Link>
    ),
  },
  { key: "licence", header: "Licence", cell: (s) => <LicenceBadge group={s.licenceGroup} /> },
  { key: "setup", header: "Setup", from: "sm", cell: (s) => <SeasonFlags fixedSetup={s.fixedSetup} official={s.official} /> },
  { key: "weeks", header: "Weeks", numeric: true, cell: (s) => s.weeks },
  { key: "starts", header: "Starts", numeric: true, from: "sm", cell: (s) => (s.startsAt ? <LocalTime iso={s.startsAt} style="date" /> : "–") },
];

export default async function SeriesPage({ params }: Props) {
  const series = await load((await params).seriesId);
  if (!series) notFound();
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-muted">
          <Link href="/iracing" className={link}>
            iRacing series
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">{series.name}</h1>
        <p className="flex flex-wrap items-center gap-3 text-sm text-muted">
          <CategoryText category={series.category} />
          <LicenceBadge group={series.minLicenceGroup} />
          {series.active ? null : <span className="font-medium text-warn">No longer listed by iRacing</span>}
          <a className={link} href={`/api/v1/iracing/series/${series.seriesId}/calendar.ics`}>
            Subscribe (iCal)
          </a>
        </p>
        {series.about ? <p className="max-w-3xl whitespace-pre-line text-sm">{series.about}</p> : null}
      </header>
      <section aria-labelledby="seasons" className="space-y-3">
        <h2 id="seasons" className="text-lg font-semibold">
          Seasons
        </h2>
        {series.seasons.length ? (
          <DataTable label="Seasons" testId="iracing-seasons" columns={columns} rows={series.seasons} rowKey={(s) => s.seasonId} />
        ) : (
          <p className="text-sm text-muted">No season of this series has been synced yet.</p>
        )}
      </section>
    </div>
  );
}
