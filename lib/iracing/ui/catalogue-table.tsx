"use client";

import Link from "next/link";
import { useMemo } from "react";
import type { CatalogueSeries } from "../read/series";
import { licenceName } from "../read/labels";
import { CategoryText, LicenceBadge, SeasonFlags } from "./labels";
import { seasonHref, seriesHref, trackHref } from "./links";
import { Countdown, LocalTime } from "./local-time";
import { usePlan } from "./plan-store";
import { canRace, ownedOf, type FreeContent } from "./raceable";
import { useRaceableFilter } from "./raceable-toggle";
import { SortableTable, type SortableColumn } from "@/lib/ui/table/sortable-table";

const columns: SortableColumn<CatalogueSeries>[] = [
  {
    key: "series",
    header: "Series",
    sortValue: (s) => s.name,
    cell: (s) => (
      <>
        <Link href={seriesHref(s.seriesId)} className="font-medium hover:underline">
          {s.name}
        </Link>
        {s.season ? (
          <span className="block text-xs text-muted">
            <Link href={seasonHref(s.season.seasonId)} className="hover:underline">
              {s.season.year} Season {s.season.quarter}
            </Link>
            <span className="sm:hidden"> · {licenceName(s.season.licenceGroup)}</span>
          </span>
        ) : null}
      </>
    ),
  },
  { key: "category", header: "Category", from: "sm", sortValue: (s) => s.category, cell: (s) => <CategoryText category={s.category} /> },
  { key: "licence", header: "Licence", from: "sm", sortValue: (s) => s.season?.licenceGroup ?? null, cell: (s) => <LicenceBadge group={s.season?.licenceGroup ?? null} /> },
  { key: "setup", header: "Setup", from: "md", sortValue: (s) => (s.season?.fixedSetup ? "Fixed" : "Open"), cell: (s) => (s.season ? <SeasonFlags fixedSetup={s.season.fixedSetup} official={s.season.official} /> : "–") },
  {
    key: "track",
    header: "This week",
    from: "md",
    sortValue: (s) => s.week?.trackName ?? null,
    cell: (s) =>
      s.week ? (
        <>
          <Link href={trackHref(s.week.packageId)} className="hover:underline">
            {s.week.trackName}
          </Link>
          <span className="block text-xs text-muted">
            Week {s.week.raceWeekNum + 1}
            {s.week.configName ? ` · ${s.week.configName}` : ""}
          </span>
        </>
      ) : (
        "–"
      ),
  },
  {
    key: "next",
    header: "Next session",
    numeric: true,
    sortValue: (s) => (s.nextSessionAt ? Date.parse(s.nextSessionAt) : null),
    cell: (s) =>
      s.nextSessionAt ? (
        <>
          <LocalTime iso={s.nextSessionAt} />
          <span className="block text-xs">
            <Countdown iso={s.nextSessionAt} />
          </span>
        </>
      ) : (
        <span className="text-muted">–</span>
      ),
  },
];

/** The series catalogue, sortable, narrowed to what the visitor can race when they ask. */
export function CatalogueTable({ series, free }: { series: CatalogueSeries[]; free: FreeContent }) {
  const plan = usePlan();
  const { only, toggle } = useRaceableFilter();
  const rows = useMemo(() => {
    if (!only) return series;
    const owned = ownedOf(plan, free);
    return series.filter((s) => s.week !== null && canRace(owned, s.week));
  }, [only, plan, free, series]);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        {toggle}
        <p className="text-sm text-muted" aria-live="polite">
          {rows.length} of {series.length} series
        </p>
      </div>
      <SortableTable
        label="iRacing series"
        testId="iracing-series"
        columns={columns}
        rows={rows}
        rowKey={(s) => s.seriesId}
        initialSort={{ key: "series" }}
        // Every series is sorted and filtered in the browser, a hundred drawn at first (the page stays under 250 KB).
        pageSize={100}
        rowsName="series"
        empty={<p className="px-3 py-6 text-center text-sm text-muted">No series match. Mark more content as owned, or clear the filters.</p>}
      />
    </div>
  );
}
