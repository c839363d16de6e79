import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { seasonSchedule, type ScheduleWeek } from "@/lib/iracing/queries";
import { CategoryText, LicenceBadge, SeasonFlags } from "@/lib/iracing/ui/labels";
import { seriesHref, trackHref } from "@/lib/iracing/ui/links";
import { LocalTime } from "@/lib/iracing/ui/local-time";
import { NextSessions } from "@/lib/iracing/ui/next-sessions";
import { WeekCars } from "@/lib/iracing/ui/week-cars";
import { WeekSessionsSummary } from "@/lib/iracing/ui/week-sessions-summary";
import { link } from "@/lib/ui/controls";
import { DataTable, type ServerColumn } from "@/lib/ui/table/data-table";
import { loadById } from "@/lib/ui/search-params";

type Props = { params: Promise<{ seasonId: string }> };

const load = loadById(seasonSchedule);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const schedule = await load((await params).seasonId);
  return { title: schedule ? `${schedule.seriesName} ${schedule.year} S${schedule.quarter}` : "Season" };
}

function raceLength(week: ScheduleWeek): string {
  if (week.raceLapLimit) return `${week.raceLapLimit} laps`;
  if (week.raceTimeLimitMinutes) return `${week.raceTimeLimitMinutes} min`;
  return "–";
}

const columns: ServerColumn<ScheduleWeek>[] = [
  { key: "week", header: "Wk", numeric: true, headerClassName: "w-10", cell: (w) => w.raceWeekNum + 1 },
  {
    key: "dates",
    header: "Dates",
    cell: (w) => (
      <>
        <LocalTime iso={w.startsAt} style="date" />
        <span className="block text-xs text-muted">
          to <LocalTime iso={new Date(Date.parse(w.endsAt) - 1).toISOString()} style="date" />
        </span>
      </>
    ),
  },
  {
    key: "track",
    header: "Track",
    cell: (w) => (
      <>
        <Link href={trackHref(w.packageId)} className="font-medium hover:underline">
          {w.trackName}
        </Link>
        {w.configName ? <span className="block text-xs text-muted">{w.configName}</span> : null}
        <span className="block text-xs text-muted md:hidden">
          {raceLength(w)}
          {w.rainChancePct !== null ? ` · rain ${Math.round(w.rainChancePct)}%` : ""}
        </span>
      </>
    ),
  },
  { key: "length", header: "Race", numeric: true, from: "md", cell: (w) => raceLength(w) },
  { key: "cars", header: "Cars and BOP", from: "sm", cell: (w) => <WeekCars cars={w.cars} /> },
  { key: "rain", header: "Rain", numeric: true, from: "md", cell: (w) => (w.rainChancePct === null ? "–" : `${Math.round(w.rainChancePct)}%`) },
  { key: "sessions", header: "Sessions", from: "lg", className: "text-xs", cell: (w) => <WeekSessionsSummary descriptors={w.raceTimeDescriptors} /> },
];

export default async function SeasonPage({ params }: Props) {
  const schedule = await load((await params).seasonId);
  if (!schedule) notFound();
  const current = schedule.weeks.find((week) => week.raceWeekNum === schedule.currentWeekNum);
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-muted">
          <Link href={seriesHref(schedule.seriesId)} className={link}>
            {schedule.seriesName}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">
          {schedule.seriesName} · {schedule.year} Season {schedule.quarter}
        </h1>
        <p className="flex flex-wrap items-center gap-3 text-sm text-muted">
          <CategoryText category={schedule.category} />
          <LicenceBadge group={schedule.licenceGroup} />
          <SeasonFlags fixedSetup={schedule.fixedSetup} official={schedule.official} />
          <span>{schedule.weeks.length} weeks</span>
          <a className={link} href={`/api/v1/iracing/seasons/${schedule.seasonId}/calendar.ics`}>
            Subscribe (iCal)
          </a>
        </p>
      </header>
      <section aria-labelledby="next-sessions" className="space-y-3">
        <h2 id="next-sessions" className="text-lg font-semibold">
          Next sessions{current ? ` · week ${current.raceWeekNum + 1} at ${current.trackName}` : ""}
        </h2>
        <NextSessions sessions={schedule.nextSessions} seriesName={schedule.seriesName} />
      </section>
      <section aria-labelledby="schedule" className="space-y-3">
        <h2 id="schedule" className="text-lg font-semibold">
          Schedule
        </h2>
        <DataTable
          label="Race weeks"
          testId="iracing-schedule"
          columns={columns}
          rows={schedule.weeks}
          rowKey={(week) => week.raceWeekNum}
          rowOptions={(week) => ({ highlighted: week.raceWeekNum === schedule.currentWeekNum, attributes: { "data-week": String(week.raceWeekNum + 1) } })}
        />
      </section>
    </div>
  );
}
