CREATE TABLE "raceroom_cars" (
	"id" integer PRIMARY KEY NOT NULL,
	"class_id" integer NOT NULL,
	"name" text NOT NULL,
	"brand" text
);
--> statement-breakpoint
CREATE TABLE "raceroom_classes" (
	"id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "raceroom_combinations" (
	"generation_id" integer NOT NULL,
	"layout_id" integer NOT NULL,
	"class_id" integer NOT NULL,
	"entry_count" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"fetched_at" timestamp with time zone,
	"attempted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"flag" text,
	"skipped_entries" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "raceroom_combinations_generation_id_layout_id_class_id_pk" PRIMARY KEY("generation_id","layout_id","class_id")
);
--> statement-breakpoint
CREATE TABLE "raceroom_drivers" (
	"id" bigint PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"country_code" text,
	"country_name" text,
	"entry_count" integer DEFAULT 0 NOT NULL,
	"best_position" integer,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "raceroom_entries" (
	"generation_id" integer NOT NULL,
	"layout_id" integer NOT NULL,
	"class_id" integer NOT NULL,
	"position" integer NOT NULL,
	"driver_id" bigint NOT NULL,
	"driver_name" text NOT NULL,
	"country_code" text,
	"country_name" text,
	"car_id" integer,
	"car_name" text NOT NULL,
	"lap_time_ms" integer NOT NULL,
	"team" text,
	"rank" text,
	"difficulty" text,
	"achieved_at" timestamp with time zone,
	CONSTRAINT "raceroom_entries_generation_id_layout_id_class_id_position_pk" PRIMARY KEY("generation_id","layout_id","class_id","position")
);
--> statement-breakpoint
CREATE TABLE "raceroom_generations" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text DEFAULT 'full' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"sync_run_id" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"promoted_at" timestamp with time zone,
	"retired_at" timestamp with time zone,
	"combinations_total" integer DEFAULT 0 NOT NULL,
	"entry_count" integer DEFAULT 0 NOT NULL,
	"driver_count" integer DEFAULT 0 NOT NULL,
	"combinations_with_entries" integer DEFAULT 0 NOT NULL,
	"flagged_count" integer DEFAULT 0 NOT NULL,
	"promotion_ms" integer
);
--> statement-breakpoint
CREATE TABLE "raceroom_layouts" (
	"id" integer PRIMARY KEY NOT NULL,
	"track_id" integer NOT NULL,
	"name" text NOT NULL,
	"max_vehicles" integer
);
--> statement-breakpoint
CREATE TABLE "raceroom_live" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"generation_id" integer NOT NULL,
	"promoted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "raceroom_live_single_row" CHECK ("raceroom_live"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "raceroom_movers" (
	"generation_id" integer NOT NULL,
	"rank" integer NOT NULL,
	"previous_generation_id" integer NOT NULL,
	"driver_id" bigint NOT NULL,
	"layout_id" integer NOT NULL,
	"class_id" integer NOT NULL,
	"car_name" text NOT NULL,
	"previous_position" integer NOT NULL,
	"position" integer NOT NULL,
	"previous_lap_time_ms" integer NOT NULL,
	"lap_time_ms" integer NOT NULL,
	CONSTRAINT "raceroom_movers_generation_id_rank_pk" PRIMARY KEY("generation_id","rank")
);
--> statement-breakpoint
CREATE TABLE "raceroom_personal_bests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"driver_id" bigint NOT NULL,
	"layout_id" integer NOT NULL,
	"class_id" integer NOT NULL,
	"lap_time_ms" integer NOT NULL,
	"car_name" text NOT NULL,
	"position" integer NOT NULL,
	"achieved_at" timestamp with time zone,
	"generation_id" integer NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "raceroom_tracks" (
	"id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "raceroom_cars_class_idx" ON "raceroom_cars" USING btree ("class_id");--> statement-breakpoint
CREATE INDEX "raceroom_combinations_entries_idx" ON "raceroom_combinations" USING btree ("generation_id","entry_count" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "raceroom_combinations_class_idx" ON "raceroom_combinations" USING btree ("generation_id","class_id");--> statement-breakpoint
CREATE INDEX "raceroom_drivers_name_trgm_idx" ON "raceroom_drivers" USING gin (immutable_unaccent(lower("name")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "raceroom_drivers_name_prefix_idx" ON "raceroom_drivers" USING btree (immutable_unaccent(lower("name")) text_pattern_ops);--> statement-breakpoint
CREATE INDEX "raceroom_entries_driver_idx" ON "raceroom_entries" USING btree ("generation_id","driver_id");--> statement-breakpoint
CREATE INDEX "raceroom_generations_status_idx" ON "raceroom_generations" USING btree ("status");--> statement-breakpoint
CREATE INDEX "raceroom_layouts_track_idx" ON "raceroom_layouts" USING btree ("track_id");--> statement-breakpoint
CREATE INDEX "raceroom_personal_bests_driver_idx" ON "raceroom_personal_bests" USING btree ("driver_id","layout_id","class_id","lap_time_ms");