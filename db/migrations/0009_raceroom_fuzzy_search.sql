-- Fuzzy driver search: names within a typo or two of the (folded) query, among one generation's drivers.
-- pg_trgm's `<%` operator reads its threshold from a setting; the function carries its own value (0.4: one wrong
-- letter in a four-letter query still leaves two of its five trigrams) without touching the session's.
CREATE OR REPLACE FUNCTION raceroom_fuzzy_drivers(query text, generation integer, exclude_like text, max_rows integer)
RETURNS TABLE (id bigint, name text, country_code text, country_name text, entry_count integer, best_position integer)
LANGUAGE sql STABLE
SET pg_trgm.word_similarity_threshold = 0.4
AS $$
  SELECT d.id, d.name, d.country_code, d.country_name, d.entry_count, d.best_position
  FROM raceroom_drivers d
  WHERE d.generation_id = generation AND query <% d.search_name AND d.search_name NOT LIKE exclude_like
  ORDER BY word_similarity(query, d.search_name) DESC, d.entry_count DESC, d.id
  LIMIT max_rows
$$;
