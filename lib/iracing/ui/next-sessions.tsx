"use client";

import type { UpcomingSession } from "../read/season";
import { Countdown, LocalTime } from "./local-time";
import { PinButton } from "./pin-button";

/** A season's next sessions in the visitor's time zone, with countdowns, entry counts (when the race guide has them) and pins. */
export function NextSessions({ sessions, seriesName }: { sessions: UpcomingSession[]; seriesName: string }) {
  if (sessions.length === 0) return <p className="text-sm text-muted">No sessions left in this season.</p>;
  return (
    <ol className="divide-y divide-border/60 rounded-lg border border-border bg-surface" aria-label="Next sessions">
      {sessions.map((session) => (
        <li key={session.startsAt} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-3 py-2 text-sm">
          <span className="flex flex-wrap items-baseline gap-x-3">
            <LocalTime iso={session.startsAt} />
            <Countdown iso={session.startsAt} />
            {session.superSession ? <span className="text-xs font-semibold text-purple">Super session</span> : null}
          </span>
          <span className="flex items-center gap-3">
            <span className="tabular text-muted">
              Week {session.raceWeekNum + 1}
              {session.entryCount !== null ? ` · ${session.entryCount} registered` : ""}
            </span>
            <PinButton seasonId={session.seasonId} startsAt={session.startsAt} label={`${seriesName} session at ${session.startsAt}`} />
          </span>
        </li>
      ))}
    </ol>
  );
}
