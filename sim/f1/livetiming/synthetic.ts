import { constants, deflateRawSync } from "node:zlib";
import { offsetMs } from "@/lib/f1/livetiming/fields";
import { rowDate, type Row } from "../openf1/rows";
import { makeCircuit, type Circuit } from "../openf1/synthetic/circuit";
import { SYNTHETIC_LIGHTS_OUT, SYNTHETIC_SESSION_START, syntheticDataset } from "../openf1/synthetic/dataset";
import { CarProgress } from "../openf1/synthetic/progress";
import { simulateRace, TOTAL_LAPS, type RaceModel, type RaceStint } from "../openf1/synthetic/race";
import { SAMPLE_EVERY_MS } from "../openf1/synthetic/samples";
import { gapBetween, orderAt } from "../openf1/synthetic/timing";
import type { ArchiveFolder } from "./folder";

/**
 * The OpenF1 simulator's synthetic race (same model, same seed) as a session of the live-timing archive, so that both
 * sources describe one race and the archive has a session with car positions for the track map. Positions go at two
 * samples a second per car, car data at one a second per car (all Pitwall keeps of it): some 8 MB in all, built in
 * memory once per seed.
 */

const POSITION_EVERY_MS = 500;
const POSITIONS_PER_LINE = 2;
const CAR_DATA_EVERY_MS = 1_000;
const HEARTBEAT_EVERY_MS = 15_000;
// The feed runs on after the flag while the cars drive back to the pit lane.
const AFTER_FLAG_MS = 180_000;
const BOM = "\uFEFF";

type Fields = Record<string, unknown>;

/** Each topic's lines, dated in epoch ms, written as the archive writes them: BOM, `HH:MM:SS.mmm{json}` per line. */
class TopicLines {
  private readonly topics = new Map<string, { at: number; json: string }[]>();

  constructor(private readonly origin: number) {}

  add(topic: string, at: number, data: unknown): void {
    const lines = this.topics.get(topic) ?? [];
    this.topics.set(topic, lines);
    // The compressed topics are quoted base64 of raw deflate, as the feed writes them; the fastest level, as the whole
    // archive is built at each start.
    const payload = topic.endsWith(".z") ? deflateRawSync(JSON.stringify(data), { level: constants.Z_BEST_SPEED }).toString("base64") : data;
    lines.push({ at: Math.round(at), json: JSON.stringify(payload) });
  }

  files(path: string): [string, Buffer][] {
    return [...this.topics].map(([topic, lines]) => {
      const text = lines
        .sort((a, b) => a.at - b.at)
        .map(({ at, json }) => new Date(at - this.origin).toISOString().slice(11, 23) + json)
        .join("\r\n");
      return [`static/${path}${topic}.jsonStream`, Buffer.from(BOM + text + "\r\n", "utf8")];
    });
  }
}

/** "1:28.523" for a lap, "18.012" for a sector, as the timing writes them. */
function clockText(ms: number): string {
  const rounded = Math.round(ms);
  const minutes = Math.floor(rounded / 60_000);
  const seconds = ((rounded - minutes * 60_000) / 1000).toFixed(3);
  return minutes > 0 ? `${minutes}:${seconds.padStart(6, "0")}` : seconds;
}

/** The gap back from `ahead` as the tower writes it: "+1.234", a lapped car "1 L", nothing when unknown. */
function gapText(ahead: CarProgress, car: CarProgress, at: number): string {
  const gap = gapBetween(ahead, car, at);
  if (gap === null) return "";
  return typeof gap === "number" ? `+${gap.toFixed(3)}` : `${/\d+/.exec(gap)?.[0] ?? "1"} L`;
}

const numberOf = (progress: CarProgress): string => String(progress.car.entrant.driverNumber);
const utc = (at: number): string => new Date(Math.round(at)).toISOString();

/** A moment the timing tells something about one car; its gaps go again at its own timing points. */
interface TimingPoint {
  at: number;
  progress: CarProgress;
  fields: Fields;
  timed: boolean;
  /** Laps done once the car crosses the line here. */
  lapsDone?: number;
}

/** One car's timing points: sectors, the line (lap count, lap time, best), pit lane, stopping on track. */
function carTimingPoints(progress: CarProgress, lapRows: Map<string, Row>): TimingPoint[] {
  const { car } = progress;
  const points: TimingPoint[] = [];
  const point = (at: number, fields: Fields, timed = true, lapsDone?: number) => points.push({ at, progress, fields, timed, lapsDone });
  const speeds = (values: Record<string, unknown>): Fields => {
    const sent = Object.entries(values).filter(([, value]) => typeof value === "number");
    return sent.length === 0 ? {} : { Speeds: Object.fromEntries(sent.map(([key, value]) => [key, { Value: String(value) }])) };
  };
  let best = Number.POSITIVE_INFINITY;
  for (const lap of car.laps) {
    const [s1, s2, s3] = lap.sectors;
    const row = lapRows.get(`${car.entrant.driverNumber}/${lap.lapNumber}`);
    if (s1 === undefined) continue;
    // The first sector of a race's first lap is not timed: the cars start from their grid slots.
    point(lap.start + s1, { ...(lap.lapNumber > 1 && { Sectors: { "0": { Value: clockText(s1) } } }), ...(lap.pitOut && { PitOut: false }), ...speeds({ I1: row?.i1_speed }) });
    if (s2 === undefined) continue;
    point(lap.start + s1 + s2, { Sectors: { "1": { Value: clockText(s2) } }, ...speeds({ I2: row?.i2_speed, ST: row?.st_speed }) });
    if (lap.end === null || s3 === undefined) continue;
    const lapMs = lap.end - lap.start;
    const line: Fields = {
      NumberOfLaps: lap.lapNumber,
      Sectors: { "0": { Value: "" }, "1": { Value: "" }, "2": { Value: clockText(s3) } },
      LastLapTime: { Value: clockText(lapMs) },
    };
    if (lapMs < best) {
      best = lapMs;
      line.BestLapTime = { Value: clockText(lapMs), Lap: lap.lapNumber };
    }
    point(lap.end, line, true, lap.lapNumber);
  }
  car.pits.forEach((pit, index) => {
    point(pit.entry, { InPit: true, NumberOfPitStops: index + 1 }, false);
    point(pit.exit, { InPit: false, PitOut: true }, false);
  });
  if (car.retired) point(car.retired.at, { Retired: true, Stopped: true }, false);
  return points;
}

/** TimingData (with the running order at every timing point), DriverList's lines and the lap count. */
function addTiming(topics: TopicLines, progresses: readonly CarProgress[], lapRows: Map<string, Row>, origin: number): void {
  const places = new Map(progresses.map((progress) => [progress.car.entrant.driverNumber, progress.car.grid]));
  const empty = { Value: "" };
  topics.add(
    "TimingData",
    origin,
    {
      Lines: Object.fromEntries(
        progresses.map((progress) => [
          numberOf(progress),
          {
            RacingNumber: numberOf(progress),
            Line: progress.car.grid,
            Position: String(progress.car.grid),
            ShowPosition: true,
            GapToLeader: "",
            IntervalToPositionAhead: empty,
            Retired: false,
            InPit: false,
            PitOut: false,
            Stopped: false,
            NumberOfPitStops: 0,
            Sectors: [empty, empty, empty],
            Speeds: { I1: empty, I2: empty, ST: empty },
            BestLapTime: empty,
            LastLapTime: empty,
          },
        ]),
      ),
    },
  );
  topics.add("LapCount", origin, { CurrentLap: 1, TotalLaps: TOTAL_LAPS });

  let currentLap = 1;
  const gaps = (order: CarProgress[], progress: CarProgress, at: number): Fields => {
    const place = order.indexOf(progress);
    const leader = order[0];
    const ahead = order[place - 1];
    // The leader's columns show the lap it is on.
    if (!leader || !ahead) return { GapToLeader: `LAP ${currentLap}`, IntervalToPositionAhead: { Value: `LAP ${currentLap}` } };
    return { GapToLeader: gapText(leader, progress, at), IntervalToPositionAhead: { Value: gapText(ahead, progress, at) } };
  };
  const running = (progress: CarProgress, at: number) => progress.car.retired === null || progress.car.retired.at > at;
  const points = progresses.flatMap((progress) => carTimingPoints(progress, lapRows)).sort((a, b) => a.at - b.at);
  for (const { at, progress, fields, timed, lapsDone } of points) {
    if (lapsDone !== undefined && lapsDone < TOTAL_LAPS && lapsDone + 1 > currentLap) {
      currentLap = lapsDone + 1;
      topics.add("LapCount", at, { CurrentLap: currentLap });
    }
    const order = orderAt(progresses, at, places);
    const lines: Record<string, Fields> = {};
    const drivers: Record<string, Fields> = {};
    order.forEach((moved, index) => {
      const driverNumber = moved.car.entrant.driverNumber;
      if (places.get(driverNumber) === index + 1) return;
      places.set(driverNumber, index + 1);
      lines[numberOf(moved)] = { Position: String(index + 1), Line: index + 1, ...(running(moved, at) && gaps(order, moved, at)) };
      drivers[numberOf(moved)] = { Line: index + 1 };
    });
    lines[numberOf(progress)] = { ...lines[numberOf(progress)], ...fields, ...(timed && running(progress, at) && gaps(order, progress, at)) };
    topics.add("TimingData", at, { Lines: lines });
    if (Object.keys(drivers).length > 0) topics.add("DriverList", at, drivers);
  }
}

const stintEntry = (stint: RaceStint): Fields => ({
  LapFlags: 0,
  Compound: stint.compound,
  New: String(stint.tyreAgeAtStart === 0),
  TyresNotChanged: "0",
  TotalLaps: stint.tyreAgeAtStart,
  StartLaps: stint.tyreAgeAtStart,
});

/** TimingAppData: grid slots and stints (a new set while the car stands in the pit lane, laps on it at the line). */
function addStints(topics: TopicLines, progresses: readonly CarProgress[], origin: number): void {
  const lines = (driverNumber: number, fields: Fields) => ({ Lines: { [driverNumber]: fields } });
  topics.add(
    "TimingAppData",
    origin,
    {
      Lines: Object.fromEntries(
        progresses.map(({ car }) => [
          car.entrant.driverNumber,
          { RacingNumber: String(car.entrant.driverNumber), Line: car.grid, GridPos: String(car.grid), Stints: car.stints.slice(0, 1).map(stintEntry) },
        ]),
      ),
    },
  );
  for (const { car } of progresses) {
    const driverNumber = car.entrant.driverNumber;
    car.stints.forEach((stint, index) => {
      const pit = car.pits.find((visit) => visit.lapNumber === stint.lapStart - 1 && visit.stationaryMs !== null);
      if (index > 0 && pit) topics.add("TimingAppData", pit.entry + pit.laneMs / 2, lines(driverNumber, { Stints: { [index]: stintEntry(stint) } }));
      for (const lap of car.laps) {
        if (lap.end === null || lap.lapNumber < stint.lapStart || lap.lapNumber > stint.lapEnd) continue;
        const totalLaps = stint.tyreAgeAtStart + lap.lapNumber - stint.lapStart + 1;
        topics.add("TimingAppData", lap.end, lines(driverNumber, { Stints: { [index]: { TotalLaps: totalLaps } } }));
      }
    });
  }
}

/** PitLaneTimeCollection: pit entry to exit, posted as the car leaves the pit lane. */
function addPitLane(topics: TopicLines, progresses: readonly CarProgress[], origin: number): void {
  topics.add("PitLaneTimeCollection", origin, { PitTimes: {} });
  for (const { car } of progresses) {
    const racingNumber = String(car.entrant.driverNumber);
    for (const pit of car.pits) {
      const duration = (Math.round(pit.laneMs) / 1000).toFixed(3);
      topics.add("PitLaneTimeCollection", pit.exit, { PitTimes: { [racingNumber]: { RacingNumber: racingNumber, Duration: duration, Lap: String(pit.lapNumber) } } });
    }
  }
}

/** Race control as the OpenF1 simulator words it; `Utc` to the second and without a zone, as the feed writes it. */
function addRaceControl(topics: TopicLines, rows: readonly Row[]): void {
  rows.forEach((row, index) => {
    const at = rowDate(row.date) ?? 0;
    const message: Fields = { Utc: utc(at).slice(0, 19), Lap: row.lap_number, Category: row.category };
    if (row.flag !== null) message.Flag = row.flag;
    if (row.scope !== null) message.Scope = row.scope;
    if (row.sector !== null) message.Sector = row.sector;
    if (row.driver_number !== null) message.RacingNumber = String(row.driver_number);
    message.Message = row.message;
    topics.add("RaceControlMessages", at, { Messages: index === 0 ? [message] : { [index]: message } });
  });
}

/** WeatherData: the OpenF1 simulator's readings, written as text as the feed writes them. */
function addWeather(topics: TopicLines, rows: readonly Row[]): void {
  const text = (value: unknown, digits: number) => Number(value).toFixed(digits);
  for (const row of rows) {
    topics.add("WeatherData", rowDate(row.date) ?? 0, {
      AirTemp: text(row.air_temperature, 1),
      Humidity: text(row.humidity, 1),
      Pressure: text(row.pressure, 1),
      Rainfall: text(row.rainfall, 0),
      TrackTemp: text(row.track_temperature, 1),
      WindDirection: text(row.wind_direction, 0),
      WindSpeed: text(row.wind_speed, 1),
    });
  }
}

/** SessionStatus, TrackStatus (the virtual safety car and the safety car) and the heartbeat that dates the streams. */
function addStatus(topics: TopicLines, model: RaceModel, origin: number, end: number): void {
  topics.add("SessionStatus", origin, { Status: "Inactive" });
  topics.add("SessionStatus", model.lightsOut, { Status: "Started" });
  topics.add("SessionStatus", model.chequeredAt, { Status: "Finished" });
  topics.add("SessionStatus", end, { Status: "Finalised" });
  topics.add("SessionStatus", end, { Status: "Ends" });
  topics.add("TrackStatus", origin, { Status: "1", Message: "AllClear" });
  for (const period of model.neutralisations) {
    if (period.virtual) {
      topics.add("TrackStatus", period.from, { Status: "6", Message: "VSCDeployed" });
      topics.add("TrackStatus", period.endingAt, { Status: "7", Message: "VSCEnding" });
    } else topics.add("TrackStatus", period.from, { Status: "4", Message: "SCDeployed" });
    topics.add("TrackStatus", period.to, { Status: "1", Message: "AllClear" });
  }
  for (let at = origin; at <= end; at += HEARTBEAT_EVERY_MS) topics.add("Heartbeat", at, { Utc: utc(at) });
}

/** Position.z: every car on the circuit outline (or in the pit lane), all at one timestamp, a few samples a line. */
function addPositions(topics: TopicLines, progresses: readonly CarProgress[], circuit: Circuit, origin: number, end: number): void {
  const entry = (progress: CarProgress, at: number): Fields => {
    const pit = progress.pitLaneAt(at);
    const point = pit === null ? circuit.at(progress.distanceAt(at)) : circuit.pitLane(pit);
    const status = progress.car.retired !== null && progress.car.retired.at <= at ? "OffTrack" : "OnTrack";
    return { Status: status, X: Math.round(point.x), Y: Math.round(point.y), Z: Math.round(point.z) };
  };
  const lineEvery = POSITION_EVERY_MS * POSITIONS_PER_LINE;
  for (let at = origin + lineEvery; at <= end; at += lineEvery) {
    const samples = Array.from({ length: POSITIONS_PER_LINE }, (_, index) => at - (POSITIONS_PER_LINE - 1 - index) * POSITION_EVERY_MS);
    const batch = samples.map((sample) => ({ Timestamp: utc(sample), Entries: Object.fromEntries(progresses.map((progress) => [numberOf(progress), entry(progress, sample)])) }));
    topics.add("Position.z", at, { Position: batch });
  }
}

/** CarData.z: the OpenF1 simulator's car data, one sample a second per car (each window of its cadence holds one). */
function addCarData(topics: TopicLines, sample: (from: number, to: number) => Row[], origin: number, end: number): void {
  for (let at = origin; at + SAMPLE_EVERY_MS <= end; at += CAR_DATA_EVERY_MS) {
    const entries = sample(at, at + SAMPLE_EVERY_MS - 1).map((row) => ({
      // OpenF1's "2025-11-16T13:00:00.123000+00:00" to the feed's "2025-11-16T13:00:00.123Z".
      Utc: `${String(row.date).slice(0, 23)}Z`,
      Cars: { [String(row.driver_number)]: { Channels: { "0": row.rpm, "2": row.speed, "3": row.n_gear, "4": row.throttle, "5": row.brake, "45": row.drs } } },
    }));
    topics.add("CarData.z", at + SAMPLE_EVERY_MS, { Entries: entries });
  }
}

interface SyntheticSession {
  year: number;
  /** The session's meeting as the season index lists it. */
  meeting: Fields & { Key: number };
  files: [string, Buffer][];
}

let built: { seed: number; session: SyntheticSession } | null = null;

/** The synthetic race of `seed` as the archive keeps a session: SessionInfo and every topic's stream. */
function syntheticSession(seed: number): SyntheticSession {
  if (built?.seed === seed) return built.session;
  const dataset = syntheticDataset(seed);
  const table = (name: string) => dataset.tables.get(name) ?? [];
  const meetingRow = table("meetings")[0] ?? {};
  const sessionRow = table("sessions")[0] ?? {};
  // The dataset keeps rows only: the race again (the same seed gives the same race) for its moments and places.
  const model = simulateRace(seed, SYNTHETIC_LIGHTS_OUT);
  const progresses = model.cars.map((car) => CarProgress.of(car, model.lightsOut));
  const origin = SYNTHETIC_SESSION_START;
  const end = Math.max(...model.cars.map((car) => car.finishedAt ?? model.chequeredAt)) + AFTER_FLAG_MS;

  const gmtOffset = String(sessionRow.gmt_offset);
  const local = (at: number) => new Date(at + (offsetMs(gmtOffset) ?? 0)).toISOString().slice(0, 19);
  const startDate = local(rowDate(sessionRow.date_start) ?? origin);
  const day = startDate.slice(0, 10);
  const folderName = (name: unknown) => `${day}_${String(name).replaceAll(" ", "_")}`;
  const year = Number(sessionRow.year);
  const path = `${year}/${folderName(meetingRow.meeting_name)}/${folderName(sessionRow.session_name)}/`;
  const session = {
    Key: Number(sessionRow.session_key),
    Type: String(sessionRow.session_type),
    Name: String(sessionRow.session_name),
    StartDate: startDate,
    EndDate: local(rowDate(sessionRow.date_end) ?? end),
    GmtOffset: gmtOffset,
    Path: path,
  };
  const meeting = {
    Key: Number(meetingRow.meeting_key),
    Name: String(meetingRow.meeting_name),
    OfficialName: String(meetingRow.meeting_official_name),
    Location: String(meetingRow.location),
    Country: { Key: Number(meetingRow.country_key), Code: String(meetingRow.country_code), Name: String(meetingRow.country_name) },
    Circuit: { Key: Number(meetingRow.circuit_key), ShortName: String(meetingRow.circuit_short_name) },
  };

  const topics = new TopicLines(origin);
  topics.add("SessionInfo", origin, { Meeting: meeting, ArchiveStatus: { Status: "Complete" }, ...session });
  const grid = [...progresses].sort((a, b) => a.car.grid - b.car.grid);
  topics.add(
    "DriverList",
    origin,
    Object.fromEntries(
      table("drivers").map((row) => {
        const line = grid.findIndex((progress) => progress.car.entrant.driverNumber === row.driver_number) + 1;
        const driver = {
          RacingNumber: String(row.driver_number),
          BroadcastName: row.broadcast_name,
          FullName: row.full_name,
          Tla: row.name_acronym,
          Line: line,
          TeamName: row.team_name,
          TeamColour: row.team_colour,
          FirstName: row.first_name,
          LastName: row.last_name,
        };
        return [String(row.driver_number), driver];
      }),
    ),
  );
  const lapRows = new Map(table("laps").map((row) => [`${String(row.driver_number)}/${String(row.lap_number)}`, row]));
  addTiming(topics, progresses, lapRows, origin);
  addStints(topics, progresses, origin);
  addPitLane(topics, progresses, origin);
  addRaceControl(topics, table("race_control"));
  addWeather(topics, table("weather"));
  addStatus(topics, model, origin, end);
  addPositions(topics, progresses, makeCircuit(seed), origin, end);
  const carData = dataset.samplers.get("car_data");
  if (carData) addCarData(topics, (from, to) => carData(session.Key, from, to), origin, end);

  const result: SyntheticSession = { year, meeting: { ...meeting, Sessions: [session] }, files: topics.files(path) };
  built = { seed, session: result };
  return result;
}

/** `folder` with the synthetic race of `seed` added as an archived session, its meeting merged into the season index. */
export function withSyntheticRace(folder: ArchiveFolder, seed: number): ArchiveFolder {
  const { year, meeting, files } = syntheticSession(seed);
  const indexPath = `static/${year}/Index.json`;
  const existing = folder.files.get(indexPath);
  const index = existing ? (JSON.parse(existing.toString("utf8").replace(/^\uFEFF/, "")) as { Year: number; Meetings: { Key: number }[] }) : { Year: year, Meetings: [] };
  index.Meetings = [...index.Meetings.filter((other) => other.Key !== meeting.Key), meeting];
  return { files: new Map([...folder.files, ...files, [indexPath, Buffer.from(BOM + JSON.stringify(index), "utf8")]]) };
}
