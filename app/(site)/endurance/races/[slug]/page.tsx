import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { enduranceEnv } from "@/lib/endurance/env";
import { raceLeaderboard } from "@/lib/endurance/queries";
import { utcTime } from "@/lib/endurance/ui/labels";
import { RaceView } from "@/lib/endurance/ui/race-view";

type Props = { params: Promise<{ slug: string }> };

const slugOf = (slug: string) => (/^[a-z0-9][a-z0-9-]{1,62}$/.test(slug) ? slug : null);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = slugOf((await params).slug);
  const board = slug ? await raceLeaderboard(slug) : null;
  return { title: board ? `${board.race.event} (${board.race.series})` : "Race not found" };
}

/** A race's page: the leaderboard as it stands is in the first paint; the page then follows the race by itself. */
export default async function RacePage({ params }: Props) {
  const slug = slugOf((await params).slug);
  const board = slug ? await raceLeaderboard(slug) : null;
  if (!board) notFound();
  const { race } = board;
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <p className="text-sm text-muted">
          <Link href="/endurance" className="hover:underline">
            Endurance
          </Link>{" "}
          · {race.series}
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">{race.event}</h1>
        <p className="text-muted">
          {race.circuit} · <time dateTime={race.startsAt}>{utcTime(race.startsAt)}</time>
        </p>
      </header>
      <RaceView initial={board} backgroundVideo={enduranceEnv().ENDURANCE_BACKGROUND_VIDEO} />
    </div>
  );
}
