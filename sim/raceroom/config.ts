import { z } from "zod";

/**
 * Leaderboards with a fixed size for pagination edge tests, present in every world (they are among the first
 * five leaderboards, so a world limited to N >= 5 leaderboards keeps them). They gain no entries when the
 * world advances a day, so their size holds on every day.
 */
export const RACEROOM_EDGE_LEADERBOARDS = {
  /** RaceRoom Raceway - Grand Prix x GTR 3: one full page of 1,500, then an empty page. */
  exactly1500: { layoutId: 263, classId: 1703, entries: 1500 },
  /** RaceRoom Raceway - Grand Prix x GTR 1: two full pages, then an empty page. */
  exactly3000: { layoutId: 263, classId: 1687, entries: 3000 },
} as const;

export const MIN_LEADERBOARDS = 5;

/** The size of a simulated RaceRoom world. `leaderboards` limits it to the first N layout x class pairs. */
export const worldSizeSchema = z.strictObject({
  entries: z.number().int().min(5_000).max(2_000_000).default(200_000),
  drivers: z.number().int().min(3_000).max(2_000_000).default(45_000),
  leaderboards: z.number().int().min(MIN_LEADERBOARDS).optional(),
});

export type WorldSize = z.output<typeof worldSizeSchema>;
export type WorldSizeInput = z.input<typeof worldSizeSchema>;

/** Lenient on omissions: a field left out of a patch keeps its current value. */
export const worldSizePatchSchema = z.strictObject({
  entries: z.number().int().min(5_000).max(2_000_000).optional(),
  drivers: z.number().int().min(3_000).max(2_000_000).optional(),
  leaderboards: z.number().int().min(MIN_LEADERBOARDS).nullable().optional(),
});

export const quirksSchema = z.strictObject({
  /** Share of requests for a non-empty page that answer an empty page once; the retry gets the rows. */
  transientEmptyRate: z.number().min(0).max(1).optional(),
  /** Share of listing requests answered with the `{"error": ...}` payload. */
  errorPayloadRate: z.number().min(0).max(1).optional(),
});

export type Quirks = Required<z.output<typeof quirksSchema>>;

export const NO_QUIRKS: Quirks = { transientEmptyRate: 0, errorPayloadRate: 0 };

export const advanceSchema = z.strictObject({ days: z.number().int().min(1).max(365).default(1) });
