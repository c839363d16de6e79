DROP INDEX "raceroom_drivers_search_trgm_idx";--> statement-breakpoint
ALTER TABLE "raceroom_drivers" ADD COLUMN "popular" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "raceroom_generations" ADD COLUMN "popular_from" integer;--> statement-breakpoint
CREATE INDEX "raceroom_drivers_popular_prefix_idx" ON "raceroom_drivers" USING btree ("search_name" text_pattern_ops) WHERE "raceroom_drivers"."popular";--> statement-breakpoint
CREATE INDEX "raceroom_drivers_popular_trgm_idx" ON "raceroom_drivers" USING gin ("search_name" gin_trgm_ops) WHERE "raceroom_drivers"."popular";--> statement-breakpoint
CREATE INDEX "raceroom_drivers_other_trgm_idx" ON "raceroom_drivers" USING gin ("search_name" gin_trgm_ops) WHERE not "raceroom_drivers"."popular";