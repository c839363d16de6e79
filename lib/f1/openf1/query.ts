import { instantMs, parseInstant } from "./fields";

/**
 * OpenF1's query semantics as a pure filter engine over rows (after br-g/openf1 query_api/query_params.py and
 * util/db.py): `field=value`, `field>value`, `>=`, `<`, `<=` written literally or percent-encoded, on any field;
 * values cast like the server casts them (booleans, numbers, ISO dates, else text); a date without a time covers
 * its whole day; `session_key=latest` / `meeting_key=latest`. Per field, equalities and one-sided bounds are ORed
 * while a lower and an upper bound pair up into a window (ANDed): `driver_number=4&driver_number=81` is either
 * driver, `date>=a&date<b` is the window. Different fields are ANDed. The poller writes its cursor URLs with
 * queryString and can tell which rows a URL selects with matcher; the simulator answers with its own reading of the
 * server (sim/f1/openf1/query.ts), and tests hold the two to the same answers.
 */

export type Operator = "=" | ">" | ">=" | "<" | "<=";

/** A filter value as the server casts it; dates are epoch milliseconds. */
export type FilterValue = { type: "number"; value: number } | { type: "boolean"; value: boolean } | { type: "date"; value: number } | { type: "text"; value: string };

export interface Filter {
  field: string;
  op: Operator;
  value: FilterValue;
}

export type Row = Record<string, unknown>;

export interface LatestKeys {
  sessionKey: number;
  meetingKey: number;
}

export class OpenF1QueryError extends Error {}

// The server tries the two-character operators first.
const OPERATORS: readonly Operator[] = [">=", "<=", "=", ">", "<"];
// Fields the server never casts.
const TEXT_FIELDS = new Set(["gmt_offset", "team_colour"]);
const INTEGER = /^\s*[+-]?\d+\s*$/;
const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const DAY_ONLY = /^\s*\d{4}-\d{2}-\d{2}\s*$/;
const DAY_MS = 86_400_000;

function cast(text: string): FilterValue {
  const lower = text.toLowerCase();
  if (lower === "true" || lower === "false") return { type: "boolean", value: lower === "true" };
  if (INTEGER.test(text) || DECIMAL.test(text)) return { type: "number", value: Number(text) };
  const date = DAY_ONLY.test(text) ? parseInstant(`${text.trim()}T00:00:00Z`) : parseInstant(text);
  return date ? { type: "date", value: date.getTime() } : { type: "text", value: text };
}

/** A date without a time means the whole day: `date=d` is [d, d+1), `date>d` is >= d+1, `date<=d` is < d+1. */
function wholeDay(field: string, op: Operator, day: number): Filter[] {
  const at = (value: number): FilterValue => ({ type: "date", value });
  if (op === ">") return [{ field, op: ">=", value: at(day + DAY_MS) }];
  if (op === "<") return [{ field, op: "<", value: at(day) }];
  const filters: Filter[] = [];
  if (op === "=" || op === ">=") filters.push({ field, op: ">=", value: at(day) });
  if (op === "=" || op === "<=") filters.push({ field, op: "<", value: at(day + DAY_MS) });
  return filters;
}

function parseOne(key: string, rawValue: string): Filter[] {
  let text = rawValue ? `${key}=${rawValue}` : key;
  // A "+HH:MM" offset sent unencoded arrives as a space; the server puts the plus back.
  if (text.includes("date") && / \d{2}:\d{2}$/.test(text)) text = text.replace(" ", "+");
  const op = OPERATORS.find((candidate) => text.includes(candidate));
  if (!op) throw new OpenF1QueryError(`No valid operator found in \`${text}\`.`);
  const cut = text.indexOf(op);
  const field = text.slice(0, cut).toLowerCase();
  const valueText = text.slice(cut + op.length);
  if (TEXT_FIELDS.has(field)) return [{ field, op, value: { type: "text", value: valueText } }];
  const value = cast(valueText);
  if (value.type === "date" && DAY_ONLY.test(valueText)) return wholeDay(field, op, value.value);
  return [{ field, op, value }];
}

/**
 * The filters of a query string. `latest` is asked for only when a key says `latest`; when it has no answer the
 * filter keeps the text "latest" and matches nothing.
 */
export function parseQuery(params: URLSearchParams, latest?: () => LatestKeys | null): Filter[] {
  const filters: Filter[] = [];
  for (const [key, value] of params) filters.push(...parseOne(key, value));
  let keys: LatestKeys | null | undefined;
  return filters.map((filter) => {
    if (filter.value.type !== "text" || filter.value.value !== "latest") return filter;
    if (filter.field !== "session_key" && filter.field !== "meeting_key") return filter;
    if (keys === undefined) keys = latest ? latest() : null;
    if (!keys) return filter;
    return { ...filter, value: { type: "number", value: filter.field === "session_key" ? keys.sessionKey : keys.meetingKey } };
  });
}

/** A row value seen with the filter's type, or undefined when the types differ (MongoDB never matches then). */
function comparable(raw: unknown, type: FilterValue["type"]): number | string | boolean | undefined {
  if (type === "date") return typeof raw === "string" ? (instantMs(raw) ?? undefined) : undefined;
  if (type === "number") return typeof raw === "number" ? raw : undefined;
  if (type === "boolean") return typeof raw === "boolean" ? raw : undefined;
  // A date in the store is not text to compare with.
  return typeof raw === "string" && instantMs(raw) === null ? raw : undefined;
}

/** Orders two values of one type (false before true). */
function compare(a: number | string | boolean, b: number | string | boolean): number {
  if (typeof a === "string" || typeof b === "string") return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  return Number(a) - Number(b);
}

function test(raw: unknown, filter: Filter): boolean {
  // MongoDB matches an array when one of its elements does.
  if (Array.isArray(raw)) return raw.some((element) => test(element, filter));
  const value = comparable(raw, filter.value.type);
  if (value === undefined) return false;
  const order = compare(value, filter.value.value);
  switch (filter.op) {
    case "=":
      return order === 0;
    case ">":
      return order > 0;
    case ">=":
      return order >= 0;
    case "<":
      return order < 0;
    case "<=":
      return order <= 0;
  }
}

const isLower = (filter: Filter) => filter.op === ">" || filter.op === ">=";
const isUpper = (filter: Filter) => filter.op === "<" || filter.op === "<=";
const sameKind = (a: Filter, b: Filter) => a.value.type === b.value.type;

interface FieldClause {
  field: string;
  /** Each alternative is a set of filters that must all hold; the field matches when one alternative does. */
  alternatives: Filter[][];
}

/** The server's greedy pairing: each lower bound, smallest first, takes the smallest upper bound not below it. */
function windows(filters: Filter[]): [Filter, Filter][] {
  const byValue = (a: Filter, b: Filter) => compare(a.value.value, b.value.value);
  const lowers = filters.filter(isLower).sort(byValue);
  const uppers = filters.filter(isUpper).sort(byValue);
  const pairs: [Filter, Filter][] = [];
  for (const lower of lowers) {
    const index = uppers.findIndex((upper) => sameKind(lower, upper) && compare(lower.value.value, upper.value.value) <= 0);
    if (index < 0) break;
    const [upper] = uppers.splice(index, 1);
    if (upper) pairs.push([lower, upper]);
  }
  return pairs;
}

function clauses(filters: readonly Filter[]): FieldClause[] {
  const byField = new Map<string, Filter[]>();
  for (const filter of filters) {
    const list = byField.get(filter.field) ?? [];
    // The server drops a repeated identical filter.
    if (!list.some((seen) => seen.op === filter.op && seen.value.type === filter.value.type && seen.value.value === filter.value.value)) list.push(filter);
    byField.set(filter.field, list);
  }
  return [...byField].map(([field, list]) => {
    const pairs = windows(list);
    const paired = new Set(pairs.flat());
    const singles = list.filter((filter) => !paired.has(filter)).map((filter) => [filter]);
    return { field, alternatives: [...singles, ...pairs] };
  });
}

/** A predicate for the rows the filters select. */
export function matcher(filters: readonly Filter[]): (row: Row) => boolean {
  const compiled = clauses(filters);
  return (row) => compiled.every(({ field, alternatives }) => alternatives.some((all) => all.every((filter) => test(row[field], filter))));
}

export function filterRows<T extends Row>(rows: readonly T[], filters: readonly Filter[]): T[] {
  if (filters.length === 0) return [...rows];
  const keep = matcher(filters);
  return rows.filter(keep);
}

export type QueryCondition = [field: string, op: Operator, value: number | string | boolean | Date];

/**
 * A query string in the form the API documents (`session_key=9839&date>2025-12-07T13:04:59.577Z`): operators
 * literal, fields and values percent-encoded, dates in UTC with "Z" (a "+" offset would arrive as a space).
 */
export function queryString(conditions: readonly QueryCondition[]): string {
  return conditions
    .map(([field, op, value]) => {
      const text = value instanceof Date ? value.toISOString() : String(value);
      return `${encodeURIComponent(field)}${op}${encodeURIComponent(text)}`;
    })
    .join("&");
}
