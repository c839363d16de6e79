-- RaceRoom entries are partitioned by generation (drizzle-kit cannot declare partitions; columns, key and index
-- names stay exactly as db/schema/raceroom.ts declares them). A refresh loads its own partition without indexes,
-- indexes it once and attaches it; dropping a generation drops its partition.
DROP TABLE "raceroom_entries";--> statement-breakpoint
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
) PARTITION BY LIST ("generation_id");--> statement-breakpoint
CREATE INDEX "raceroom_entries_driver_idx" ON "raceroom_entries" USING btree ("generation_id","driver_id");
