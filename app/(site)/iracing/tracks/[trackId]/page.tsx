import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { trackDetail, type TrackDetail } from "@/lib/iracing/queries";
import { seasonHref } from "@/lib/iracing/ui/links";
import { LocalTime } from "@/lib/iracing/ui/local-time";
import { TrackMap } from "@/lib/iracing/ui/track-map";
import { link } from "@/lib/ui/controls";
import { DataTable, type ServerColumn } from "@/lib/ui/table/data-table";
import { loadById } from "@/lib/ui/search-params";

type Props = { params: Promise<{ trackId: string }> };
type Config = TrackDetail["configs"][number];
type Racing = TrackDetail["racing"][number];

const load = loadById(trackDetail);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const track = await load((await params).trackId);
  return { title: track ? track.name : "Track not found" };
}

const configColumns: ServerColumn<Config>[] = [
  { key: "config", header: "Configuration", cell: (c) => <span className="font-medium">{c.configName ?? "Full course"}</span> },
  { key: "length", header: "Length", numeric: true, cell: (c) => (c.lengthMiles === null ? "–" : `${(c.lengthMiles * 1.609344).toFixed(2)} km`) },
  { key: "corners", header: "Corners", numeric: true, cell: (c) => c.corners ?? "–" },
  { key: "category", header: "Category", from: "sm", cell: (c) => c.category ?? "–" },
];

export default async function TrackPage({ params }: Props) {
  const track = await load((await params).trackId);
  if (!track) notFound();
  const configName = new Map(track.configs.map((config) => [config.trackId, config.configName ?? "Full course"]));
  const racingColumns: ServerColumn<Racing>[] = [
    {
      key: "series",
      header: "Series",
      cell: (r) => (
        <Link href={seasonHref(r.seasonId)} className="font-medium hover:underline">
          {r.seriesName}
        </Link>
      ),
    },
    { key: "week", header: "Week", numeric: true, cell: (r) => r.raceWeekNum + 1 },
    { key: "config", header: "Configuration", from: "sm", cell: (r) => configName.get(r.trackId) },
    { key: "from", header: "From", numeric: true, cell: (r) => <LocalTime iso={r.startsAt} style="date" /> },
  ];
  const mapped = track.configs.find((config) => Object.keys(track.maps[config.trackId] ?? {}).length > 0);
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-muted">
          <Link href="/iracing" className={link}>
            iRacing series
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">{track.name}</h1>
        <p className="flex flex-wrap gap-3 text-sm text-muted">
          {track.location ? <span>{track.location}</span> : null}
          <span>{track.free ? "Included with the subscription" : track.price ? `$${track.price.toFixed(2)}` : "Purchasable"}</span>
          {track.retired ? <span className="text-warn">Retired</span> : null}
        </p>
      </header>
      <div className="grid gap-8 lg:grid-cols-[2fr_3fr]">
        <section aria-labelledby="map" className="space-y-3">
          <h2 id="map" className="text-lg font-semibold">
            Map{mapped ? ` · ${mapped.configName ?? "Full course"}` : ""}
          </h2>
          {mapped ? <TrackMap layers={track.maps[mapped.trackId] ?? {}} name={`${track.name} ${mapped.configName ?? ""}`.trim()} /> : <p className="text-sm text-muted">iRacing has no map of this track.</p>}
        </section>
        <section aria-labelledby="configs" className="min-w-0 space-y-3">
          <h2 id="configs" className="text-lg font-semibold">
            Configurations
          </h2>
          <DataTable label="Configurations" testId="iracing-configs" columns={configColumns} rows={track.configs} rowKey={(c) => c.trackId} />
        </section>
      </div>
      <section aria-labelledby="racing" className="space-y-3">
        <h2 id="racing" className="text-lg font-semibold">
          Raced this season
        </h2>
        {track.racing.length ? (
          <DataTable label="Series racing here" testId="iracing-track-racing" columns={racingColumns} rows={track.racing} rowKey={(r) => `${r.seasonId}-${r.raceWeekNum}`} />
        ) : (
          <p className="text-sm text-muted">No series races here this season.</p>
        )}
      </section>
    </div>
  );
}
