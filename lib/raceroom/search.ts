import { sql as rawSql } from "@/db";

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

/** Below this many characters only names starting with the query match (a trigram needs three). */
const SUBSTRING_FROM = 3;
/** From this many characters on, names within a typo or two match too. */
const FUZZY_FROM = 4;
const MAX_QUERY_LENGTH = 80;
const MATCHES: MatchKind[] = ["exact", "prefix", "substring", "fuzzy"];

/** LIKE wildcards in the query are literal characters (lower() and unaccent() leave these three alone). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

interface Row {
  id: string | number;
  name: string;
  countryCode: string | null;
  countryName: string | null;
  entryCount: number;
  bestPosition: number | null;
  tier: number;
}

const COLUMNS = `d.id, d.name, d.country_code as "countryCode", d.country_name as "countryName", d.entry_count as "entryCount",
                 d.best_position as "bestPosition"`;
const LIVE = "(select generation_id from raceroom_live where id = 1)";

/**
 * Driver search over the live generation: case- and accent-insensitive, ranked exact name > name starting with the
 * query > name containing it > fuzzy (typos tolerated from 4 characters); within a rank, drivers with more entries
 * first. Namesakes are separate hits (one per driver id). Reads the live generation's drivers table only (its
 * aggregates are computed when the generation is built).
 *
 * One statement per search. Its ranks are branches of a UNION ALL under one LIMIT, and Postgres stops pulling
 * branches once the limit is reached. Prefix and substring ranks each look among the popular drivers first (more
 * entries than any other driver, see raceroom_drivers.popular): a common fragment or a single letter is answered
 * from a few hundred rows there, and the long tail is read only when the popular drivers do not fill the page.
 */
export async function searchDrivers(query: string, options: { limit?: number } = {}): Promise<DriverSearch> {
  const text = query.normalize("NFC").replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_LENGTH);
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
  if (text === "") return { query: text, hits: [] };
  const sql = rawSql();
  const escaped = escapeLike(text);
  const columns = sql.unsafe(COLUMNS);
  const live = sql.unsafe(LIVE);
  const byEntries = sql.unsafe("order by d.entry_count desc nulls last, d.best_position, d.id");

  // Folded like the stored search_name. Exact and prefix ranks read the btree's prefix range; the substring rank
  // (from three characters) the trigram indexes; the fuzzy rank (from four) a function with its own threshold.
  const rows = await sql<Row[]>`
    with q as not materialized (
      select immutable_unaccent(lower(${text})) as t, immutable_unaccent(lower(${`${escaped}%`})) as prefix,
             immutable_unaccent(lower(${`%${escaped}%`})) as inside
    )
    select * from (
      (select ${columns}, 0 as tier from raceroom_drivers d, q
       where d.generation_id = ${live} and d.search_name = q.t ${byEntries} limit ${limit})
      union all
      (select ${columns}, 1 as tier from raceroom_drivers d, q
       where d.generation_id = ${live} and d.popular and d.search_name ~>=~ q.t and d.search_name ~<~ (q.t || chr(1114111))
         and d.search_name <> q.t
       ${byEntries} limit ${limit})
      union all
      (select ${columns}, 1 as tier from raceroom_drivers d, q
       where d.generation_id = ${live} and not d.popular and d.search_name ~>=~ q.t and d.search_name ~<~ (q.t || chr(1114111))
         and d.search_name <> q.t
       ${byEntries} limit ${limit})
      union all
      (select ${columns}, 2 as tier from raceroom_drivers d, q
       where d.generation_id = ${live} and length(q.t) >= ${SUBSTRING_FROM} and d.popular and d.search_name like q.inside
         and d.search_name not like q.prefix
       ${byEntries} limit ${limit})
      union all
      (select ${columns}, 2 as tier from raceroom_drivers d, q
       where d.generation_id = ${live} and length(q.t) >= ${SUBSTRING_FROM} and not d.popular and d.search_name like q.inside
         and d.search_name not like q.prefix
       ${byEntries} limit ${limit})
      union all
      (select f.id, f.name, f.country_code, f.country_name, f.entry_count, f.best_position, 3 as tier
       from q, raceroom_fuzzy_drivers(q.t, ${live}, q.inside, ${limit}) f
       where length(q.t) >= ${FUZZY_FROM})
    ) hits
    limit ${limit}`;
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
