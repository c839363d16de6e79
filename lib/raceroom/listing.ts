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
  /** Entries on the page, valid or not: a short page ends the board. */
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
const clean = (value: string) => value.replace(/\u0000/g, "").trim();

const requiredText = (what: string) => z.string().transform(clean).pipe(z.string().min(1, `${what} is empty`));

const optionalText = z
  .string()
  .nullish()
  .transform((value) => (value === undefined || value === null || clean(value) === "" ? null : clean(value)));

// The profile URL is the only stable driver identity; names are not unique.
const DRIVER_ID = /\/users\/info\/(\d+)\/?(?:[?#].*)?$|\/(\d+)\/?$/;

function driverIdFromPath(path: string): number | null {
  const match = DRIVER_ID.exec(path.trim());
  const digits = match?.[1] ?? match?.[2];
  if (!digits) return null;
  const id = Number(digits);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

function difficultyOf(text: string | null): Difficulty | null | undefined {
  if (text === null) return null;
  const key = text.toLowerCase().replace(/[\s_-]+/g, "");
  if (key === "getreal") return "Get Real";
  if (key === "amateur") return "Amateur";
  if (key === "novice") return "Novice";
  return undefined;
}

const entrySchema = z
  .object({
    driver: z.object({
      name: requiredText("driver name"),
      path: z.string().min(1),
    }),
    laptime: z.string(),
    country: z.object({ name: optionalText, code: optionalText }).nullish(),
    car_class: z.object({ car: z.object({ name: requiredText("car name") }) }),
    team: optionalText,
    rank: optionalText,
    driving_model: optionalText,
    date_time: optionalText,
  })
  .transform((raw, ctx): ListingEntry => {
    const driverId = driverIdFromPath(raw.driver.path);
    if (driverId === null) ctx.addIssue({ code: "custom", path: ["driver", "path"], message: `no driver id in "${raw.driver.path}"` });
    const lapTimeMs = parseLapTime(raw.laptime);
    if (lapTimeMs === null) ctx.addIssue({ code: "custom", path: ["laptime"], message: `not a lap time: "${raw.laptime}"` });
    const achievedAt = raw.date_time === null ? null : parseEntryDate(raw.date_time);
    if (raw.date_time !== null && achievedAt === null) ctx.addIssue({ code: "custom", path: ["date_time"], message: `not a date: "${raw.date_time}"` });
    const difficulty = difficultyOf(raw.driving_model);
    if (difficulty === undefined) ctx.addIssue({ code: "custom", path: ["driving_model"], message: `unknown difficulty "${raw.driving_model}"` });
    return {
      driverId: driverId ?? 0,
      driverName: raw.driver.name,
      countryCode: raw.country?.code?.toLowerCase() ?? null,
      countryName: raw.country?.name ?? null,
      carName: raw.car_class.car.name,
      lapTimeMs: lapTimeMs ?? 0,
      team: raw.team,
      rank: raw.rank,
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
