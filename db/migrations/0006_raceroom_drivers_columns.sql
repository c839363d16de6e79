ALTER TABLE "raceroom_drivers" DROP COLUMN "first_seen_at";--> statement-breakpoint
ALTER TABLE "raceroom_drivers" DROP COLUMN "updated_at";