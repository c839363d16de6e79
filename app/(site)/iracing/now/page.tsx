import type { Metadata } from "next";
import { CATEGORY_NAMES } from "@/lib/iracing/read/labels";
import { freeContent, sessionsInWindow } from "@/lib/iracing/queries";
import { SessionsTable } from "@/lib/iracing/ui/sessions-table";
import { nextDayQuery } from "@/lib/iracing/ui/page-queries";
import { FilterForm } from "@/lib/ui/filter-form";
import { withQuery } from "@/lib/ui/href";
import { Pager } from "@/lib/ui/pager";
import { readSearchParams, type SearchParams } from "@/lib/ui/search-params";

export const metadata: Metadata = { title: "Next 24 hours" };

const WINDOW_HOURS = 24;
/** Sessions per page: a day of every series is thousands of sessions, too many for one page. */
const PAGE_SIZE = 50;


/** Every session of every series in the next 24 hours, computed from the schedules at request time. */
export default async function NowPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const filters = readSearchParams(nextDayQuery, await searchParams);
  const from = new Date();
  const [all, free] = await Promise.all([sessionsInWindow({ from, to: new Date(from.getTime() + WINDOW_HOURS * 3_600_000), category: filters.category }), freeContent()]);
  const needle = filters.q?.trim().toLowerCase();
  const matching = needle ? all.filter((session) => session.seriesName.toLowerCase().includes(needle) || session.trackName.toLowerCase().includes(needle)) : all;
  const pageCount = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const page = Math.min(filters.page ?? 1, pageCount);
  const sessions = matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const hrefOf = (target: number) => withQuery("/iracing/now", { category: filters.category, q: filters.q, page: target > 1 ? target : undefined });
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">iRacing in the next 24 hours</h1>
        <p className="max-w-3xl text-muted">
          Every session of every series starting in the next day, in your time zone. Pin the ones you want to race to My week in the planner, and
          take them to your calendar.
        </p>
      </header>
      <FilterForm
        action="/iracing/now"
        fields={[
          { name: "category", label: "Category", value: filters.category ?? "", allLabel: "All categories", options: Object.entries(CATEGORY_NAMES).map(([value, label]) => ({ value, label })) },
          { type: "text", name: "q", label: "Search", value: filters.q ?? "", placeholder: "Series or track" },
        ]}
      />
      <SessionsTable sessions={sessions} free={free} total={matching.length} />
      {pageCount > 1 ? <Pager page={page} pageCount={pageCount} hrefOf={hrefOf} /> : null}
    </div>
  );
}
