import { z } from "zod";
import { ApiError } from "./errors";

export const MAX_PAGE_SIZE = 500;

/** The query every list endpoint takes; extend it with the endpoint's filters: `paginationQuery.extend({ kind })`. */
export const paginationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50).describe(`Items per page, 1 to ${MAX_PAGE_SIZE}`),
  cursor: z
    .string()
    .max(1000)
    .optional()
    .describe("Where the page starts: the `page.nextCursor` of the previous page. Leave it out for the first page"),
});

export const pageInfoSchema = z
  .object({
    limit: z.number().int().describe("The page size that was applied"),
    nextCursor: z.string().nullable().describe("Pass it as `cursor` to get the next page; null on the last page"),
  })
  .meta({ id: "PageInfo" });

/** The envelope of every list response: `{ data: T[], page: { limit, nextCursor } }`. */
export function paginated<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), page: pageInfoSchema });
}

/** An opaque cursor: base64url of the JSON of where the next page starts (e.g. the last row's sort key). */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position), "utf8").toString("base64url");
}

const invalidCursor = () =>
  new ApiError(400, "invalid_request", "Invalid request: query.cursor is not a cursor this endpoint gave out.", {
    issues: [{ path: "query.cursor", message: "is not a cursor this endpoint gave out" }],
  });

/** Reads a cursor back; anything that is not one we made (or was made for another list) is a 400. */
export function decodeCursor<S extends z.ZodType>(cursor: string, schema: S): z.output<S>;
export function decodeCursor<S extends z.ZodType>(cursor: string | undefined, schema: S): z.output<S> | undefined;
export function decodeCursor<S extends z.ZodType>(cursor: string | undefined, schema: S): z.output<S> | undefined {
  if (cursor === undefined) return undefined;
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalidCursor();
  let position: unknown;
  try {
    position = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  const parsed = schema.safeParse(position);
  if (!parsed.success) throw invalidCursor();
  return parsed.data;
}

/**
 * Builds a page from rows fetched with `limit + 1` (the extra row only tells whether there is a next page):
 * `toPage(rows, limit, (last) => ({ at: last.queuedAt, id: last.id }), toJson)`.
 */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  positionOf: (last: Row) => unknown,
  toItem: (row: Row) => Item,
): { data: Item[]; page: { limit: number; nextCursor: string | null } } {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown.at(-1);
  return { data: shown.map(toItem), page: { limit, nextCursor: more && last !== undefined ? encodeCursor(positionOf(last)) : null } };
}
