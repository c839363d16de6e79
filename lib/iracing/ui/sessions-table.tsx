"use client";

import Link from "next/link";
import { useMemo } from "react";
import type { SessionRow } from "../read/sessions";
import { LicenceBadge } from "./labels";
import { seasonHref, trackHref } from "./links";
import { Countdown, LocalTime } from "./local-time";
import { PinButton } from "./pin-button";
import { usePlan } from "./plan-store";
import { canRace, ownedOf, type FreeContent } from "./raceable";
import { useRaceableFilter } from "./raceable-toggle";
import { SortableTable } from "@/lib/ui/table/sortable-table";

/** Sessions of the next hours across all series: start in the visitor's zone, countdown, track, entries, pin. */
/** `sessions` is one page of `total` sessions. */
export function SessionsTable({ sessions, free, total }: { sessions: SessionRow[]; free: FreeContent; total: number }) {
  const plan = usePlan();
  const { only, toggle } = useRaceableFilter();
  const rows = useMemo(() => {
    if (!only) return sessions;
    const owned = ownedOf(plan, free);
    return sessions.filter((session) => canRace(owned, session));
  }, [only, plan, free, sessions]);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        {toggle}
        <p className="text-sm text-muted" aria-live="polite">
          {only ? `${rows.length} of ${sessions.length} on this page` : `${sessions.length} of ${total} sessions`}
        </p>
      </div>
      <SortableTable
        label="Sessions in the next 24 hours"
        testId="iracing-sessions"
        rows={rows}
        rowKey={(s) => `${s.seasonId}-${s.startsAt}`}
        empty="No session matches. Mark more content as owned, or clear the filters."
        columns={[
          {
            key: "start",
            header: "Starts",
            cell: (s) => (
              <>
                <LocalTime iso={s.startsAt} style="time" />
                <span className="block text-xs">
                  <Countdown iso={s.startsAt} />
                </span>
              </>
            ),
          },
          {
            key: "series",
            header: "Series",
            cell: (s) => (
              <>
                <Link href={seasonHref(s.seasonId)} className="font-medium hover:underline">
                  {s.seriesName}
                </Link>
                <span className="block text-xs text-muted md:hidden">{s.trackName}</span>
              </>
            ),
          },
          { key: "licence", header: "Licence", from: "sm", cell: (s) => <LicenceBadge group={s.licenceGroup} /> },
          {
            key: "track",
            header: "Track",
            from: "md",
            cell: (s) => (
              <>
                <Link href={trackHref(s.packageId)} className="hover:underline">
                  {s.trackName}
                </Link>
                {s.configName ? <span className="block text-xs text-muted">{s.configName}</span> : null}
              </>
            ),
          },
          { key: "entries", header: "Entries", numeric: true, from: "sm", cell: (s) => (s.entryCount === null ? "–" : s.entryCount) },
          { key: "pin", header: <span className="sr-only">Pin</span>, cell: (s) => <PinButton seasonId={s.seasonId} startsAt={s.startsAt} label={`${s.seriesName} at ${s.startsAt}`} /> },
        ]}
      />
    </div>
  );
}
