import { z } from "zod";

export const syntheticSchema = z.strictObject({
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  cars: z.number().int().min(10).max(62).optional(),
  durationMs: z.number().int().min(600_000).max(30 * 3_600_000).optional(),
  layout: z.enum(["wec", "wec-2020", "imsa"]).optional(),
  bom: z.boolean().optional(),
  lineBreak: z.enum(["\r\n", "\n"]).optional(),
});

/** Where a replayed race comes from: the text of an analysis file, a path to one, or the synthetic generator. */
export const raceSourceSchema = z.union([
  z.strictObject({ csv: z.string().min(1) }),
  z.strictObject({ path: z.string().min(1) }),
  z.strictObject({ synthetic: syntheticSchema }),
]);

export const raceSpecSchema = z.strictObject({
  /** Path segment of the race's endpoints. */
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "lower-case letters, digits, - and _"),
  name: z.string().default("FIA WEC"),
  event: z.string().default("Endurance race"),
  track: z.string().default("Circuit"),
  source: raceSourceSchema,
  /** Scheduled race length; inferred from the file when absent. */
  scheduledMs: z.number().int().positive().optional(),
  /** Race seconds per wall second once started. */
  speed: z.number().positive().max(10_000).default(60),
  /** Start replaying as soon as the simulator starts (and after every reset). */
  live: z.boolean().default(false),
});

export type RaceSpec = z.output<typeof raceSpecSchema>;
export type RaceSpecInput = z.input<typeof raceSpecSchema>;

const race = z.string().optional();
export const startSchema = z.strictObject({ race, speed: z.number().positive().max(10_000).optional(), fromMs: z.number().min(0).optional() });
export const seekSchema = z.strictObject({ race, raceTimeMs: z.number().min(0) });
export const pauseSchema = z.strictObject({ race });
export const resumeSchema = z.strictObject({ race, speed: z.number().positive().max(10_000).optional() });
