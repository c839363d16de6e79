-- The name lexicon is partitioned by generation like the drivers (columns, key and index names as in
-- db/schema/raceroom.ts); rebuilt here for the live generation, if there is one.
DROP TABLE "raceroom_name_words";--> statement-breakpoint
CREATE TABLE "raceroom_name_words" (
	"generation_id" integer NOT NULL,
	"word" text NOT NULL,
	"drivers" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "raceroom_name_words_generation_id_word_pk" PRIMARY KEY("generation_id","word")
) PARTITION BY LIST ("generation_id");--> statement-breakpoint
CREATE INDEX "raceroom_name_words_trgm_idx" ON "raceroom_name_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
DO $$
DECLARE live integer;
BEGIN
  SELECT generation_id INTO live FROM raceroom_live WHERE id = 1;
  IF live IS NOT NULL THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF raceroom_name_words FOR VALUES IN (%s)', 'raceroom_name_words_g' || live, live);
    INSERT INTO raceroom_name_words (generation_id, word, drivers)
    SELECT live, w, count(*)::int
    FROM raceroom_drivers d, regexp_split_to_table(d.search_name, '\s+') w
    WHERE d.generation_id = live AND w <> '' GROUP BY w;
  END IF;
END $$;--> statement-breakpoint
-- Fuzzy driver search: each word of the (folded) query that is not a word of any driver's name is replaced by the
-- closest one of the lexicon (word_similarity >= 0.4: one wrong letter in a four-letter word still leaves two of
-- its five trigrams), and drivers whose name contains the corrected query are returned, the popular ones first.
-- Correcting against the lexicon (tens of thousands of distinct words) instead of comparing with every name
-- keeps the work small. The function carries its own threshold without touching the session's.
CREATE OR REPLACE FUNCTION raceroom_fuzzy_drivers(query text, generation integer, exclude_like text, max_rows integer)
RETURNS TABLE (id bigint, name text, country_code text, country_name text, entry_count integer, best_position integer)
LANGUAGE sql STABLE
SET pg_trgm.word_similarity_threshold = 0.4
AS $$
  WITH typed AS (
    SELECT t.n, t.w FROM regexp_split_to_table(query, '\s+') WITH ORDINALITY AS t(w, n) WHERE t.w <> ''
  ),
  fixed AS (
    SELECT typed.n, coalesce(
      (SELECT x.word FROM raceroom_name_words x WHERE x.generation_id = generation AND x.word = typed.w),
      (SELECT x.word FROM raceroom_name_words x
       WHERE x.generation_id = generation AND typed.w <% x.word
       ORDER BY word_similarity(typed.w, x.word) DESC, x.drivers DESC, x.word LIMIT 1)
    ) AS word
    FROM typed
  ),
  pattern AS (
    SELECT '%' || replace(replace(replace(string_agg(word, ' ' ORDER BY n), '\', '\\'), '%', '\%'), '_', '\_') || '%' AS p
    FROM fixed
    HAVING count(*) > 0 AND count(word) = count(*)
  )
  (SELECT d.id, d.name, d.country_code, d.country_name, d.entry_count, d.best_position
   FROM pattern, raceroom_drivers d
   WHERE d.generation_id = generation AND d.popular AND d.search_name LIKE pattern.p AND d.search_name NOT LIKE exclude_like
   ORDER BY d.entry_count DESC NULLS LAST, d.best_position, d.id LIMIT max_rows)
  UNION ALL
  (SELECT d.id, d.name, d.country_code, d.country_name, d.entry_count, d.best_position
   FROM pattern, raceroom_drivers d
   WHERE d.generation_id = generation AND NOT d.popular AND d.search_name LIKE pattern.p AND d.search_name NOT LIKE exclude_like
   ORDER BY d.entry_count DESC NULLS LAST, d.best_position, d.id LIMIT max_rows)
  LIMIT max_rows
$$;
