-- Driver search as one function with a cached generic plan: the same statement for every query, planned once per
-- connection instead of at every search (planning its six ranks cost more than running them). The ranks and their
-- indexes are those of lib/raceroom/search.ts; see there. `query` comes trimmed, NFC-normalised, spaces collapsed.
CREATE OR REPLACE FUNCTION raceroom_search_drivers(query text, max_rows integer)
RETURNS TABLE (id bigint, name text, country_code text, country_name text, entry_count integer, best_position integer, tier integer)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $fn$
DECLARE
  -- Folded like the stored search_name; LIKE wildcards in the query are literal characters.
  t text := immutable_unaccent(lower(query));
  escaped text := replace(replace(replace(t, '\', '\\'), '%', '\%'), '_', '\_');
  prefix text := escaped || '%';
  inside text := '%' || escaped || '%';
  live integer;
BEGIN
  SELECT l.generation_id INTO live FROM raceroom_live l WHERE l.id = 1;
  IF live IS NULL OR t = '' THEN RETURN; END IF;
  RETURN QUERY
  SELECT * FROM (
    (SELECT d.id, d.name, d.country_code, d.country_name, d.entry_count, d.best_position, 0 FROM raceroom_drivers d
     WHERE d.generation_id = live AND d.search_name = t
     ORDER BY d.entry_count DESC NULLS LAST, d.best_position, d.id LIMIT max_rows)
    UNION ALL
    (SELECT d.id, d.name, d.country_code, d.country_name, d.entry_count, d.best_position, 1 FROM raceroom_drivers d
     WHERE d.generation_id = live AND d.popular AND d.search_name ~>=~ t AND d.search_name ~<~ (t || chr(1114111)) AND d.search_name <> t
     ORDER BY d.entry_count DESC NULLS LAST, d.best_position, d.id LIMIT max_rows)
    UNION ALL
    (SELECT d.id, d.name, d.country_code, d.country_name, d.entry_count, d.best_position, 1 FROM raceroom_drivers d
     WHERE d.generation_id = live AND NOT d.popular AND d.search_name ~>=~ t AND d.search_name ~<~ (t || chr(1114111)) AND d.search_name <> t
     ORDER BY d.entry_count DESC NULLS LAST, d.best_position, d.id LIMIT max_rows)
    UNION ALL
    -- Substrings from three characters (a trigram needs three).
    (SELECT d.id, d.name, d.country_code, d.country_name, d.entry_count, d.best_position, 2 FROM raceroom_drivers d
     WHERE char_length(t) >= 3 AND d.generation_id = live AND d.popular AND d.search_name LIKE inside AND d.search_name NOT LIKE prefix
     ORDER BY d.entry_count DESC NULLS LAST, d.best_position, d.id LIMIT max_rows)
    UNION ALL
    (SELECT d.id, d.name, d.country_code, d.country_name, d.entry_count, d.best_position, 2 FROM raceroom_drivers d
     WHERE char_length(t) >= 3 AND d.generation_id = live AND NOT d.popular AND d.search_name LIKE inside AND d.search_name NOT LIKE prefix
     ORDER BY d.entry_count DESC NULLS LAST, d.best_position, d.id LIMIT max_rows)
    UNION ALL
    -- Typos from four characters.
    (SELECT f.id, f.name, f.country_code, f.country_name, f.entry_count, f.best_position, 3
     FROM raceroom_fuzzy_drivers(t, live, inside, max_rows) f WHERE char_length(t) >= 4)
  ) hits
  LIMIT max_rows;
END
$fn$;
