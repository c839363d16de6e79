import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cachedDriverDetail } from "@/lib/raceroom/cached";
import { chartHistories, driverResultsPage, type DriverResultsQuery } from "@/lib/raceroom/driver-results";
import { DriverResults } from "@/lib/raceroom/ui/driver-results";
import { driverPageQuery } from "@/lib/raceroom/ui/page-queries";
import { PersonalBestChart } from "@/lib/raceroom/ui/personal-best-chart";
import { formatCount } from "@/lib/ui/format";
import { withQuery } from "@/lib/ui/href";
import { loadById, readSearchParams, type SearchParams } from "@/lib/ui/search-params";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };


const load = loadById(cachedDriverDetail);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const detail = await load((await params).id);
  return { title: detail ? detail.driver.name : "Driver not found" };
}

export default async function DriverPage({ params, searchParams }: Props) {
  const detail = await load((await params).id);
  if (!detail) notFound();
  const { q, difficulty, sort, page, board } = readSearchParams(driverPageQuery, await searchParams);
  const { driver, results, personalBests } = detail;
  const wins = results.filter((r) => r.position === 1).length;
  const query: DriverResultsQuery = { text: q, difficulty, sort, page };
  const path = `/raceroom/drivers/${driver.id}`;
  const [layoutId, classId] = board ? board.split("-").map(Number) : [];
  const histories = chartHistories(personalBests, layoutId && classId ? { layoutId, classId } : undefined);
  // Links leave the defaults out, so the plain page keeps its plain address.
  const hrefOf = (change: Partial<DriverResultsQuery> & { board?: string }) => {
    const next = { ...query, board, ...change };
    return withQuery(path, {
      q: next.text || undefined,
      difficulty: next.difficulty,
      sort: next.sort === "position" ? undefined : next.sort,
      page: next.page === 1 ? undefined : next.page,
      board: next.board,
    });
  };
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-muted">
          <Link href="/raceroom" className="hover:underline">
            RaceRoom
          </Link>{" "}
          / Driver
        </p>
        <h1 className="break-words text-2xl font-semibold tracking-tight" data-testid="driver-name">
          {driver.name}
        </h1>
        <dl className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <Figure label="Country" value={driver.countryName ?? driver.countryCode?.toUpperCase() ?? "–"} />
          <Figure label="RaceRoom id" value={<span className="font-mono">{driver.id}</span>} />
          <Figure label="Leaderboards" value={formatCount(results.length)} />
          <Figure label="Best position" value={driver.bestPosition === null ? "–" : `P${driver.bestPosition}`} />
          <Figure label="Records" value={formatCount(wins)} />
        </dl>
      </header>

      <section aria-labelledby="pb-history" id="history" className="scroll-mt-4 space-y-3">
        <h2 id="pb-history" className="text-lg font-semibold">
          Personal-best history
        </h2>
        <PersonalBestChart key={board ?? ""} histories={histories} />
      </section>

      <section aria-labelledby="results" className="space-y-3">
        <h2 id="results" className="text-lg font-semibold">
          Results
        </h2>
        {results.length > 0 ? (
          <DriverResults
            driverId={driver.id}
            query={query}
            results={driverResultsPage(results, query)}
            links={{ path, hrefOf, keep: { sort: sort === "position" ? undefined : sort, board } }}
          />
        ) : (
          <p className="rounded-lg border border-dashed border-border px-3 py-4 text-sm text-muted">
            {driver.name} has no entry on the current leaderboards (their earlier results are in the history above).
          </p>
        )}
      </section>
    </div>
  );
}

function Figure({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-muted">{label}</dt>
      <dd className="tabular font-medium">{value}</dd>
    </div>
  );
}
