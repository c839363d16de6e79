import { z } from "zod";
import { parseEntryDate } from "./dates";
import { parseLapTime } from "./laptime";

/** One validated leaderboard entry, as the source hands it to ingest. */
export interface ListingEntry {
  driverId: number;
  driverName: string;
  countryCode: string | null;
  countryName: string | null;
  carName: string;
  lapTimeMs: number;
  team: string | null;
  rank: string | null;
  difficulty: Difficulty | null;
  achievedAt: Date | null;
}

export const DIFFICULTIES = ["Get Real", "Amateur", "Novice"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export interface RejectedEntry {
  index: number | null;
  reason: string;
}

export interface ListingPage {
  entries: ListingEntry[];
  rejected: RejectedEntry[];
  /** Entries on the page, valid or not: a short page ends the leaderboard. */
  size: number;
}

/** The upstream answered with `{error: ...}` instead of a listing. */
export class ListingErrorPayload extends Error {
  constructor(readonly upstreamError: string) {
    super(`RaceRoom answered with an error: ${upstreamError}`);
    this.name = "ListingErrorPayload";
  }
}

// Postgres text cannot hold NUL; nothing else in a name is altered (it is rendered as text, never as HTML).
const clean = (value: string) => (value.includes("\u0000") ? value.replace(/\u0000/g, "") : value).trim();
const optional = (value: string | null | undefined) => (value === undefined || value === null ? null : clean(value) || null);

// The profile URL is the only stable driver identity; names are not unique.
const DRIVER_ID = /\/users\/info\/(\d+)\/?(?:[?#].*)?$|\/(\d+)\/?$/;

function driverIdFromPath(path: string): number | null {
  const match = DRIVER_ID.exec(path.trim());
  const digits = match?.[1] ?? match?.[2];
  if (!digits) return null;
  const id = Number(digits);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

const DIFFICULTY_KEYS: Record<string, Difficulty> = { getreal: "Get Real", amateur: "Amateur", novice: "Novice" };
const DIFFICULTY_TEXTS = new Map<string, Difficulty>(DIFFICULTIES.map((d) => [d, d]));

/** "Get Real", "GET REAL", "get_real", ... */
function difficultyOf(text: string | null): Difficulty | null | undefined {
  if (text === null) return null;
  return DIFFICULTY_TEXTS.get(text) ?? DIFFICULTY_KEYS[text.toLowerCase().replace(/[\s_-]+/g, "")];
}

const text = z.string().nullish();

// Shapes first, then one transform that normalises and checks the values (this runs for every entry of a refresh).
const entrySchema = z
  .object({
    driver: z.object({ name: z.string(), path: z.string() }),
    laptime: z.string(),
    country: z.object({ name: text, code: text }).nullish(),
    car_class: z.object({ car: z.object({ name: z.string() }) }),
    team: text,
    rank: text,
    driving_model: text,
    date_time: text,
  })
  .transform((raw, ctx): ListingEntry => {
    const issue = (path: string[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const driverName = clean(raw.driver.name);
    if (driverName === "") issue(["driver", "name"], "driver name is empty");
    const carName = clean(raw.car_class.car.name);
    if (carName === "") issue(["car_class", "car", "name"], "car name is empty");
    const driverId = driverIdFromPath(raw.driver.path);
    if (driverId === null) issue(["driver", "path"], `no driver id in "${raw.driver.path}"`);
    const lapTimeMs = parseLapTime(raw.laptime);
    if (lapTimeMs === null) issue(["laptime"], `not a lap time: "${raw.laptime}"`);
    const date = optional(raw.date_time);
    const achievedAt = date === null ? null : parseEntryDate(date);
    if (date !== null && achievedAt === null) issue(["date_time"], `not a date: "${date}"`);
    const model = optional(raw.driving_model);
    const difficulty = difficultyOf(model);
    if (difficulty === undefined) issue(["driving_model"], `unknown difficulty "${model}"`);
    return {
      driverId: driverId ?? 0,
      driverName,
      countryCode: optional(raw.country?.code)?.toLowerCase() ?? null,
      countryName: optional(raw.country?.name),
      carName,
      lapTimeMs: lapTimeMs ?? 0,
      team: optional(raw.team),
      rank: optional(raw.rank),
      difficulty: difficulty ?? null,
      achievedAt,
    };
  });

const envelopeSchema = z.object({
  context: z.object({
    c: z.object({ results: z.array(z.unknown()) }),
  }),
});

const errorPayloadSchema = z.object({ error: z.unknown() }).refine((value) => value.error !== undefined && value.error !== null && value.error !== false);

function errorText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "message" in value && typeof value.message === "string") return value.message;
  return JSON.stringify(value);
}

function describe(issues: z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${issue.path.join(".") || "(entry)"}: ${issue.message}`).join("; ");
}

/**
 * Reads one listing response: the `context.c.results` envelope, each entry validated on its own so that a
 * malformed entry is rejected (with its reason) without touching the others. An `{error}` payload throws.
 */
export function parseListingPage(body: unknown): ListingPage {
  const failure = errorPayloadSchema.safeParse(body);
  if (failure.success) throw new ListingErrorPayload(errorText(failure.data.error));
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) throw new Error(`RaceRoom listing has an unexpected shape: ${describe(envelope.error.issues)}`);
  const page: ListingPage = { entries: [], rejected: [], size: envelope.data.context.c.results.length };
  for (const raw of envelope.data.context.c.results) {
    const parsed = entrySchema.safeParse(raw);
    if (parsed.success) page.entries.push(parsed.data);
    else {
      const index = raw && typeof raw === "object" && "index" in raw && typeof raw.index === "number" ? raw.index : null;
      page.rejected.push({ index, reason: describe(parsed.error.issues) });
    }
  }
  return page;
}

/** The envelope check the HTTP client applies, so that a body of another shape counts as a failed call. */
export const listingResponseSchema = z.union([envelopeSchema.passthrough(), errorPayloadSchema]);
