import type { z } from "zod";
import type { Rejected } from "../records";

/** "track.track_id: expected number; ..." from zod issues. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${issue.path.join(".") || "(item)"}: ${issue.message}`).join("; ");
}

/**
 * Validates each item of a list on its own: valid ones go through `build`, invalid ones are recorded in `rejected`
 * with their index and reason (prefixed by `where` for nested lists), and never stop the others. `build` may return
 * a string to reject an item for a reason of its own (a duplicate, say).
 */
export function collect<S extends z.ZodType, T>(
  list: readonly unknown[] | null | undefined,
  schema: S,
  build: (item: z.output<S>, index: number) => T | string,
  rejected: Rejected[],
  where = "",
): T[] {
  const records: T[] = [];
  (list ?? []).forEach((raw, index) => {
    const parsed = schema.safeParse(raw);
    const result = parsed.success ? build(parsed.data, index) : describeIssues(parsed.error.issues);
    if (typeof result === "string") rejected.push({ index, reason: `${where}${result}` });
    else records.push(result);
  });
  return records;
}

/** The same for objects keyed by id strings; a rejection's reason starts with the key. */
export function collectKeyed<S extends z.ZodType, T>(
  entries: Readonly<Record<string, unknown>>,
  schema: S,
  build: (item: z.output<S>, key: string) => T | string,
  rejected: Rejected[],
): T[] {
  const keys = Object.keys(entries);
  const found: Rejected[] = [];
  const records = collect(
    keys.map((key) => entries[key]),
    schema,
    (item, index) => build(item, keys[index] ?? ""),
    found,
  );
  for (const { index, reason } of found) rejected.push({ index, reason: `${keys[index]}: ${reason}` });
  return records;
}

/** Throws with a readable message when a body's envelope (not its items) has the wrong shape. */
export function envelope<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`iRacing ${what} has an unexpected shape: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

/** `null` for missing, blank or whitespace text; trimmed text otherwise. */
export function textOrNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

export const orNull = <T>(value: T | null | undefined): T | null => value ?? null;
