import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { COMPOUNDS } from "./records";
import { F1_SOURCES } from "./sources";

// The F1 part of /api/v1: the live snapshot (the hottest path of the site), the sessions, the state of a session at
// any moment (time travel), the track outline, and a session's laps, stints, pit visits, race control and weather.

const timestamp = z.iso.datetime();
const tags = ["F1"];

const gap = z
  .discriminatedUnion("kind", [z.object({ kind: z.literal("time"), ms: z.number().int() }), z.object({ kind: z.literal("laps"), laps: z.number().int() })])
  .nullable()
  .describe('A time gap in ms, or laps down ("+1 LAP")');

const lapTime = z.object({ lapNumber: z.number().int(), ms: z.number().int(), personalBest: z.boolean(), overallBest: z.boolean(), deleted: z.boolean() }).nullable();
const sector = z.object({ ms: z.number().int(), personalBest: z.boolean(), overallBest: z.boolean() }).nullable();

export const driverStateSchema = z
  .object({
    driverNumber: z.number().int(),
    acronym: z.string(),
    name: z.string().nullable(),
    teamName: z.string().nullable(),
    teamColour: z.string().nullable(),
    position: z.number().int(),
    gridPosition: z.number().int().nullable(),
    gapToLeader: gap,
    interval: gap,
    lap: z.number().int().nullable(),
    lastLap: lapTime,
    bestLap: lapTime,
    sectors: z.tuple([sector, sector, sector]),
    sectorsLap: z.number().int().nullable(),
    tyre: z.object({ compound: z.enum(COMPOUNDS).nullable(), ageLaps: z.number().int().nullable(), stintNumber: z.number().int() }).nullable(),
    pitStops: z.number().int().describe("Tyre stops; a pass through the pit lane under a safety car without new tyres does not count"),
    lastPitLaneMs: z.number().int().nullable(),
    status: z.enum(["running", "in-pit", "retired", "finished"]),
    location: z.object({ x: z.number(), y: z.number() }).nullable(),
  })
  .meta({ id: "F1DriverState" });

const raceControlEntry = z.object({
  at: timestamp,
  category: z.string(),
  flag: z.string().nullable(),
  scope: z.string().nullable(),
  sector: z.number().int().nullable(),
  driverNumber: z.number().int().nullable(),
  lapNumber: z.number().int().nullable(),
  message: z.string(),
});

const weatherState = z.object({
  at: timestamp,
  airTemperatureC: z.number().nullable(),
  trackTemperatureC: z.number().nullable(),
  humidityPct: z.number().nullable(),
  pressureMbar: z.number().nullable(),
  rainfall: z.boolean(),
  windSpeedMps: z.number().nullable(),
  windDirectionDeg: z.number().nullable(),
});

export const raceStateSchema = z
  .object({
    sessionKey: z.number().int().nullable(),
    at: timestamp.describe("The session moment the state describes"),
    lap: z.number().int().nullable().describe("The leader's lap"),
    trackStatus: z.enum(["green", "yellow", "safety-car", "safety-car-ending", "virtual-safety-car", "virtual-safety-car-ending", "red", "chequered"]),
    drivers: z.array(driverStateSchema).describe("In running order, P1 first"),
    raceControl: z.array(raceControlEntry).describe("Newest first"),
    weather: weatherState.nullable(),
    fastestLap: z.object({ driverNumber: z.number().int(), lapNumber: z.number().int(), ms: z.number().int() }).nullable(),
  })
  .meta({ id: "F1RaceState" });

export const sessionSchema = z
  .object({
    sessionKey: z.number().int(),
    meetingKey: z.number().int(),
    name: z.string(),
    type: z.string(),
    startsAt: timestamp,
    endsAt: timestamp.nullable(),
    location: z.string().nullable(),
    countryName: z.string().nullable(),
    circuitShortName: z.string().nullable(),
  })
  .meta({ id: "F1Session" });

const freshness = z.object({ newest: timestamp.nullable(), receivedAt: timestamp.nullable() });

export const liveFeedSchema = z
  .object({
    sequence: z.number().int().describe("Increases with every snapshot; also the ETag"),
    mode: z.enum(["live", "replay", "idle"]),
    status: z.enum(["running", "needs-account", "finished", "stopped", "failed", "idle"]),
    message: z.string().nullable().describe("Why there is no live data, when there is none"),
    publishedAt: timestamp,
    session: sessionSchema.nullable(),
    source: z
      .object({ kind: z.enum(F1_SOURCES), label: z.string(), note: z.string().nullable().describe("What this source leaves out, e.g. no car positions") })
      .nullable()
      .describe("Where the state comes from: OpenF1 or the official live-timing archive"),
    replay: z.object({ speed: z.number(), from: timestamp, startedAt: timestamp }).nullable(),
    feeds: z.record(z.string(), freshness).describe("Per feed (intervals, position, location, laps, ...): its newest record and when it last brought one"),
    state: raceStateSchema.nullable(),
  })
  .meta({ id: "F1LiveFeed" });

export const liveEndpoint = defineEndpoint({
  id: "f1.live",
  method: "GET",
  path: "/api/v1/f1/live",
  summary: "The live race state",
  description:
    "The newest snapshot of the session being polled or replayed, served from memory. The ETag is the sequence: send " +
    "If-None-Match and get 304 until a new snapshot lands. A CDN may keep it for a second.",
  tags,
  response: liveFeedSchema,
  cache: { maxAge: 1, sMaxAge: 1, staleWhileRevalidate: 1 },
  errors: [304],
});

export const sessionsEndpoint = defineEndpoint({
  id: "f1.sessions",
  method: "GET",
  path: "/api/v1/f1/sessions",
  summary: "Sessions Pitwall has data for",
  description:
    "Newest first: sessions followed live or replayed from OpenF1, and every session of the official live-timing archive's seasons read so far, with the sources that list each and how many records are stored.",
  tags,
  query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50).describe("Sessions to return, 1 to 200") }),
  response: z.object({
    data: z.array(
      sessionSchema.extend({
        sources: z.array(z.enum(F1_SOURCES)).describe("Sources that list the session: openf1, livetiming (the official archive)"),
        recordsSource: z.enum(F1_SOURCES).nullable().describe("The source of the stored records; null before a replay or live poll stored any"),
        records: z.number().int(),
        laps: z.number().int().nullable(),
      }),
    ),
  }),
  cache: { maxAge: 10 },
});

const sessionKeyParams = z.object({ key: z.coerce.number().int().positive().max(2_147_483_647).describe("OpenF1 session key") });

export const stateEndpoint = defineEndpoint({
  id: "f1.sessions.state",
  method: "GET",
  path: "/api/v1/f1/sessions/{key}/state",
  summary: "The race state at any moment of a session (time travel)",
  description: "Built from the stored records as they were known at `at` (default: the end). `lap` instead picks the moment the leader began that lap.",
  tags,
  params: sessionKeyParams,
  query: z.object({
    at: z.iso.datetime({ offset: true }).optional().describe("ISO time, e.g. 2025-12-07T13:30:00Z"),
    lap: z.coerce.number().int().min(1).max(200).optional().describe("Jump to the start of this lap"),
  }),
  response: z.object({
    session: sessionSchema,
    startsAt: timestamp.describe("The first moment with data"),
    endsAt: timestamp.describe("The last moment with data"),
    laps: z.array(z.object({ lap: z.number().int(), at: timestamp })).describe("When the leader began each lap"),
    state: raceStateSchema,
  }),
  cache: { maxAge: 5 },
  errors: [404],
});

export const trackEndpoint = defineEndpoint({
  id: "f1.sessions.track",
  method: "GET",
  path: "/api/v1/f1/sessions/{key}/track",
  summary: "The circuit outline of a session",
  description: "One lap of one car's location samples, in the track's own units.",
  tags,
  params: sessionKeyParams,
  response: z.object({ sessionKey: z.number().int(), outline: z.array(z.tuple([z.number(), z.number()])) }),
  cache: { maxAge: 300 },
  errors: [404],
});

const recordsQuery = z.object({
  driver: z.coerce.number().int().min(1).max(99).optional().describe("Only this car number"),
});

function recordsEndpoint<S extends z.ZodType>(id: string, path: string, summary: string, row: S) {
  return defineEndpoint({
    id: `f1.sessions.${id}`,
    method: "GET",
    path: `/api/v1/f1/sessions/{key}/${path}`,
    summary,
    tags,
    params: sessionKeyParams,
    query: recordsQuery,
    response: z.object({ sessionKey: z.number().int(), data: z.array(row) }),
    cache: { maxAge: 5 },
    errors: [404],
  });
}

const triple = <T extends z.ZodType>(item: T) => z.tuple([item, item, item]);

export const lapsEndpoint = recordsEndpoint(
  "laps",
  "laps",
  "A session's laps",
  z.object({
    driverNumber: z.number().int(),
    lapNumber: z.number().int(),
    startedAt: timestamp.nullable(),
    lapMs: z.number().int().nullable(),
    sectorMs: triple(z.number().int().nullable()),
    pitOutLap: z.boolean(),
  }),
);

export const stintsEndpoint = recordsEndpoint(
  "stints",
  "stints",
  "A session's tyre stints",
  z.object({
    driverNumber: z.number().int(),
    stintNumber: z.number().int(),
    compound: z.enum(COMPOUNDS).nullable(),
    lapStart: z.number().int(),
    lapEnd: z.number().int().nullable(),
    tyreAgeAtStart: z.number().int().nullable(),
  }),
);

export const pitsEndpoint = recordsEndpoint(
  "pits",
  "pits",
  "A session's pit-lane visits",
  z.object({ driverNumber: z.number().int(), at: timestamp, lapNumber: z.number().int(), laneMs: z.number().int().nullable(), stationaryMs: z.number().int().nullable() }),
);

export const raceControlEndpoint = recordsEndpoint("race-control", "race-control", "A session's race-control messages", raceControlEntry);

export const weatherEndpoint = recordsEndpoint("weather", "weather", "A session's weather readings", weatherState);

export const f1Endpoints = [
  liveEndpoint,
  sessionsEndpoint,
  stateEndpoint,
  trackEndpoint,
  lapsEndpoint,
  stintsEndpoint,
  pitsEndpoint,
  raceControlEndpoint,
  weatherEndpoint,
] as const;

export type LiveFeedBody = z.output<typeof liveFeedSchema>;
export type SessionState = z.output<typeof stateEndpoint.response>;
