ALTER TABLE "raceroom_generations" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "raceroom_generations" ADD COLUMN "compared_with" integer;--> statement-breakpoint
ALTER TABLE "raceroom_generations" ADD COLUMN "compared_revision" integer;