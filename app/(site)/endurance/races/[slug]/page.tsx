import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { enduranceEnv } from "@/lib/endurance/env";
import { raceLeaderboard } from "@/lib/endurance/queries";
import { utcTime } from "@/lib/endurance/ui/labels";
import { RaceView } from "@/lib/endurance/ui/race-view";

type Props = { params: Promise<{ slug: string }> };

const slugOf = (slug: string) => (/^[a-z0-9][a-z0-9-]{1,62}$/.test(slug) ? slug : null);
/** The board as it stands, read once per request for the title and the page, with when it was read. */
const boardOf = cache(async (slug: string | null) => {
  const readAt = Date.now();
  const board = slug ? await raceLeaderboard(slug) : null;
  return board ? { ...board, readAt } : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const board = await boardOf(slugOf((await params).slug));
  return { title: board ? `${board.race.event} (${board.race.series})` : "Race not found" };
}

/** A race's page: the leaderboard as it stands is in the first paint; the page then follows the race by itself. */
export default async function RacePage({ params }: Props) {
  const board = await boardOf(slugOf((await params).slug));
  if (!board) notFound();
  const { readAt, ...initial } = board;
  const { race } = initial;
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
      <RaceView initial={initial} readAt={readAt} backgroundVideo={enduranceEnv().ENDURANCE_BACKGROUND_VIDEO} />
    </div>
  );
}
