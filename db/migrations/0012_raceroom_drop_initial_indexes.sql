DROP INDEX "raceroom_drivers_initial_idx";--> statement-breakpoint
DROP INDEX "raceroom_drivers_initials_idx";