-- Drivers become per generation, partitioned like the entries (drizzle-kit cannot declare partitions; columns, key
-- and index names are those of db/schema/raceroom.ts). Their rows are derived from the entries, so the table is
-- rebuilt: for the live generation, if there is one, right here.
DROP TABLE "raceroom_drivers";--> statement-breakpoint
CREATE TABLE "raceroom_drivers" (
	"generation_id" integer NOT NULL,
	"id" bigint NOT NULL,
	"name" text NOT NULL,
	"country_code" text,
	"country_name" text,
	"entry_count" integer DEFAULT 0 NOT NULL,
	"best_position" integer,
	CONSTRAINT "raceroom_drivers_generation_id_id_pk" PRIMARY KEY("generation_id","id")
) PARTITION BY LIST ("generation_id");--> statement-breakpoint
CREATE INDEX "raceroom_drivers_name_trgm_idx" ON "raceroom_drivers" USING gin (immutable_unaccent(lower("name")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "raceroom_drivers_name_prefix_idx" ON "raceroom_drivers" USING btree (immutable_unaccent(lower("name")) text_pattern_ops);--> statement-breakpoint
DO $$
DECLARE live integer;
BEGIN
  SELECT generation_id INTO live FROM raceroom_live WHERE id = 1;
  IF live IS NOT NULL THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF raceroom_drivers FOR VALUES IN (%s)', 'raceroom_drivers_g' || live, live);
    INSERT INTO raceroom_drivers (generation_id, id, name, country_code, country_name, entry_count, best_position)
    SELECT live, driver_id, min(driver_name), min(country_code), min(country_name), count(*)::int, min(position)
    FROM raceroom_entries WHERE generation_id = live GROUP BY driver_id;
  END IF;
END $$;
