import { z } from "zod";
import { invalidRequest, type ApiIssue } from "./errors";

export type InputLocation = "params" | "query" | "body";

const kindOf: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "a string",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  bigint: "a whole number",
  date: "a date",
};

const formatOf: Record<string, string> = {
  uuid: "a UUID",
  datetime: "an ISO 8601 date-time such as 2026-11-02T14:00:00Z",
  date: "an ISO 8601 date such as 2026-11-02",
  email: "an email address",
  url: "a URL",
};

function bound(origin: string, limit: number | bigint, atMost: boolean, inclusive: boolean | undefined): string {
  if (origin === "string") return `must be ${atMost ? "at most" : "at least"} ${limit} characters long`;
  if (origin === "array" || origin === "set") return `must have ${atMost ? "at most" : "at least"} ${limit} items`;
  if (inclusive === false) return `must be ${atMost ? "less" : "greater"} than ${limit}`;
  return `must be ${atMost ? "at most" : "at least"} ${limit}`;
}

/**
 * zod's messages for the common problems, rewritten in plain words ("must be at most 500").
 * Passed per parse, so a message a schema sets itself still wins.
 */
const plainWords: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "is required" : `must be ${kindOf[issue.expected] ?? issue.expected}`;
    case "too_big":
      return bound(issue.origin, issue.maximum, true, issue.inclusive);
    case "too_small":
      return issue.origin === "string" && issue.minimum === 1 ? "must not be empty" : bound(issue.origin, issue.minimum, false, issue.inclusive);
    case "invalid_value":
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_format":
      return formatOf[issue.format] ? `must be ${formatOf[issue.format]}` : "has an invalid format";
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}`;
    case "unrecognized_keys":
      return `has unknown ${issue.keys.length === 1 ? "field" : "fields"} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`;
    default:
      return undefined;
  }
};

export function issuesOf(error: z.ZodError, location: InputLocation): ApiIssue[] {
  return error.issues.map((issue) => ({ path: [location, ...issue.path.map(String)].join("."), message: issue.message }));
}

/** Validates one part of a request; any problem becomes a 400 listing all of them. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, location: InputLocation): z.output<S> {
  const result = schema.safeParse(input, { error: plainWords });
  if (!result.success) throw invalidRequest(issuesOf(result.error, location));
  return result.data;
}

/**
 * The query string as an object for zod: a repeated key becomes a list, an empty value counts as absent
 * (what an HTML form sends for an empty field), and a key the endpoint does not know is a 400 (typos
 * such as `limt=10` should not be ignored silently).
 */
export function queryInput(searchParams: URLSearchParams, known: readonly string[]): Record<string, string | string[]> {
  const input: Record<string, string | string[]> = {};
  const unknown: ApiIssue[] = [];
  for (const key of new Set(searchParams.keys())) {
    if (!known.includes(key)) {
      const hint = known.length ? ` (known: ${known.join(", ")})` : " (this endpoint takes none)";
      unknown.push({ path: `query.${key}`, message: `is not a known parameter${hint}` });
      continue;
    }
    const values = searchParams.getAll(key).filter((v) => v !== "");
    if (values.length === 1) input[key] = values[0]!;
    else if (values.length > 1) input[key] = values;
  }
  if (unknown.length) throw invalidRequest(unknown);
  return input;
}
