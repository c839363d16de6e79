CREATE TABLE "raceroom_name_words" (
	"generation_id" integer NOT NULL,
	"word" text NOT NULL,
	"drivers" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "raceroom_name_words_generation_id_word_pk" PRIMARY KEY("generation_id","word")
);
--> statement-breakpoint
CREATE INDEX "raceroom_name_words_trgm_idx" ON "raceroom_name_words" USING gin ("word" gin_trgm_ops);