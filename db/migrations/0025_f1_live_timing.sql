CREATE TABLE "f1_drivers" (
	"session_key" integer NOT NULL,
	"driver_number" integer NOT NULL,
	"acronym" text,
	"full_name" text,
	"team_name" text,
	"team_colour" text,
	CONSTRAINT "f1_drivers_session_key_driver_number_pk" PRIMARY KEY("session_key","driver_number")
);
--> statement-breakpoint
CREATE TABLE "f1_pollers" (
	"session_key" integer PRIMARY KEY NOT NULL,
	"mode" text NOT NULL,
	"status" text NOT NULL,
	"owner" text NOT NULL,
	"lease_until" timestamp (3) with time zone NOT NULL,
	"speed" real DEFAULT 1 NOT NULL,
	"replay_from" timestamp (3) with time zone,
	"started_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"cursors" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"builder" jsonb,
	"feeds" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"message" text,
	"polls" integer DEFAULT 0 NOT NULL,
	"requests" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "f1_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"session_key" integer NOT NULL,
	"kind" text NOT NULL,
	"natural_key" text NOT NULL,
	"driver_number" integer,
	"at" timestamp (3) with time zone,
	"record" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "f1_sessions" (
	"session_key" integer PRIMARY KEY NOT NULL,
	"meeting_key" integer NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"year" integer,
	"location" text,
	"country_name" text,
	"circuit_short_name" text,
	"outline" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "f1_snapshots" (
	"sequence" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "f1_snapshots_sequence_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"session_key" integer NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT clock_timestamp() NOT NULL,
	"body" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "f1_upstream_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp (3) with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "f1_records_natural_key" ON "f1_records" USING btree ("session_key","kind","natural_key");--> statement-breakpoint
CREATE INDEX "f1_records_session_kind_at" ON "f1_records" USING btree ("session_key","kind","at");--> statement-breakpoint
CREATE INDEX "f1_snapshots_session" ON "f1_snapshots" USING btree ("session_key","sequence");--> statement-breakpoint
CREATE INDEX "f1_upstream_requests_at" ON "f1_upstream_requests" USING btree ("at");