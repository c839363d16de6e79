-- The fuzzy rank of RaceRoom driver search (see raceroom_search_drivers): each word of three characters or more is
-- corrected against the lexicon of name words of one generation (raceroom_name_words); one- and two-letter fragments
-- have no trigram to compare and are kept as typed. Nothing corrected: no rows (the substring rank looked already).
CREATE OR REPLACE FUNCTION raceroom_fuzzy_drivers(query text, generation integer, exclude_like text, max_rows integer)
RETURNS TABLE (id bigint, name text, country_code text, country_name text, entry_count integer, best_position integer)
LANGUAGE plpgsql STABLE
SET pg_trgm.word_similarity_threshold = 0.4
SET enable_seqscan = off
AS $fn$
DECLARE
  typed text;
  fixed text;
  corrected text[] := '{}';
  changed boolean := false;
  pattern text;
BEGIN
  FOR typed IN SELECT w FROM regexp_split_to_table(query, '\s+') AS w WHERE w <> '' LOOP
    IF char_length(typed) < 3 THEN
      corrected := corrected || typed;
      CONTINUE;
    END IF;
    -- EXECUTE plans each lookup with the word itself, so the trigram index serves it.
    EXECUTE 'SELECT x.word FROM raceroom_name_words x WHERE x.generation_id = $2 AND x.word = $1' INTO fixed USING typed, generation;
    IF fixed IS NULL THEN
      EXECUTE 'SELECT x.word FROM raceroom_name_words x WHERE x.generation_id = $2 AND $1 <% x.word
               ORDER BY word_similarity($1, x.word) DESC, x.drivers DESC, x.word LIMIT 1' INTO fixed USING typed, generation;
      IF fixed IS NULL THEN RETURN; END IF;
      changed := true;
    END IF;
    corrected := corrected || fixed;
  END LOOP;
  IF NOT changed THEN RETURN; END IF;
  pattern := '%' || replace(replace(replace(array_to_string(corrected, ' '), '\', '\\'), '%', '\%'), '_', '\_') || '%';
  RETURN QUERY EXECUTE
    '(SELECT d.id, d.name, d.country_code, d.country_name, d.entry_count, d.best_position FROM raceroom_drivers d
      WHERE d.generation_id = $2 AND d.popular AND d.search_name LIKE $1 AND d.search_name NOT LIKE $3
      ORDER BY d.entry_count DESC NULLS LAST, d.best_position, d.id LIMIT $4)
     UNION ALL
     (SELECT d.id, d.name, d.country_code, d.country_name, d.entry_count, d.best_position FROM raceroom_drivers d
      WHERE d.generation_id = $2 AND NOT d.popular AND d.search_name LIKE $1 AND d.search_name NOT LIKE $3
      ORDER BY d.entry_count DESC NULLS LAST, d.best_position, d.id LIMIT $4)
     LIMIT $4'
    USING pattern, generation, exclude_like, max_rows;
END
$fn$;
