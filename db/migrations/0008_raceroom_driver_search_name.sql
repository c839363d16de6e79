DROP INDEX "raceroom_drivers_name_trgm_idx";--> statement-breakpoint
DROP INDEX "raceroom_drivers_name_prefix_idx";--> statement-breakpoint
ALTER TABLE "raceroom_drivers" ADD COLUMN "search_name" text GENERATED ALWAYS AS (immutable_unaccent(lower(name))) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "raceroom_drivers_search_trgm_idx" ON "raceroom_drivers" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "raceroom_drivers_search_prefix_idx" ON "raceroom_drivers" USING btree ("search_name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "raceroom_drivers_initial_idx" ON "raceroom_drivers" USING btree (left("search_name", 1),"entry_count" DESC NULLS LAST,"best_position","id");--> statement-breakpoint
CREATE INDEX "raceroom_drivers_initials_idx" ON "raceroom_drivers" USING btree (left("search_name", 2),"entry_count" DESC NULLS LAST,"best_position","id");