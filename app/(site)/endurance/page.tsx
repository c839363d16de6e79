import type { Metadata } from "next";
import Link from "next/link";
import { raceCalendar, type RaceSummary } from "@/lib/endurance/queries";
import { ClassBadge, raceClock, utcTime } from "@/lib/endurance/ui/labels";
import { EmptyState } from "@/lib/ui/empty-state";
import { DataTable } from "@/lib/ui/table/data-table";

export const metadata: Metadata = { title: { absolute: "Endurance · Pitwall" } };
export const dynamic = "force-dynamic";

const raceLink = (race: RaceSummary) => (
  <Link href={`/endurance/races/${race.slug}`} className="font-medium hover:underline">
    {race.event}
  </Link>
);

/** The calendar: races live now first, then what is coming, then the results of past races with each class's winner. */
export default async function EndurancePage() {
  const { live, upcoming, past } = await raceCalendar();
  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Endurance racing</h1>
        <p className="max-w-3xl text-muted">
          WEC and IMSA races from the official timing: a live multi-class leaderboard, lap charts, pit stops, stints, drive time against the
          rules, and next-lap predictions with their measured accuracy. Any past race replays.
        </p>
      </header>

      <section aria-labelledby="live" className="space-y-3">
        <h2 id="live" className="text-lg font-semibold">
          Live now
        </h2>
        {live.length === 0 ? (
          <EmptyState title="No race is running">The next one starts by itself at its scheduled time.</EmptyState>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {live.map((race) => (
              <li key={race.slug} className="rounded-lg border border-border bg-surface p-4" data-testid="live-race">
                <p className="flex items-center gap-2 text-sm text-muted">
                  <span className="rounded bg-red-700 px-1.5 py-0.5 text-xs font-bold uppercase text-white">Live</span>
                  {race.series} · {race.circuit}
                </p>
                <p className="mt-1 text-lg">{raceLink(race)}</p>
                <p className="tabular text-sm text-muted">
                  Race time {raceClock(race.raceTimeMs)} of {raceClock(race.durationMs)} · {race.laps.toLocaleString("en-US")} laps
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="upcoming" className="space-y-3">
        <h2 id="upcoming" className="text-lg font-semibold">
          Upcoming
        </h2>
        {upcoming.length === 0 ? (
          <EmptyState title="Nothing on the calendar">Races are added from the admin dashboard or with npm run sync.</EmptyState>
        ) : (
          <DataTable
            label="Upcoming races"
            testId="upcoming-races"
            rows={upcoming}
            rowKey={(race) => race.slug}
            columns={[
              { key: "event", header: "Race", cell: raceLink },
              { key: "series", header: "Series", from: "sm", cell: (race) => race.series },
              { key: "circuit", header: "Circuit", from: "sm", cell: (race) => race.circuit },
              { key: "start", header: "Start", className: "tabular whitespace-nowrap", cell: (race) => <time dateTime={race.startsAt}>{utcTime(race.startsAt)}</time> },
              { key: "length", header: "Length", numeric: true, from: "sm", cell: (race) => `${Math.round(race.durationMs / 3_600_000)} h` },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="past" className="space-y-3">
        <h2 id="past" className="text-lg font-semibold">
          Past races
        </h2>
        {past.length === 0 ? (
          <EmptyState title="No finished race yet" />
        ) : (
          <DataTable
            label="Past races"
            testId="past-races"
            rows={past}
            rowKey={(race) => race.slug}
            columns={[
              { key: "event", header: "Race", cell: raceLink },
              { key: "series", header: "Series", from: "sm", cell: (race) => race.series },
              { key: "date", header: "Date", from: "sm", className: "tabular whitespace-nowrap", cell: (race) => <time dateTime={race.startsAt}>{race.startsAt.slice(0, 10)}</time> },
              {
                key: "winners",
                header: "Class winners",
                cell: (race) =>
                  race.winners.length === 0 ? (
                    "–"
                  ) : (
                    <ul className="space-y-0.5">
                      {race.winners.map((winner) => (
                        <li key={winner.carClass ?? ""} className="flex flex-wrap items-baseline gap-x-2">
                          <ClassBadge carClass={winner.carClass} /> <span className="font-mono">#{winner.car}</span> <span className="text-muted">{winner.team ?? ""}</span>
                        </li>
                      ))}
                    </ul>
                  ),
              },
            ]}
          />
        )}
      </section>
    </div>
  );
}
