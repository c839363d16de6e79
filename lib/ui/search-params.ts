import { cache } from "react";
import { z } from "zod";

/** A page's search parameters (or route parameters) as Next.js hands them over. */
export type SearchParams = Record<string, string | string[] | undefined>;

type Value = string | string[] | undefined;

// Any parameter may be missing or unusable, so a field that reads one must accept absence (be optional or have a
// default); these types make a field that does not a compile error.
type AcceptsAbsence<Field extends z.ZodType> = undefined extends z.input<Field> ? unknown : { "the field must be optional or have a default": never };
type RequiredKeys<Shape extends z.ZodRawShape> = { [K in keyof Shape]: undefined extends z.input<Shape[K]> ? never : K }[keyof Shape];
type ShapeAcceptsAbsence<Shape extends z.ZodRawShape> = [RequiredKeys<Shape>] extends [never] ? unknown : { "these fields must be optional or have a default": RequiredKeys<Shape> };

/** A positive whole number written plainly ("42"), as ids and page numbers are in URLs. */
export const positiveInt = z
  .string()
  .regex(/^\d{1,15}$/)
  .transform(Number)
  .pipe(z.number().positive());

/**
 * One parameter read with `field`: the first of repeated values; an empty one is absent, and so is one the field
 * rejects (its default applies), rather than failing the page.
 */
export function readParam<Field extends z.ZodType>(field: Field & AcceptsAbsence<Field>, value: Value): z.output<Field> {
  const first = Array.isArray(value) ? value[0] : value;
  const parsed = field.safeParse(first === "" ? undefined : first);
  return parsed.success ? parsed.data : field.parse(undefined);
}

/** A page's parameters read field by field with `schema`, each as readParam does: a bad value drops that filter, never the page. */
export function readSearchParams<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape> & ShapeAcceptsAbsence<Shape>, params: SearchParams): z.output<z.ZodObject<Shape>> {
  const values: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) values[key] = readParam(field as z.ZodType<unknown, undefined>, params[key]);
  return values as z.output<z.ZodObject<Shape>>;
}

/**
 * A page's record by the numeric id in its path, read once per request (metadata and page share it); a segment
 * that is not a positive integer reads as null, which the page shows as not found.
 */
export function loadById<T>(read: (id: number) => Promise<T | null>): (segment: string) => Promise<T | null> {
  return cache(async (segment: string) => {
    const id = readParam(positiveInt.optional(), segment);
    return id === undefined ? null : read(id);
  });
}
