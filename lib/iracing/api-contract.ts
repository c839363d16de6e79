import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { CATEGORY_NAMES } from "./read/labels";

// The iRacing part of /api/v1: the series catalogue, seasons and their schedules with session start times, upcoming
// sessions for a window, the cars, car classes and tracks, and iCal feeds per season, per series and for a plan.

const timestamp = z.iso.datetime();
const id = (what: string) => z.coerce.number().int().positive().max(2_147_483_647).describe(what);
const category = z.enum(Object.keys(CATEGORY_NAMES) as [string, ...string[]]);
const TAGS = ["iRacing"];
const FEED_TAGS = ["iRacing calendars"];

const seasonSummary = z
  .object({
    seasonId: z.number().int(),
    name: z.string(),
    year: z.number().int(),
    quarter: z.number().int(),
    official: z.boolean(),
    fixedSetup: z.boolean(),
    licenceGroup: z.number().int().nullable().describe("1 Rookie, 2 D, 3 C, 4 B, 5 A"),
  })
  .meta({ id: "IracingSeasonSummary" });

const catalogueSeries = z
  .object({
    seriesId: z.number().int(),
    name: z.string(),
    category: z.string(),
    logoUrl: z.string().nullable(),
    season: seasonSummary.nullable().describe("The season running now, else the next one"),
    week: z
      .object({ raceWeekNum: z.number().int().describe("0-based"), trackName: z.string(), configName: z.string().nullable(), packageId: z.number().int(), carIds: z.array(z.number().int()) })
      .nullable(),
    nextSessionAt: timestamp.nullable().describe("The next session's start, UTC"),
  })
  .meta({ id: "IracingSeries" });

export const seriesListEndpoint = defineEndpoint({
  id: "iracing.series.list",
  method: "GET",
  path: "/api/v1/iracing/series",
  summary: "The series catalogue",
  description: "Active series with their current season, this week's track and cars, and the next session. Filters combine.",
  tags: TAGS,
  query: z.object({
    category: category.optional().describe("road, sports_car, formula_car, oval, dirt_road or dirt_oval"),
    licence: z.coerce.number().int().min(1).max(7).optional().describe("Licence group of the current season: 1 Rookie ... 5 A"),
    setup: z.enum(["fixed", "open"]).optional(),
    official: z.enum(["true", "false"]).transform((value) => value === "true").optional(),
    q: z.string().trim().min(1).max(80).optional().describe("Part of the series' name"),
  }),
  response: z.object({ data: z.array(catalogueSeries) }),
  cache: { maxAge: 60 },
});

export const seriesDetailEndpoint = defineEndpoint({
  id: "iracing.series.detail",
  method: "GET",
  path: "/api/v1/iracing/series/{seriesId}",
  summary: "One series with its seasons",
  tags: TAGS,
  params: z.object({ seriesId: id("iRacing series id") }),
  response: z
    .object({
      seriesId: z.number().int(),
      name: z.string(),
      shortName: z.string(),
      category: z.string(),
      logoUrl: z.string().nullable(),
      about: z.string().nullable().describe("The series' description as plain text"),
      forumUrl: z.string().nullable(),
      active: z.boolean(),
      minLicenceGroup: z.number().int().nullable(),
      seasons: z.array(
        seasonSummary.extend({ weeks: z.number().int(), startsAt: timestamp.nullable(), endsAt: timestamp.nullable().describe("Exclusive end of the last week") }),
      ),
    })
    .meta({ id: "IracingSeriesDetail" }),
  cache: { maxAge: 300 },
});

const weekCar = z.object({
  carId: z.number().int(),
  name: z.string(),
  powerAdjustPct: z.number().nullable().describe("Balance of performance: negative is less power"),
  weightPenaltyKg: z.number().nullable(),
  maxPctFuelFill: z.number().nullable(),
  fixedSetup: z.boolean(),
});

const scheduleWeek = z
  .object({
    raceWeekNum: z.number().int(),
    startsAt: timestamp,
    endsAt: timestamp.describe("Exclusive end of the week"),
    trackId: z.number().int().describe("The configuration"),
    packageId: z.number().int().describe("The track (what one buys)"),
    trackName: z.string(),
    configName: z.string().nullable(),
    raceLapLimit: z.number().int().nullable(),
    raceTimeLimitMinutes: z.number().int().nullable(),
    rainChancePct: z.number().nullable(),
    schedule: z.string().describe('When sessions start, in words (UTC), e.g. "every 2 hours at :15"'),
    cars: z.array(weekCar),
    sessions: z.array(timestamp).describe("Every session start of the week, UTC"),
  })
  .meta({ id: "IracingScheduleWeek" });

export const seasonScheduleEndpoint = defineEndpoint({
  id: "iracing.seasons.schedule",
  method: "GET",
  path: "/api/v1/iracing/seasons/{seasonId}/schedule",
  summary: "A season's race weeks with every session start time",
  description: "Track and configuration, race length, the cars of each week with their balance of performance, rain chance, and each week's session starts (UTC).",
  tags: TAGS,
  params: z.object({ seasonId: id("iRacing season id") }),
  response: z
    .object({
      seasonId: z.number().int(),
      seriesId: z.number().int(),
      seriesName: z.string(),
      name: z.string(),
      year: z.number().int(),
      quarter: z.number().int(),
      official: z.boolean(),
      fixedSetup: z.boolean(),
      licenceGroup: z.number().int().nullable(),
      currentWeekNum: z.number().int().nullable(),
      weeks: z.array(scheduleWeek),
    })
    .meta({ id: "IracingSeasonSchedule" }),
  cache: { maxAge: 300 },
});

export const seasonsEndpoint = defineEndpoint({
  id: "iracing.seasons.list",
  method: "GET",
  path: "/api/v1/iracing/seasons",
  summary: "Seasons of one series",
  tags: TAGS,
  query: z.object({ seriesId: id("iRacing series id") }),
  response: z.object({ data: z.array(seasonSummary.extend({ weeks: z.number().int(), startsAt: timestamp.nullable(), endsAt: timestamp.nullable() })) }),
  cache: { maxAge: 300 },
});

const session = z
  .object({
    seasonId: z.number().int(),
    seriesId: z.number().int(),
    seriesName: z.string(),
    category: z.string().nullable(),
    licenceGroup: z.number().int().nullable(),
    official: z.boolean(),
    fixedSetup: z.boolean(),
    raceWeekNum: z.number().int(),
    startsAt: timestamp,
    superSession: z.boolean(),
    trackName: z.string(),
    configName: z.string().nullable(),
    packageId: z.number().int(),
    carIds: z.array(z.number().int()),
    entryCount: z.number().int().nullable().describe("Drivers registered, when the race guide lists the session"),
  })
  .meta({ id: "IracingSession" });

export const sessionsEndpoint = defineEndpoint({
  id: "iracing.sessions",
  method: "GET",
  path: "/api/v1/iracing/sessions",
  summary: "Sessions starting in a window",
  description: "Every session starting in [from, from + hours), across all series, by start time. Computed from the schedules.",
  tags: TAGS,
  query: z.object({
    from: z.iso.datetime({ offset: true }).optional().describe("Start of the window (default: now)"),
    hours: z.coerce.number().int().min(1).max(168).default(24).describe("Length of the window, 1 to 168 hours"),
    category: category.optional(),
    seriesId: id("Only this series").optional(),
  }),
  response: z.object({ from: timestamp, to: timestamp, data: z.array(session) }),
  cache: { maxAge: 30 },
});

export const carClassesEndpoint = defineEndpoint({
  id: "iracing.car-classes",
  method: "GET",
  path: "/api/v1/iracing/car-classes",
  summary: "Car classes and their cars",
  tags: TAGS,
  response: z.object({ data: z.array(z.object({ carClassId: z.number().int(), name: z.string(), shortName: z.string().nullable(), carIds: z.array(z.number().int()) })) }),
  cache: { maxAge: 3600 },
});

export const carsEndpoint = defineEndpoint({
  id: "iracing.cars",
  method: "GET",
  path: "/api/v1/iracing/cars",
  summary: "Cars",
  tags: TAGS,
  response: z.object({
    data: z.array(
      z.object({
        carId: z.number().int(),
        name: z.string(),
        abbreviation: z.string().nullable(),
        make: z.string().nullable(),
        free: z.boolean().describe("Included with the subscription"),
        price: z.number().nullable(),
        retired: z.boolean(),
      }),
    ),
  }),
  cache: { maxAge: 3600 },
});

export const tracksEndpoint = defineEndpoint({
  id: "iracing.tracks",
  method: "GET",
  path: "/api/v1/iracing/tracks",
  summary: "Tracks and their configurations",
  tags: TAGS,
  response: z.object({
    data: z.array(
      z.object({
        packageId: z.number().int(),
        name: z.string(),
        location: z.string().nullable(),
        free: z.boolean(),
        price: z.number().nullable(),
        retired: z.boolean(),
        configs: z.array(z.object({ trackId: z.number().int(), configName: z.string().nullable(), category: z.string().nullable(), lengthMiles: z.number().nullable(), corners: z.number().int().nullable() })),
      }),
    ),
  }),
  cache: { maxAge: 3600 },
});

const calendar = z.string().describe("An iCalendar (RFC 5545) file, text/calendar");

export const seasonCalendarEndpoint = defineEndpoint({
  id: "iracing.calendar.season",
  method: "GET",
  path: "/api/v1/iracing/seasons/{seasonId}/calendar.ics",
  summary: "iCal feed of a season's sessions",
  description: "Every session of the season from the current week on (at most 500), one event each.",
  tags: FEED_TAGS,
  params: z.object({ seasonId: id("iRacing season id") }),
  response: calendar,
  cache: { maxAge: 900 },
});

export const seriesCalendarEndpoint = defineEndpoint({
  id: "iracing.calendar.series",
  method: "GET",
  path: "/api/v1/iracing/series/{seriesId}/calendar.ics",
  summary: "iCal feed of a series' sessions",
  description: "The sessions of the series' current season from now on (at most 500).",
  tags: FEED_TAGS,
  params: z.object({ seriesId: id("iRacing series id") }),
  response: calendar,
  cache: { maxAge: 900 },
});

/** A pinned session in a plan: season id and start instant in epoch seconds, "5935-1765904400". */
export const pinSchema = z.string().regex(/^\d{1,9}-\d{9,11}$/);

export const planCalendarEndpoint = defineEndpoint({
  id: "iracing.calendar.plan",
  method: "GET",
  path: "/api/v1/iracing/plan/calendar.ics",
  summary: "iCal file of a plan's pinned sessions",
  description: "The sessions pinned to My week, each with a reminder `remind` minutes before it starts.",
  tags: FEED_TAGS,
  query: z.object({
    s: z
      .string()
      .max(4000)
      .transform((text) => text.split(",").filter(Boolean))
      .pipe(z.array(pinSchema).min(1).max(100))
      .describe("Pinned sessions, comma-separated, each <seasonId>-<start in epoch seconds>"),
    remind: z.coerce.number().int().min(0).max(1440).default(15).describe("Minutes before the start"),
  }),
  response: calendar,
  cache: { maxAge: 60 },
});

export const iracingEndpoints = [
  seriesListEndpoint,
  seriesDetailEndpoint,
  seasonsEndpoint,
  seasonScheduleEndpoint,
  sessionsEndpoint,
  carClassesEndpoint,
  carsEndpoint,
  tracksEndpoint,
  seasonCalendarEndpoint,
  seriesCalendarEndpoint,
  planCalendarEndpoint,
];
