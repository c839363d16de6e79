import type { z } from "zod";
import type { LocationSample } from "@/lib/f1/records";
import {
  carDataRow,
  driverRow,
  intervalRow,
  isPlaceholderLocation,
  lapRow,
  locationRow,
  meetingRow,
  pitRow,
  positionRow,
  raceControlRow,
  sessionResultRow,
  sessionRow,
  startingGridRow,
  stintRow,
  weatherRow,
} from "./schemas";

/** The OpenF1 endpoints Pitwall reads, each with the schema of one row. */
export const OPENF1_ROWS = {
  meetings: meetingRow,
  sessions: sessionRow,
  drivers: driverRow,
  laps: lapRow,
  intervals: intervalRow,
  position: positionRow,
  pit: pitRow,
  stints: stintRow,
  race_control: raceControlRow,
  weather: weatherRow,
  location: locationRow,
  car_data: carDataRow,
  starting_grid: startingGridRow,
  session_result: sessionResultRow,
} as const;

export type OpenF1Endpoint = keyof typeof OPENF1_ROWS;
export type OpenF1Record<E extends OpenF1Endpoint> = z.output<(typeof OPENF1_ROWS)[E]>;

export interface ParsedRows<T> {
  records: T[];
  /** Rows that did not validate: skipped, never thrown. */
  malformed: number;
  /** Valid rows left out on purpose (OpenF1's 0,0,0 location placeholders). */
  dropped: number;
  /** The first few reasons, for the log. */
  issues: string[];
}

const MAX_ISSUES = 5;

/** The API's answer to a query that matches nothing, in some versions, instead of []. */
const NO_RESULTS = /^no results found/i;

/** The body of an OpenF1 response was not a list of rows. */
export class OpenF1ShapeError extends Error {
  constructor(endpoint: string, body: unknown) {
    const detail = body && typeof body === "object" && "detail" in body ? ` (detail: ${JSON.stringify(body.detail)})` : "";
    super(`OpenF1 ${endpoint} answered ${body === null ? "null" : typeof body} instead of a list of rows${detail}`);
    this.name = "OpenF1ShapeError";
  }
}

function rowsOf(endpoint: OpenF1Endpoint, body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (body && typeof body === "object" && "detail" in body && typeof body.detail === "string" && NO_RESULTS.test(body.detail)) return [];
  throw new OpenF1ShapeError(endpoint, body);
}

/**
 * Reads one OpenF1 response body: every row validated on its own, so a malformed row is counted and skipped
 * without touching the others. A body that is not a list (an error payload) throws OpenF1ShapeError.
 */
export function parseOpenF1<E extends OpenF1Endpoint>(endpoint: E, body: unknown): ParsedRows<OpenF1Record<E>> {
  const schema: z.ZodType<OpenF1Record<E>> = OPENF1_ROWS[endpoint] as unknown as z.ZodType<OpenF1Record<E>>;
  const parsed: ParsedRows<OpenF1Record<E>> = { records: [], malformed: 0, dropped: 0, issues: [] };
  for (const [index, row] of rowsOf(endpoint, body).entries()) {
    const result = schema.safeParse(row);
    if (!result.success) {
      parsed.malformed += 1;
      if (parsed.issues.length < MAX_ISSUES) {
        const reasons = result.error.issues.map((issue) => `${issue.path.join(".") || "(row)"}: ${issue.message}`).join("; ");
        parsed.issues.push(`${endpoint}[${index}] ${reasons}`);
      }
    } else if (endpoint === "location" && isPlaceholderLocation(result.data as LocationSample)) parsed.dropped += 1;
    else parsed.records.push(result.data);
  }
  return parsed;
}
