CREATE TABLE "iracing_car_classes" (
	"car_class_id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"relative_speed" integer,
	"car_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "iracing_cars" (
	"car_id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"abbreviation" text,
	"make" text,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"free" boolean DEFAULT false NOT NULL,
	"price" real,
	"package_id" integer,
	"retired" boolean DEFAULT false NOT NULL,
	"logo_url" text,
	"small_image_url" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "iracing_event_cars" (
	"event_id" integer NOT NULL,
	"car_id" integer NOT NULL,
	"power_adjust_pct" real,
	"weight_penalty_kg" real,
	"max_pct_fuel_fill" real,
	"max_dry_tire_sets" integer,
	"race_setup_id" integer,
	"qualifying_setup_id" integer,
	CONSTRAINT "iracing_event_cars_event_id_car_id_pk" PRIMARY KEY("event_id","car_id")
);
--> statement-breakpoint
CREATE TABLE "iracing_event_classes" (
	"event_id" integer NOT NULL,
	"car_class_id" integer NOT NULL,
	CONSTRAINT "iracing_event_classes_event_id_car_class_id_pk" PRIMARY KEY("event_id","car_class_id")
);
--> statement-breakpoint
CREATE TABLE "iracing_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"season_id" integer NOT NULL,
	"race_week_num" smallint NOT NULL,
	"series_id" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"week_end_time" timestamp with time zone,
	"track_id" integer NOT NULL,
	"track_name" text NOT NULL,
	"config_name" text,
	"category" text,
	"race_lap_limit" integer,
	"race_time_limit_minutes" integer,
	"practice_minutes" integer,
	"qualify_minutes" integer,
	"start_type" text,
	"race_time_descriptors" jsonb NOT NULL,
	"weather" jsonb,
	"rain_chance_pct" real,
	"car_class_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "iracing_events_season_week_key" UNIQUE("season_id","race_week_num")
);
--> statement-breakpoint
CREATE TABLE "iracing_race_guide" (
	"season_id" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"series_id" integer NOT NULL,
	"race_week_num" smallint NOT NULL,
	"session_id" integer,
	"entry_count" integer NOT NULL,
	"super_session" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "iracing_race_guide_season_id_starts_at_pk" PRIMARY KEY("season_id","starts_at")
);
--> statement-breakpoint
CREATE TABLE "iracing_seasons" (
	"season_id" integer PRIMARY KEY NOT NULL,
	"series_id" integer NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"year" smallint NOT NULL,
	"quarter" smallint NOT NULL,
	"official" boolean NOT NULL,
	"fixed_setup" boolean NOT NULL,
	"licence_group" smallint,
	"active" boolean,
	"complete" boolean,
	"multiclass" boolean,
	"car_class_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"max_weeks" smallint,
	"starts_at" timestamp with time zone,
	"schedule_description" text,
	"schedule_hash" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "iracing_series" (
	"series_id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"category" text NOT NULL,
	"category_id" smallint NOT NULL,
	"min_licence_group" smallint,
	"allowed_licences" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"eligible" boolean,
	"min_starters" integer,
	"max_starters" integer,
	"forum_url" text,
	"logo_url" text,
	"about" text,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "iracing_tokens" (
	"account" text PRIMARY KEY NOT NULL,
	"access_token" text NOT NULL,
	"access_expires_at" timestamp with time zone NOT NULL,
	"refresh_token" text,
	"refresh_expires_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "iracing_tracks" (
	"track_id" integer PRIMARY KEY NOT NULL,
	"package_id" integer NOT NULL,
	"track_name" text NOT NULL,
	"config_name" text,
	"category" text,
	"length_miles" real,
	"corners" integer,
	"free" boolean DEFAULT false NOT NULL,
	"price" real,
	"retired" boolean DEFAULT false NOT NULL,
	"location" text,
	"time_zone" text,
	"map_layers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"logo_url" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "iracing_week_cars" (
	"event_id" integer NOT NULL,
	"car_id" integer NOT NULL,
	"car_name" text,
	CONSTRAINT "iracing_week_cars_event_id_car_id_pk" PRIMARY KEY("event_id","car_id")
);
--> statement-breakpoint
CREATE INDEX "iracing_events_window_idx" ON "iracing_events" USING btree ("ends_at","starts_at");--> statement-breakpoint
CREATE INDEX "iracing_events_track_idx" ON "iracing_events" USING btree ("track_id");--> statement-breakpoint
CREATE INDEX "iracing_race_guide_starts_idx" ON "iracing_race_guide" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "iracing_seasons_series_idx" ON "iracing_seasons" USING btree ("series_id","year","quarter");--> statement-breakpoint
CREATE INDEX "iracing_seasons_slot_idx" ON "iracing_seasons" USING btree ("year","quarter");--> statement-breakpoint
CREATE INDEX "iracing_series_category_idx" ON "iracing_series" USING btree ("category");--> statement-breakpoint
CREATE INDEX "iracing_tracks_package_idx" ON "iracing_tracks" USING btree ("package_id");