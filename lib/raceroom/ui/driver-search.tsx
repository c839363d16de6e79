"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useState } from "react";
import type { z } from "zod";
import { fetchEndpoint } from "@/lib/api/fetcher";
import { searchDriversEndpoint } from "@/lib/raceroom/api-contract";
import { formatCount } from "@/lib/ui/format";
import { driverHref } from "./links";

/** Typing pauses this long before a search goes out. */
const DEBOUNCE_MS = 150;
const LIMIT = 20;
const MAX_LENGTH = 80;

type SearchAnswer = z.output<typeof searchDriversEndpoint.response>;
type DriverHit = SearchAnswer["data"][number];

const fetchHits = (query: string, signal: AbortSignal) =>
  fetchEndpoint(searchDriversEndpoint, { query: { q: query, limit: LIMIT }, signal });

/** Keeps `?q=` in the address bar so a search can be shared and survives a reload. */
function useQueryInUrl(query: string) {
  useEffect(() => {
    const url = new URL(window.location.href);
    if ((url.searchParams.get("q") ?? "") === query) return;
    if (query) url.searchParams.set("q", query);
    else url.searchParams.delete("q");
    window.history.replaceState(window.history.state, "", url);
  }, [query]);
}

/**
 * Driver search with results as you type. The first paint comes from the server (`initial`, for a `?q=` in the
 * URL); after that the JSON search endpoint answers each pause in typing.
 */
export function DriverSearch({ initial }: { initial: SearchAnswer }) {
  const inputId = useId();
  const [text, setText] = useState(initial.query);
  const [query, setQuery] = useState(initial.query);

  useEffect(() => {
    const next = text.replace(/\s+/g, " ").trim();
    const timer = setTimeout(() => setQuery(next), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  useQueryInUrl(query);

  const search = useQuery({
    queryKey: ["raceroom", "drivers", query],
    queryFn: ({ signal }) => fetchHits(query, signal),
    enabled: query.length > 0,
    initialData: query === initial.query && query ? initial : undefined,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const hits = query ? (search.data?.data ?? []) : [];
  const settled = query.length > 0 && !search.isPlaceholderData && search.isSuccess;

  return (
    <section aria-labelledby={`${inputId}-label`} className="space-y-3">
      <form role="search" onSubmit={(event) => event.preventDefault()} className="space-y-1">
        <label id={`${inputId}-label`} htmlFor={inputId} className="block text-sm font-medium">
          Find a driver
        </label>
        <input
          id={inputId}
          type="search"
          name="q"
          value={text}
          onChange={(event) => setText(event.target.value)}
          maxLength={MAX_LENGTH}
          autoComplete="off"
          spellCheck={false}
          placeholder="Part of a name, e.g. müller"
          aria-describedby={`${inputId}-status`}
          data-testid="driver-search"
          className="w-full rounded-lg border border-border bg-surface px-3 py-2.5 text-base shadow-sm outline-none placeholder:text-muted focus:border-accent focus:ring-2 focus:ring-accent/30"
        />
      </form>
      <p id={`${inputId}-status`} aria-live="polite" className="min-h-5 text-sm text-muted">
        {searchStatus(query, hits.length, settled, search.error)}
      </p>
      {hits.length > 0 ? (
        <ul
          className={`divide-y divide-border overflow-hidden rounded-lg border border-border bg-surface transition-opacity ${settled ? "" : "opacity-70"}`}
          data-testid="driver-hits"
        >
          {hits.map((hit) => (
            <DriverHitRow key={hit.driverId} hit={hit} namesake={hits.some((other) => other !== hit && other.name.toLowerCase() === hit.name.toLowerCase())} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function searchStatus(query: string, count: number, settled: boolean, error: Error | null): string {
  if (!query) return "Names are matched without regard to case or accents; typos are forgiven from four letters.";
  if (error) return `Search failed: ${error.message}`;
  if (!settled) return "Searching…";
  if (count === 0) return `No driver matches “${query}”.`;
  return count >= LIMIT ? `The ${LIMIT} best matches for “${query}”: type more to narrow them down.` : `${count} ${count === 1 ? "driver" : "drivers"} match “${query}”.`;
}

function DriverHitRow({ hit, namesake }: { hit: DriverHit; namesake: boolean }) {
  return (
    <li>
      <Link
        href={driverHref(hit.driverId)}
        prefetch={false}
        data-testid="driver-hit"
        className="grid grid-cols-[minmax(0,1fr)_auto] items-baseline gap-x-3 gap-y-0.5 px-3 py-2 hover:bg-surface-2 focus-visible:bg-surface-2 focus-visible:outline-none sm:grid-cols-[minmax(0,1fr)_10rem_9rem_6.5rem_5.5rem]"
      >
        <span className="truncate font-medium">{hit.name}</span>
        <span className="tabular order-last col-span-2 text-xs text-muted sm:order-none sm:col-span-1 sm:truncate" title={hit.countryName ?? undefined}>
          {hit.countryName ?? hit.countryCode?.toUpperCase() ?? "Country unknown"}
          <span className="sm:hidden">
            {" · "}
            {formatCount(hit.entryCount)} {hit.entryCount === 1 ? "entry" : "entries"} · #{hit.driverId}
            {namesake ? " · same name, another driver" : ""}
          </span>
        </span>
        <span className={`hidden font-mono text-xs sm:block ${namesake ? "text-fg" : "text-muted"}`} title="RaceRoom user id">
          {namesake ? <span className="mr-1 rounded bg-surface-2 px-1 font-sans">same name</span> : null}#{hit.driverId}
        </span>
        <span className="tabular hidden text-right text-xs text-muted sm:block">
          {formatCount(hit.entryCount)} {hit.entryCount === 1 ? "entry" : "entries"}
        </span>
        <span className="tabular whitespace-nowrap text-right text-sm">
          {hit.bestPosition === null ? (
            "–"
          ) : (
            <>
              <span className="text-xs text-muted">best </span>
              <strong>P{hit.bestPosition}</strong>
            </>
          )}
        </span>
      </Link>
    </li>
  );
}
