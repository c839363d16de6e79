CREATE TABLE "endurance_classifications" (
	"race_id" integer NOT NULL,
	"car" text NOT NULL,
	"position" integer NOT NULL,
	"class_position" integer NOT NULL,
	"car_class" text,
	"team" text,
	"vehicle" text,
	"laps" integer,
	"total_time_ms" integer,
	"best_lap_ms" integer,
	"status" text,
	"finished" boolean NOT NULL,
	"drivers" jsonb NOT NULL,
	CONSTRAINT "endurance_classifications_race_id_car_pk" PRIMARY KEY("race_id","car")
);
--> statement-breakpoint
CREATE TABLE "endurance_flags" (
	"race_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"flag" text NOT NULL,
	"start_ms" integer,
	"end_ms" integer,
	"start_lap" integer,
	CONSTRAINT "endurance_flags_race_id_seq_pk" PRIMARY KEY("race_id","seq")
);
--> statement-breakpoint
CREATE TABLE "endurance_ingestion_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"race_id" integer NOT NULL,
	"sync_run_id" uuid NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"polls" integer DEFAULT 0 NOT NULL,
	"failed_polls" integer DEFAULT 0 NOT NULL,
	"laps_added" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"rejected_sample" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_error" text,
	"outcome" text
);
--> statement-breakpoint
CREATE TABLE "endurance_laps" (
	"race_id" integer NOT NULL,
	"car" text NOT NULL,
	"lap" integer NOT NULL,
	"driver_number" integer,
	"driver" text,
	"lap_time_ms" integer NOT NULL,
	"s1_ms" integer,
	"s2_ms" integer,
	"s3_ms" integer,
	"kph" real,
	"top_speed_kph" real,
	"elapsed_ms" integer NOT NULL,
	"time_of_day_ms" integer,
	"improvement" integer,
	"in_lap" boolean NOT NULL,
	"out_lap" boolean NOT NULL,
	"pit_time_ms" integer,
	"flag" text,
	"flag_code" text,
	"car_class" text,
	"car_group" text,
	"team" text,
	"manufacturer" text,
	"ingested_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "endurance_laps_race_id_car_lap_pk" PRIMARY KEY("race_id","car","lap")
);
--> statement-breakpoint
CREATE TABLE "endurance_model_fits" (
	"race_id" integer NOT NULL,
	"car_class" text NOT NULL,
	"trained_at_ms" integer NOT NULL,
	"training_laps" integer NOT NULL,
	"fit" jsonb NOT NULL,
	CONSTRAINT "endurance_model_fits_race_id_car_class_trained_at_ms_pk" PRIMARY KEY("race_id","car_class","trained_at_ms")
);
--> statement-breakpoint
CREATE TABLE "endurance_pits" (
	"race_id" integer NOT NULL,
	"car" text NOT NULL,
	"out_lap" integer NOT NULL,
	"in_lap" integer,
	"pit_lane_ms" integer NOT NULL,
	"at_ms" integer NOT NULL,
	CONSTRAINT "endurance_pits_race_id_car_out_lap_pk" PRIMARY KEY("race_id","car","out_lap")
);
--> statement-breakpoint
CREATE TABLE "endurance_predictions" (
	"race_id" integer NOT NULL,
	"car" text NOT NULL,
	"lap" integer NOT NULL,
	"car_class" text,
	"start_ms" integer NOT NULL,
	"baseline_ms" integer,
	"model_ms" integer,
	"predicted_ms" integer,
	"source" text,
	CONSTRAINT "endurance_predictions_race_id_car_lap_pk" PRIMARY KEY("race_id","car","lap")
);
--> statement-breakpoint
CREATE TABLE "endurance_races" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"series" text NOT NULL,
	"event" text NOT NULL,
	"circuit" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"source_kind" text NOT NULL,
	"analysis_url" text NOT NULL,
	"live_results_url" text,
	"live_data_url" text,
	"results_url" text,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"drive_time_rules" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"class_drive_time_rules" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ingest_sync_run_id" uuid,
	"analysis_cursor" jsonb,
	"session" jsonb,
	"laps" integer DEFAULT 0 NOT NULL,
	"race_time_ms" integer DEFAULT 0 NOT NULL,
	"accuracy" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"anomalies" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"strategy" jsonb,
	"last_polled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "endurance_races_status_check" CHECK ("endurance_races"."status" in ('scheduled', 'live', 'finished', 'cancelled')),
	CONSTRAINT "endurance_races_window_check" CHECK ("endurance_races"."ends_at" > "endurance_races"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "endurance_standings" (
	"race_id" integer NOT NULL,
	"car" text NOT NULL,
	"position" integer NOT NULL,
	"car_class" text,
	"row" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "endurance_standings_race_id_car_pk" PRIMARY KEY("race_id","car")
);
--> statement-breakpoint
ALTER TABLE "endurance_classifications" ADD CONSTRAINT "endurance_classifications_race_id_endurance_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."endurance_races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endurance_flags" ADD CONSTRAINT "endurance_flags_race_id_endurance_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."endurance_races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endurance_ingestion_runs" ADD CONSTRAINT "endurance_ingestion_runs_race_id_endurance_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."endurance_races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endurance_laps" ADD CONSTRAINT "endurance_laps_race_id_endurance_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."endurance_races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endurance_model_fits" ADD CONSTRAINT "endurance_model_fits_race_id_endurance_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."endurance_races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endurance_pits" ADD CONSTRAINT "endurance_pits_race_id_endurance_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."endurance_races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endurance_predictions" ADD CONSTRAINT "endurance_predictions_race_id_endurance_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."endurance_races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endurance_standings" ADD CONSTRAINT "endurance_standings_race_id_endurance_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."endurance_races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "endurance_ingestion_runs_race_idx" ON "endurance_ingestion_runs" USING btree ("race_id","started_at");--> statement-breakpoint
CREATE INDEX "endurance_laps_race_elapsed_idx" ON "endurance_laps" USING btree ("race_id","elapsed_ms");--> statement-breakpoint
CREATE UNIQUE INDEX "endurance_races_slug_idx" ON "endurance_races" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "endurance_races_starts_idx" ON "endurance_races" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "endurance_standings_race_position_idx" ON "endurance_standings" USING btree ("race_id","position");