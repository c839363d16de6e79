import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { paginated, paginationQuery } from "@/lib/api/pagination";

// The endurance part of /api/v1: the calendar, and per race its leaderboard (now or at any race time), laps per car,
// pit stops, stints, drive time, flags, predictions with their measured accuracy, anomalies and strategy. Every
// per-race answer takes `at` (race time in ms): a TV delay or a replay sees the race as it stood then.

const ms = (what: string) => z.number().describe(`${what} (ms)`);
const nullableMs = (what: string) => z.number().nullable().describe(`${what} (ms)`);
const carClass = z.string().nullable().describe("Class as the timing writes it (HYPERCAR, LMP2, LMGT3, GTP, ...)");
const flag = z.enum(["green", "yellow", "fcy", "safety-car", "red", "chequered"]);
const gap = z.object({ laps: z.number().int(), ms: z.number().nullable() }).nullable().meta({ id: "EnduranceGap" });

const raceParams = z.object({ race: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "must be a race slug such as lemans-2024").describe("The race's slug") });
const atQuery = z.object({
  at: z.coerce.number().int().min(0).max(200 * 3_600_000).optional().describe("Race time in ms: the race as it stood then (a TV delay, a replay). Now when absent"),
});

export const raceSummarySchema = z
  .object({
    slug: z.string(),
    series: z.string(),
    event: z.string(),
    circuit: z.string(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    durationMs: ms("Scheduled length"),
    status: z.enum(["scheduled", "live", "finished", "cancelled"]),
    ingesting: z.boolean().describe("An ingestion holds the race now"),
    laps: z.number().int().describe("Laps stored"),
    raceTimeMs: ms("Race time of the latest crossing stored"),
    flag: z.string().nullable().describe("Track flag from the live feed"),
    classes: z.array(z.string()),
    winners: z.array(z.object({ carClass, car: z.string(), team: z.string().nullable() })).describe("Class leaders: the classification's once published"),
  })
  .meta({ id: "EnduranceRace" });

export const racesEndpoint = defineEndpoint({
  id: "endurance.races",
  method: "GET",
  path: "/api/v1/endurance/races",
  summary: "The race calendar",
  description: "Races live now, upcoming (soonest first) and past (latest first, with the winner of each class).",
  tags: ["Endurance"],
  response: z.object({ live: z.array(raceSummarySchema), upcoming: z.array(raceSummarySchema), past: z.array(raceSummarySchema) }),
  cache: { maxAge: 5 },
});

export const raceEndpoint = defineEndpoint({
  id: "endurance.race",
  method: "GET",
  path: "/api/v1/endurance/races/{race}",
  summary: "One race",
  description: "The race's calendar entry and ingestion state.",
  tags: ["Endurance"],
  params: raceParams,
  response: raceSummarySchema,
});

export const leaderboardRowSchema = z
  .object({
    position: z.number().int(),
    classPosition: z.number().int().nullable(),
    car: z.string().describe("Car number as written: 007 is not 7"),
    carClass,
    team: z.string().nullable(),
    vehicle: z.string().nullable(),
    driver: z.string().nullable().describe("The driver in the car now"),
    laps: z.number().int().nullable(),
    gapToLeader: gap,
    interval: gap,
    classGapToLeader: gap,
    classInterval: gap,
    lastLapMs: nullableMs("Last lap"),
    bestLapMs: nullableMs("Best lap"),
    pitStops: z.number().int(),
    inPit: z.boolean(),
    lapsSinceStop: z.number().int(),
    stintLength: z.number().int().nullable().describe("Longest completed stint of the car, in laps"),
    predictedNextLapMs: nullableMs("Predicted next lap, from the class's better source"),
    predictionSource: z.enum(["model", "baseline"]).nullable(),
  })
  .meta({ id: "EnduranceLeaderboardRow" });

export const leaderboardEndpoint = defineEndpoint({
  id: "endurance.leaderboard",
  method: "GET",
  path: "/api/v1/endurance/races/{race}/leaderboard",
  summary: "A race's leaderboard, now or at a race time",
  description: "Every car in overall order with its class position, gaps, laps, last and best lap, pit state, stint and predicted next lap.",
  tags: ["Endurance"],
  params: raceParams,
  query: atQuery,
  response: z.object({ race: raceSummarySchema, raceTimeMs: ms("Race time the board stands at"), rows: z.array(leaderboardRowSchema) }),
});

const lapSchema = z
  .object({
    car: z.string(),
    lap: z.number().int(),
    driver: z.string().nullable(),
    lapTimeMs: z.number(),
    sectorsMs: z.tuple([z.number().nullable(), z.number().nullable(), z.number().nullable()]),
    kph: z.number().nullable(),
    topSpeedKph: z.number().nullable(),
    elapsedMs: ms("Race time at the line"),
    inLap: z.boolean(),
    outLap: z.boolean(),
    pitTimeMs: nullableMs("Time in the pit lane (on the out-lap)"),
    flag: flag.nullable(),
    carClass,
    team: z.string().nullable(),
  })
  .meta({ id: "EnduranceLap" });

export const lapsEndpoint = defineEndpoint({
  id: "endurance.laps",
  method: "GET",
  path: "/api/v1/endurance/races/{race}/laps",
  summary: "Laps, per car or all, paginated",
  description: "Laps in car then lap order, as the timing file states them.",
  tags: ["Endurance"],
  params: raceParams,
  query: paginationQuery.extend({ car: z.string().trim().min(1).max(8).optional().describe("A car number, e.g. `007`") }),
  response: paginated(lapSchema),
});

export const lapChartEndpoint = defineEndpoint({
  id: "endurance.lap-chart",
  method: "GET",
  path: "/api/v1/endurance/races/{race}/chart",
  summary: "Lap times, positions and crossings of chosen cars",
  description: "Compact series for the lap-time, position and gap charts: per lap [lap, race time at the line, lap time, position].",
  tags: ["Endurance"],
  params: raceParams,
  query: atQuery.extend({
    cars: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{1,8}(,[A-Za-z0-9]{1,8}){0,7}$/, "must be one to eight car numbers separated by commas")
      .describe("Car numbers, comma-separated, e.g. `7,50`"),
  }),
  response: z.object({
    data: z.array(z.object({ car: z.string(), carClass, team: z.string().nullable(), laps: z.array(z.tuple([z.number(), z.number(), z.number(), z.number()])) })),
  }),
});

export const pitStopSchema = z
  .object({
    car: z.string(),
    carClass,
    number: z.number().int(),
    inLap: z.number().int(),
    outLap: z.number().int().nullable(),
    atMs: ms("Race time the car came in"),
    pitLaneMs: nullableMs("Time in the pit lane"),
    stationaryMs: nullableMs("The stop itself"),
    driverIn: z.string().nullable(),
    driverOut: z.string().nullable(),
    driverChange: z.boolean(),
    service: z.enum(["drive-through", "fuel", "fuel-tyres", "long", "unknown"]).describe("Told apart by time in the pit lane, per class"),
    flag: flag.nullable(),
  })
  .meta({ id: "EndurancePitStop" });

export const pitStopsEndpoint = defineEndpoint({
  id: "endurance.pit-stops",
  method: "GET",
  path: "/api/v1/endurance/races/{race}/pit-stops",
  summary: "Pit stops",
  description: "Every stop with its time in the pit lane, the driver change and the service (fuel only vs tyres) told apart by duration.",
  tags: ["Endurance"],
  params: raceParams,
  query: atQuery,
  response: z.object({ data: z.array(pitStopSchema) }),
});

export const stintSchema = z
  .object({
    car: z.string(),
    carClass,
    number: z.number().int(),
    startLap: z.number().int(),
    endLap: z.number().int(),
    laps: z.number().int(),
    drivers: z.array(z.string()),
    startMs: z.number(),
    endMs: z.number(),
    endedInPit: z.boolean(),
    paceMs: nullableMs("Median green lap"),
    bestLapMs: z.number(),
  })
  .meta({ id: "EnduranceStint" });

export const stintsEndpoint = defineEndpoint({
  id: "endurance.stints",
  method: "GET",
  path: "/api/v1/endurance/races/{race}/stints",
  summary: "Stints",
  description: "Stints between stops, with laps, drivers, pace and best lap.",
  tags: ["Endurance"],
  params: raceParams,
  query: atQuery,
  response: z.object({ data: z.array(stintSchema) }),
});

const driverDriveTime = z.object({
  car: z.string(),
  carClass,
  driver: z.string(),
  driveMs: z.number(),
  laps: z.number().int(),
  stints: z.number().int(),
  minMs: z.number().nullable(),
  toMinimumMs: nullableMs("Still to drive to reach the minimum: the countdown"),
  maxMs: z.number().nullable(),
  toMaximumMs: nullableMs("Still allowed before the maximum"),
  exceeded: z.boolean(),
  window: z.object({ lengthMs: z.number(), maxMs: z.number(), peakMs: z.number(), currentMs: z.number(), allowedNowMs: z.number(), exceeded: z.boolean() }).nullable(),
});

export const driveTimeSchema = z
  .object({ car: z.string(), carClass, drivers: z.array(driverDriveTime), remainingRaceMs: z.number(), owedMs: z.number(), atRisk: z.boolean() })
  .meta({ id: "EnduranceCarDriveTime" });

export const driveTimeEndpoint = defineEndpoint({
  id: "endurance.drive-time",
  method: "GET",
  path: "/api/v1/endurance/races/{race}/drive-time",
  summary: "Drive time against the race's rules",
  description: "Drive time per driver and car, each minimum, maximum and window rule checked, with countdowns.",
  tags: ["Endurance"],
  params: raceParams,
  query: atQuery,
  response: z.object({ data: z.array(driveTimeSchema) }),
});

export const flagsEndpoint = defineEndpoint({
  id: "endurance.flags",
  method: "GET",
  path: "/api/v1/endurance/races/{race}/flags",
  summary: "Flag periods",
  description: "Periods under each flag, from the laps' flags.",
  tags: ["Endurance"],
  params: raceParams,
  query: atQuery,
  response: z.object({ data: z.array(z.object({ flag, startMs: z.number().nullable(), endMs: z.number().nullable(), startLap: z.number().nullable() })) }),
});

export const accuracySchema = z
  .object({
    carClass,
    laps: z.number().int().describe("Scored laps"),
    modelMaeMs: nullableMs("Model mean absolute error"),
    baselineMaeMs: nullableMs("Baseline (median of the car's last 5 green laps) mean absolute error"),
    ratio: z.number().nullable().describe("Model MAE / baseline MAE: below 1 the model is better"),
    use: z.enum(["model", "baseline"]).describe("The source the leaderboard uses for the class"),
  })
  .meta({ id: "EnduranceAccuracy" });

export const predictionsEndpoint = defineEndpoint({
  id: "endurance.predictions",
  method: "GET",
  path: "/api/v1/endurance/races/{race}/predictions",
  summary: "Next-lap predictions and their measured accuracy",
  description: "Each car's predicted next lap, and the rolling backtest error of the model and of the baseline per class.",
  tags: ["Endurance"],
  params: raceParams,
  query: atQuery,
  response: z.object({
    accuracy: z.array(accuracySchema),
    next: z.array(
      z.object({
        car: z.string(),
        carClass,
        lap: z.number().int(),
        predictedMs: z.number().nullable(),
        baselineMs: z.number().nullable(),
        modelMs: z.number().nullable(),
        source: z.string().nullable(),
      }),
    ),
  }),
});

export const anomalySchema = z
  .object({
    car: z.string(),
    lap: z.number().int(),
    carClass,
    driver: z.string(),
    endMs: z.number(),
    lapTimeMs: z.number(),
    expectedMs: z.number(),
    lossMs: z.number(),
    excessLoss: z.number(),
    sector: z.number().int().nullable(),
    score: z.number().describe("Isolation-forest score in (0, 1): the higher, the more unusual"),
    reason: z.enum(["slow zone", "driver change", "traffic", "incident"]),
  })
  .meta({ id: "EnduranceAnomaly" });

export const anomaliesEndpoint = defineEndpoint({
  id: "endurance.anomalies",
  method: "GET",
  path: "/api/v1/endurance/races/{race}/anomalies",
  summary: "Slow laps no stop or caution explains",
  description: "Each scored, with its likely reason (incident, traffic, slow zone, driver change); strongest first.",
  tags: ["Endurance"],
  params: raceParams,
  query: atQuery,
  response: z.object({ data: z.array(anomalySchema) }),
});

const window = z.object({ opensLap: z.number(), closesLap: z.number(), opensMs: z.number(), closesMs: z.number() });
export const strategyEndpoint = defineEndpoint({
  id: "endurance.strategy",
  method: "GET",
  path: "/api/v1/endurance/races/{race}/strategy",
  summary: "Stint lengths, pit windows and the projected finish",
  description: "Stint length per car and class, each car's next pit window (laps and race time), projected laps at the flag and class order.",
  tags: ["Endurance"],
  params: raceParams,
  query: atQuery,
  response: z.object({
    data: z
      .object({
        nowMs: z.number(),
        chequeredMs: z.number(),
        stintLengths: z.array(z.object({ carClass, stints: z.number(), typicalLaps: z.number().nullable(), shortestLaps: z.number().nullable(), longestLaps: z.number().nullable() })),
        cars: z.array(
          z.object({
            car: z.string(),
            carClass,
            laps: z.number(),
            stintLaps: z.number(),
            stintLength: z.object({ typicalLaps: z.number(), shortestLaps: z.number(), longestLaps: z.number(), source: z.enum(["car", "class"]) }).nullable(),
            pitWindow: window.nullable(),
            stopsToGo: z.number().nullable(),
            paceMs: z.number(),
            projectedLaps: z.number(),
            projectedFinishMs: z.number(),
            projectedClassPosition: z.number(),
            finished: z.boolean(),
            stopped: z.boolean(),
          }),
        ),
      })
      .nullable(),
  }),
});

export const enduranceEndpoints = [
  racesEndpoint,
  raceEndpoint,
  leaderboardEndpoint,
  lapsEndpoint,
  lapChartEndpoint,
  pitStopsEndpoint,
  stintsEndpoint,
  driveTimeEndpoint,
  flagsEndpoint,
  predictionsEndpoint,
  anomaliesEndpoint,
  strategyEndpoint,
] as const;
