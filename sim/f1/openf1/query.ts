import { rowDate, type Row } from "./rows";

/**
 * The OpenF1 server's query handling, after br-g/openf1 query_api/query_params.py (parse_query_params) and
 * util/db.py (_generate_query_predicate), applied to rows in memory instead of MongoDB. Written apart from the app's
 * lib/f1/openf1/query.ts, which plays the client's side: tests hold the two to the same answers.
 */

type Mongo = "$eq" | "$gt" | "$gte" | "$lt" | "$lte";
type Value = number | boolean | string | Date;

interface Predicate {
  op: Mongo;
  value: Value;
}

export interface LatestKeys {
  sessionKey: number;
  meetingKey: number;
}

export class QueryError extends Error {}

// In the server's order: the two-character operators first.
const OPERATORS: [string, Mongo][] = [
  [">=", "$gte"],
  ["<=", "$lte"],
  ["=", "$eq"],
  [">", "$gt"],
  ["<", "$lt"],
];
const UNCAST = new Set(["gmt_offset", "team_colour"]);
const DAY = 86_400_000;

/** The server's cast: boolean, then int or float, then a date (dateutil; here the ISO forms), else the text. */
function cast(text: string): Value {
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === "true";
  if (/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(text)) return Number(text);
  const day = /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(text);
  const ms = day ? rowDate(`${text.trim()}T00:00:00Z`) : /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text) ? rowDate(text) : null;
  return ms === null ? text : new Date(ms);
}

/** `date=2023-01-01` is that whole day, `date>2023-01-01` from the next day on, and so on. */
function wholeDay(op: Mongo, day: Date): Predicate[] {
  const next = new Date(day.getTime() + DAY);
  if (op === "$gt") return [{ op: "$gte", value: next }];
  if (op === "$lt") return [{ op: "$lt", value: day }];
  return [
    ...(op === "$eq" || op === "$gte" ? [{ op: "$gte" as const, value: day }] : []),
    ...(op === "$eq" || op === "$lte" ? [{ op: "$lt" as const, value: next }] : []),
  ];
}

export type Filters = Map<string, Predicate[]>;

/** The query string's filters by field. */
export function parseFilters(params: URLSearchParams, latest: () => LatestKeys | null): Filters {
  const byField = new Map<string, Predicate[]>();
  for (const [key, value] of params) {
    let text = value ? `${key}=${value}` : key;
    if (text.includes("date") && / \d{2}:\d{2}$/.test(text)) text = text.replace(" ", "+");
    const found = OPERATORS.find(([symbol]) => text.includes(symbol));
    if (!found) throw new QueryError(`No valid operator found in \`${text}\`.`);
    const [symbol, op] = found;
    const field = text.slice(0, text.indexOf(symbol)).toLowerCase();
    const raw = text.slice(text.indexOf(symbol) + symbol.length);
    let wanted = UNCAST.has(field) ? raw : cast(raw);
    if (wanted === "latest" && (field === "session_key" || field === "meeting_key")) {
      const keys = latest();
      if (keys) wanted = field === "session_key" ? keys.sessionKey : keys.meetingKey;
    }
    const predicates = wanted instanceof Date && /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(raw) ? wholeDay(op, wanted) : [{ op, value: wanted }];
    byField.set(field, [...(byField.get(field) ?? []), ...predicates]);
  }
  return byField;
}

/** Like MongoDB, a value only compares with one of its own type; dates in rows are ISO text. */
function comparable(stored: unknown, wanted: Value): number | boolean | string | null {
  if (wanted instanceof Date) return rowDate(stored);
  if (typeof stored !== typeof wanted || rowDate(stored) !== null) return null;
  return stored as number | boolean | string;
}

const valueOf = (predicate: Predicate) => (predicate.value instanceof Date ? predicate.value.getTime() : predicate.value);

/** -1, 0 or 1 for two values of one type (false before true). */
function order(a: number | boolean | string, b: number | boolean | string): number {
  const [x, y] = typeof a === "string" ? [a, String(b)] : [Number(a), Number(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

function holds(stored: unknown, predicate: Predicate): boolean {
  if (Array.isArray(stored)) return stored.some((element) => holds(element, predicate));
  const left = comparable(stored, predicate.value);
  if (left === null) return false;
  const sign = order(left, valueOf(predicate));
  if (predicate.op === "$eq") return sign === 0;
  if (predicate.op === "$gt") return sign > 0;
  if (predicate.op === "$gte") return sign >= 0;
  if (predicate.op === "$lt") return sign < 0;
  return sign <= 0;
}
const isLower = (predicate: Predicate) => predicate.op === "$gt" || predicate.op === "$gte";
const isUpper = (predicate: Predicate) => predicate.op === "$lt" || predicate.op === "$lte";

/**
 * The alternatives of one field: equalities and unpaired bounds one by one, and each lower bound paired with the
 * nearest upper bound above it (the server's greedy _get_bounded_inequality_predicate_pairs) as a window.
 */
function alternatives(predicates: Predicate[]): Predicate[][] {
  const unique = predicates.filter((p, i) => predicates.findIndex((q) => q.op === p.op && valueOf(q) === valueOf(p)) === i);
  const byValue = (a: Predicate, b: Predicate) => order(valueOf(a), valueOf(b));
  const lowers = unique.filter(isLower).sort(byValue);
  const uppers = unique.filter(isUpper).sort(byValue);
  const windows: Predicate[][] = [];
  for (const lower of lowers) {
    const upper = uppers.find((candidate) => typeof valueOf(candidate) === typeof valueOf(lower) && byValue(lower, candidate) <= 0);
    if (!upper) break;
    uppers.splice(uppers.indexOf(upper), 1);
    windows.push([lower, upper]);
  }
  const paired = new Set(windows.flat());
  return [...unique.filter((predicate) => !paired.has(predicate)).map((predicate) => [predicate]), ...windows];
}

/** The rows the filters select: every field holds, each by one of its alternatives. */
export function select(rows: readonly Row[], filters: Filters): Row[] {
  const fields = [...filters].map(([field, predicates]) => ({ field, options: alternatives(predicates) }));
  return rows.filter((row) => fields.every(({ field, options }) => options.some((all) => all.every((predicate) => holds(row[field], predicate)))));
}

/** The span of a date field the filters can select, so that rows made on demand are made for it only. */
export function dateWindow(filters: Filters, field: string): { from: number; to: number } {
  const predicates = filters.get(field);
  if (!predicates) return { from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY };
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const option of alternatives(predicates)) {
    // A value that is not a date selects no date.
    if (option.some((predicate) => !(predicate.value instanceof Date))) continue;
    const bound = (predicate: Predicate) => valueOf(predicate) as number;
    from = Math.min(from, Math.max(Number.NEGATIVE_INFINITY, ...option.filter((predicate) => !isUpper(predicate)).map(bound)));
    to = Math.max(to, Math.min(Number.POSITIVE_INFINITY, ...option.filter((predicate) => !isLower(predicate)).map(bound)));
  }
  return { from, to };
}
