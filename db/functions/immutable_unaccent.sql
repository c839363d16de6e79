-- unaccent() is only STABLE; this IMMUTABLE wrapper lets expression indexes (raceroom_drivers.search_name) use it.
-- Needs the unaccent extension (migration 0000).
CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
