-- One name for a layout x class leaderboard: the table and the generation counts are renamed, and their indexes and
-- constraint with them (renamed in place, so the entries index on every partition is kept rather than rebuilt).
ALTER TABLE "raceroom_combinations" RENAME TO "raceroom_leaderboards";--> statement-breakpoint
ALTER TABLE "raceroom_generations" RENAME COLUMN "combinations_total" TO "leaderboards_total";--> statement-breakpoint
ALTER TABLE "raceroom_generations" RENAME COLUMN "combinations_with_entries" TO "leaderboards_with_entries";--> statement-breakpoint
ALTER INDEX "raceroom_combinations_entries_idx" RENAME TO "raceroom_leaderboards_entries_idx";--> statement-breakpoint
ALTER INDEX "raceroom_combinations_class_idx" RENAME TO "raceroom_leaderboards_class_idx";--> statement-breakpoint
ALTER INDEX "raceroom_entries_driver_board_idx" RENAME TO "raceroom_entries_driver_leaderboard_idx";--> statement-breakpoint
ALTER TABLE "raceroom_leaderboards" RENAME CONSTRAINT "raceroom_combinations_generation_id_layout_id_class_id_pk" TO "raceroom_leaderboards_generation_id_layout_id_class_id_pk";
