import { z } from "zod";

/** `play`: one archived session (its path below static/) or one recording, at `speed` from `fromSeconds` in. */
export const playSchema = z
  .strictObject({
    session: z.string().min(1).optional(),
    recording: z.string().min(1).optional(),
    speed: z.number().min(0.1).max(10_000).default(1),
    fromSeconds: z.number().min(0).default(0),
  })
  .refine((play) => !(play.session && play.recording), "play either a session or a recording");

/** `withhold` and `refuse`: a switch. */
export const withholdSchema = z.strictObject({ on: z.boolean() });

/** The F1 TV token the simulator accepts when none is configured (the demo's F1_TV_TOKEN). */
export const DEMO_F1TV_TOKEN = "pitwall-demo-f1tv";
