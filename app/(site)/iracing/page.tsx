import type { Metadata } from "next";
import { CATEGORY_NAMES, LICENCE_CLASSES } from "@/lib/iracing/read/labels";
import { freeContent, seriesCatalogue } from "@/lib/iracing/queries";
import { CatalogueTable } from "@/lib/iracing/ui/catalogue-table";
import { NoDataYet } from "@/lib/ui/empty-state";
import { catalogueQuery } from "@/lib/iracing/ui/page-queries";
import { FilterForm } from "@/lib/ui/filter-form";
import { readSearchParams, type SearchParams } from "@/lib/ui/search-params";

export const metadata: Metadata = { title: { absolute: "iRacing · Pitwall" } };


export default async function IracingPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const filters = readSearchParams(catalogueQuery, await searchParams);
  const [series, free] = await Promise.all([
    seriesCatalogue({
      category: filters.category,
      licence: filters.licence ? Number(filters.licence) : undefined,
      setup: filters.setup,
      official: filters.official === undefined ? undefined : filters.official === "yes",
      q: filters.q,
    }),
    freeContent(),
  ]);
  const filtered = Object.values(filters).some((value) => value !== undefined);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">iRacing series</h1>
        <p className="max-w-3xl text-muted">
          Every series with its current season: this week&apos;s track, the licence it needs, and when its next session starts in your time zone.
          Open a season for its week-by-week schedule, or mark the cars and tracks you own in the planner to see only what you can race.
        </p>
      </header>
      <FilterForm
        action="/iracing"
        fields={[
          { name: "category", label: "Category", value: filters.category ?? "", allLabel: "All categories", options: Object.entries(CATEGORY_NAMES).map(([value, label]) => ({ value, label })) },
          { name: "licence", label: "Licence", value: filters.licence ?? "", allLabel: "Any licence", options: [1, 2, 3, 4, 5].map((group) => ({ value: String(group), label: LICENCE_CLASSES[group]! })) },
          { name: "setup", label: "Setup", value: filters.setup ?? "", allLabel: "Fixed or open", options: [{ value: "fixed", label: "Fixed" }, { value: "open", label: "Open" }] },
          { name: "official", label: "Official", value: filters.official ?? "", allLabel: "Official or not", options: [{ value: "yes", label: "Official" }, { value: "no", label: "Unofficial" }] },
          { type: "text", name: "q", label: "Search", value: filters.q ?? "", placeholder: "Series name" },
        ]}
      />
      {series.length === 0 && !filtered ? <NoDataYet title="No iRacing series yet" /> : <CatalogueTable series={series} free={free} />}
    </div>
  );
}
