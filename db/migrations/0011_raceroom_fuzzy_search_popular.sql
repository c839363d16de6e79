-- The drivers' trigram index is split into popular and other drivers (two partial indexes): the fuzzy search reads
-- both. Same threshold as before (0.4: one wrong letter in a four-letter query leaves two of its five trigrams).
CREATE OR REPLACE FUNCTION raceroom_fuzzy_drivers(query text, generation integer, exclude_like text, max_rows integer)
RETURNS TABLE (id bigint, name text, country_code text, country_name text, entry_count integer, best_position integer)
LANGUAGE sql STABLE
SET pg_trgm.word_similarity_threshold = 0.4
AS $$
  SELECT c.id, c.name, c.country_code, c.country_name, c.entry_count, c.best_position
  FROM (
    SELECT d.id, d.name, d.country_code, d.country_name, d.entry_count, d.best_position, d.search_name
    FROM raceroom_drivers d
    WHERE d.generation_id = generation AND d.popular AND query <% d.search_name AND d.search_name NOT LIKE exclude_like
    UNION ALL
    SELECT d.id, d.name, d.country_code, d.country_name, d.entry_count, d.best_position, d.search_name
    FROM raceroom_drivers d
    WHERE d.generation_id = generation AND NOT d.popular AND query <% d.search_name AND d.search_name NOT LIKE exclude_like
  ) c
  ORDER BY word_similarity(query, c.search_name) DESC, c.entry_count DESC, c.id
  LIMIT max_rows
$$;
