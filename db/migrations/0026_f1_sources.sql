CREATE TABLE "f1_feed_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"session_key" integer NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL,
	"line" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "f1_pollers" ADD COLUMN "source" text DEFAULT 'openf1' NOT NULL;--> statement-breakpoint
ALTER TABLE "f1_sessions" ADD COLUMN "sources" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "f1_sessions" ADD COLUMN "archive_path" text;--> statement-breakpoint
ALTER TABLE "f1_sessions" ADD COLUMN "records_source" text;--> statement-breakpoint
CREATE INDEX "f1_feed_messages_session" ON "f1_feed_messages" USING btree ("session_key","id");--> statement-breakpoint
-- Every session stored before the archive came from OpenF1, and so did its records.
UPDATE "f1_sessions" SET "sources" = '{openf1}', "records_source" = CASE WHEN EXISTS (SELECT 1 FROM "f1_records" r WHERE r."session_key" = "f1_sessions"."session_key") THEN 'openf1' END;
