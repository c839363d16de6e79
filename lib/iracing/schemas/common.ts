import { z } from "zod";
import { parseDay, parseInstant, parseTimeOfDay } from "../time";

// Field schemas shared by the response schemas. Objects are loose (iRacing adds fields often); a field Pitwall
// relies on is required and typed, anything else it reads is optional and nullable.

export const id = z.int().positive();
export const whole = z.int().nonnegative();
export const text = z.string().nullish();
export const flag = z.boolean().nullish();
/** Percentages and kilograms come as floats and may be negative (50.5, -1.25, -1.0). */
export const amount = z.number().nullish();

/** "YYYY-MM-DD", kept as text: a day in UTC. */
export const day = z.string().refine((value) => parseDay(value) !== null, { error: (issue) => `not a day (YYYY-MM-DD): ${JSON.stringify(issue.input)}` });

/** "HH:MM:SS" (GMT). */
export const timeOfDay = z.string().refine((value) => parseTimeOfDay(value) !== null, { error: (issue) => `not a time of day: ${JSON.stringify(issue.input)}` });

/** An ISO 8601 instant, read as UTC when it has no zone. */
export const instant = z.string().transform((value, ctx) => {
  const parsed = parseInstant(value);
  if (parsed === null) {
    ctx.addIssue({ code: "custom", message: `not an ISO date-time: ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return parsed;
});

/** `car_types: [{car_type: "road"}, ...]`. */
export const carTypeTags = z.array(z.looseObject({ car_type: z.string() })).nullish();
/** `track_types: [{track_type: "road"}, ...]`. */
export const trackTypeTags = z.array(z.looseObject({ track_type: z.string() })).nullish();

/** A list whose items are validated one by one by the parsers, so that one bad item never sinks the others. */
export const items = z.array(z.unknown());
/** Objects keyed by an id string (`series/assets`, `car/assets`, `track/assets`). */
export const keyedItems = z.record(z.string(), z.unknown());
