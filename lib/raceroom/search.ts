import "server-only";
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
/** word_similarity needed for a fuzzy hit: one wrong letter in a 4-letter query still leaves 2 of its 5 trigrams. */
const FUZZY_THRESHOLD = 0.4;
const MAX_QUERY_LENGTH = 80;

const TIERS: MatchKind[] = ["exact", "prefix", "substring"];

/** LIKE wildcards in the query are literal characters. */
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

function hit(row: Row, match: MatchKind): DriverHit {
  return {
    driverId: Number(row.id),
    name: row.name,
    countryCode: row.countryCode,
    countryName: row.countryName,
    entryCount: row.entryCount,
    bestPosition: row.bestPosition,
    match,
  };
}

/**
 * Driver search over the live generation: case- and accent-insensitive, ranked exact name > name starting with the
 * query > name containing it > fuzzy (typos tolerated from 4 characters); within a rank, drivers with more entries
 * first. Namesakes are separate hits (one per driver id). Reads the live generation's drivers table only (its
 * aggregates are computed when the generation is built).
 */
export async function searchDrivers(query: string, options: { limit?: number } = {}): Promise<DriverSearch> {
  const text = query.normalize("NFC").replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_LENGTH);
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
  const length = [...text].length;
  if (length === 0) return { query: text, hits: [] };
  const sql = rawSql();
  const escaped = escapeLike(text);

  // Exact and prefix come from the btree on the folded name; a substring needs the trigram index.
  const rows =
    length < SUBSTRING_FROM
      ? await sql<Row[]>`
          with q as (select immutable_unaccent(lower(${text})) as t)
          select d.id, d.name, d.country_code as "countryCode", d.country_name as "countryName", d.entry_count as "entryCount",
                 d.best_position as "bestPosition", case when immutable_unaccent(lower(d.name)) = q.t then 0 else 1 end as tier
          from raceroom_drivers d, q
          where immutable_unaccent(lower(d.name)) ~>=~ q.t and immutable_unaccent(lower(d.name)) ~<~ (q.t || chr(1114111))
            and d.generation_id = (select generation_id from raceroom_live where id = 1)
          order by tier, d.entry_count desc, d.best_position, d.id
          limit ${limit}`
      : await sql<Row[]>`
          select d.id, d.name, d.country_code as "countryCode", d.country_name as "countryName", d.entry_count as "entryCount",
                 d.best_position as "bestPosition",
                 case when immutable_unaccent(lower(d.name)) = immutable_unaccent(lower(${text})) then 0
                      when immutable_unaccent(lower(d.name)) like immutable_unaccent(lower(${`${escaped}%`})) then 1
                      else 2 end as tier
          from raceroom_drivers d
          where immutable_unaccent(lower(d.name)) like immutable_unaccent(lower(${`%${escaped}%`}))
            and d.generation_id = (select generation_id from raceroom_live where id = 1)
          order by tier, d.entry_count desc, d.best_position, d.id
          limit ${limit}`;
  const hits = rows.map((row) => hit(row, TIERS[row.tier] ?? "substring"));
  if (hits.length >= limit || length < FUZZY_FROM) return { query: text, hits };

  const found = hits.map((h) => h.driverId);
  const fuzzy = await sql.begin(async (tx) => {
    await tx`select set_config('pg_trgm.word_similarity_threshold', ${String(FUZZY_THRESHOLD)}, true)`;
    return tx<Row[]>`
      with q as (select immutable_unaccent(lower(${text})) as t)
      select d.id, d.name, d.country_code as "countryCode", d.country_name as "countryName", d.entry_count as "entryCount",
             d.best_position as "bestPosition", 3 as tier
      from raceroom_drivers d, q
      where q.t <% immutable_unaccent(lower(d.name)) and d.id <> all(${found}::bigint[])
        and d.generation_id = (select generation_id from raceroom_live where id = 1)
      order by word_similarity(q.t, immutable_unaccent(lower(d.name))) desc, d.entry_count desc, d.id
      limit ${limit - hits.length}`;
  });
  return { query: text, hits: [...hits, ...fuzzy.map((row) => hit(row, "fuzzy"))] };
}
