import "server-only";
import { sql as rawSql } from "@/lib/db";

export type MatchKind = "exact" | "prefix" | "substring" | "fuzzy";

export interface DriverHit {
  driverId: number;
  name: string;
  countryCode: string | null;
  countryName: string | null;
  /** Entries in the live generation. */
  entryCount: number;
  bestPosition: number | null;
  match: MatchKind;
}

export interface DriverSearch {
  query: string;
  hits: DriverHit[];
}

const MAX_QUERY_LENGTH = 80;
const MATCHES: MatchKind[] = ["exact", "prefix", "substring", "fuzzy"];

interface Row {
  id: string | number;
  name: string;
  countryCode: string | null;
  countryName: string | null;
  entryCount: number;
  bestPosition: number | null;
  tier: number;
}

/**
 * Driver search over the live generation: case- and accent-insensitive, ranked exact name > name starting with the
 * query > name containing it (from 3 characters) > fuzzy (typos tolerated from 4 characters); within a rank, drivers
 * with more entries first. Namesakes are separate hits (one per driver id). Reads the live generation's drivers table
 * only (its aggregates are computed when the generation is built).
 *
 * One call of raceroom_search_drivers (migration 0019), whose statement is planned once per connection. Its ranks are
 * branches of a UNION ALL under one LIMIT, and Postgres stops pulling branches once the limit is reached. Exact and
 * prefix ranks read the btree's prefix range, the substring rank the trigram indexes, the fuzzy rank corrects each
 * word against the lexicon of name words (raceroom_fuzzy_drivers). Prefix and substring ranks each look among the
 * popular drivers first (more entries than any other driver, see raceroom_drivers.popular): a common fragment or a
 * single letter is answered from a few hundred rows there, and the long tail is read only when the popular drivers
 * do not fill the page.
 */
export async function searchDrivers(query: string, options: { limit?: number } = {}): Promise<DriverSearch> {
  const text = query.normalize("NFC").replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_LENGTH);
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
  if (text === "") return { query: text, hits: [] };
  const rows = await rawSql()<Row[]>`
    select id, name, country_code as "countryCode", country_name as "countryName", entry_count as "entryCount",
           best_position as "bestPosition", tier
    from raceroom_search_drivers(${text}, ${limit})`;
  return {
    query: text,
    hits: rows.map((row) => ({
      driverId: Number(row.id),
      name: row.name,
      countryCode: row.countryCode,
      countryName: row.countryName,
      entryCount: row.entryCount,
      bestPosition: row.bestPosition,
      match: MATCHES[row.tier] ?? "fuzzy",
    })),
  };
}

/**
 * Primes every connection of the pool for search: opened, the search statement prepared and the live tables'
 * catalogue cached, so that the first searches after a start are as fast as later ones (a cold connection adds
 * several milliseconds). Returns how many connections were primed.
 */
export async function warmSearch(): Promise<number> {
  const connections = rawSql().options.max;
  // Concurrent searches make the pool open all its connections; each fragment takes a different path of the plan.
  const queries = ["a", "ma", "mar", "mart", "s", "ro", "jon", "lewi", "k", "el"];
  await Promise.all(Array.from({ length: connections }, (_, i) => searchDrivers(queries[i % queries.length]!)));
  return connections;
}
