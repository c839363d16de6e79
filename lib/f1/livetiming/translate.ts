import type { CarTelemetry, Driver, RaceControlMessage, RaceRecord, Session } from "@/lib/f1/records";
import { clockMs, colourOf, compoundOf, gapOf, integerOf, localToUtc, numberOf, textOf, utcOf } from "./fields";
import { feedStatus, type FeedStatus } from "./feed-status";
import { advanceLaps, asObject, lapRecord, newLapProgress, touched, type LapProgress } from "./laps";
import { mergeFeed, type FeedObject, type FeedValue } from "./merge";
import type { FeedMessage } from "./message";
import { carDataOf, locationsOf, type CarDataClock } from "./samples";

/** What one message turned into. */
export interface Translated {
  records: RaceRecord[];
  /** Car telemetry is no race-state record; it goes to its own store, downsampled. */
  telemetry: CarTelemetry[];
}

export interface TranslatorOptions {
  /** Known from the season index before SessionInfo arrives. */
  sessionKey?: number;
  /** At most one car-data sample per car this often (default 1 s; the feed sends ~4 per second). */
  carDataEveryMs?: number;
}

interface DriverFeed {
  laps: LapProgress;
  position: number | null;
  gaps: string;
  stintStarts: Map<number, number>;
  stints: Map<number, string>;
  grid: number | null;
}

const MAX_ISSUES = 5;
// Topics sent as a stream of samples: each message stands alone, nothing to merge.
const SAMPLED = new Set(["Position", "CarData"]);
const NAME_FIELDS = ["Tla", "BroadcastName", "FullName", "FirstName", "LastName", "TeamName", "TeamColour", "HeadshotUrl"];

/**
 * Turns the live-timing feed into Pitwall's F1 records: every topic's state is merged message by message (keyframe,
 * then deltas), and each delta yields the records it changed, dated at the message. The same translator reads the
 * archive and the live socket, so both build the same race state.
 */
export class FeedTranslator {
  private readonly topics = new Map<string, FeedValue>();
  private readonly drivers = new Map<number, DriverFeed>();
  private readonly raceControlSeen = new Set<number>();
  private sessionKey: number | null;
  private race = false;
  /** The chequered flag has been shown: a race lap completed from now on is the car's last. */
  private chequered = false;
  private readonly carDataClock: CarDataClock;
  private readonly lastMessageAt = new Map<string, number>();
  /** Parts of messages that did not make sense (a race-control message with a broken time): skipped. */
  malformed = 0;
  readonly issues: string[] = [];

  constructor(options: TranslatorOptions = {}) {
    this.sessionKey = options.sessionKey ?? null;
    this.carDataClock = { everyMs: options.carDataEveryMs ?? 1000, lastAt: new Map() };
  }

  /** A topic's merged state so far (the latest sample for Position and CarData). */
  topic(name: string): FeedValue | undefined {
    return this.topics.get(name);
  }

  /** The session's status, track status, lap count and each topic's freshness. */
  status(): FeedStatus {
    return feedStatus((name) => this.topics.get(name), this.lastMessageAt);
  }

  apply(message: FeedMessage): Translated {
    const out: Translated = { records: [], telemetry: [] };
    this.lastMessageAt.set(message.topic, Math.max(message.at, this.lastMessageAt.get(message.topic) ?? message.at));
    const delta = asObject(message.data);
    if (!delta) return out;
    const merged = SAMPLED.has(message.topic) ? delta : (mergeFeed(this.topics.get(message.topic), delta) as FeedObject);
    this.topics.set(message.topic, merged);
    if (message.topic === "SessionInfo") this.readSession(merged, out);
    const sessionKey = this.sessionKey;
    if (sessionKey === null) return out;
    switch (message.topic) {
      case "DriverList":
        this.readDrivers(sessionKey, delta, merged, out);
        break;
      case "TimingData":
        this.readTiming(sessionKey, delta, merged, message.at, out);
        break;
      case "TimingAppData":
        this.readStints(sessionKey, delta, merged, out);
        break;
      case "PitLaneTimeCollection":
        this.readPitLane(sessionKey, delta, merged, message.at, out);
        break;
      case "RaceControlMessages":
        this.readRaceControl(sessionKey, delta, merged, message.at, out);
        break;
      case "WeatherData":
        out.records.push({
          kind: "weather",
          sessionKey,
          at: new Date(message.at),
          airTemperatureC: numberOf(merged.AirTemp),
          trackTemperatureC: numberOf(merged.TrackTemp),
          humidityPct: numberOf(merged.Humidity),
          pressureMbar: numberOf(merged.Pressure),
          rainfall: numberOf(merged.Rainfall) !== null && numberOf(merged.Rainfall) !== 0,
          windSpeedMps: numberOf(merged.WindSpeed),
          windDirectionDeg: numberOf(merged.WindDirection),
        });
        break;
      case "Position":
        out.records.push(...locationsOf(sessionKey, delta, (reason) => this.malformedPart(reason)));
        break;
      case "CarData":
        out.telemetry.push(...carDataOf(sessionKey, delta, this.carDataClock, (reason) => this.malformedPart(reason)));
        break;
    }
    return out;
  }

  private malformedPart(reason: string): void {
    this.malformed += 1;
    if (this.issues.length < MAX_ISSUES) this.issues.push(reason);
  }

  private driver(driverNumber: number): DriverFeed {
    let driver = this.drivers.get(driverNumber);
    if (!driver) {
      driver = { laps: newLapProgress(), position: null, gaps: "", stintStarts: new Map(), stints: new Map(), grid: null };
      this.drivers.set(driverNumber, driver);
    }
    return driver;
  }

  private readSession(info: FeedObject, out: Translated): void {
    const key = integerOf(info.Key);
    const meeting = asObject(info.Meeting);
    const startsAt = localToUtc(info.StartDate, info.GmtOffset);
    this.sessionKey ??= key;
    const type = textOf(info.Type);
    this.race = type !== null && /race/i.test(type);
    const meetingKey = integerOf(meeting?.Key);
    if (key === null || key !== this.sessionKey || meetingKey === null || startsAt === null || type === null) return;
    const country = asObject(meeting?.Country);
    const circuit = asObject(meeting?.Circuit);
    const session: Session = {
      kind: "session",
      sessionKey: key,
      meetingKey,
      name: textOf(info.Name) ?? type,
      type,
      startsAt,
      endsAt: localToUtc(info.EndDate, info.GmtOffset),
      year: startsAt.getUTCFullYear(),
      gmtOffset: textOf(info.GmtOffset),
      location: textOf(meeting?.Location),
      countryCode: textOf(country?.Code),
      countryName: textOf(country?.Name),
      circuitKey: integerOf(circuit?.Key),
      circuitShortName: textOf(circuit?.ShortName),
      cancelled: false,
    };
    out.records.push(session);
  }

  private readDrivers(sessionKey: number, delta: FeedObject, merged: FeedObject, out: Translated): void {
    for (const [key, changes] of Object.entries(delta)) {
      const driverNumber = integerOf(key);
      const entry = asObject(merged[key]);
      const touchedNames = NAME_FIELDS.some((field) => asObject(changes)?.[field] !== undefined);
      if (driverNumber === null || !entry || !touchedNames) continue;
      const driver: Driver = {
        kind: "driver",
        sessionKey,
        driverNumber,
        acronym: textOf(entry.Tla),
        broadcastName: textOf(entry.BroadcastName),
        fullName: textOf(entry.FullName),
        firstName: textOf(entry.FirstName),
        lastName: textOf(entry.LastName),
        teamName: textOf(entry.TeamName),
        teamColour: colourOf(entry.TeamColour),
        headshotUrl: textOf(entry.HeadshotUrl),
      };
      out.records.push(driver);
    }
  }

  private readTiming(sessionKey: number, delta: FeedObject, merged: FeedObject, at: number, out: Translated): void {
    const lines = asObject(delta.Lines);
    const mergedLines = asObject(merged.Lines);
    if (!lines || !mergedLines) return;
    for (const [key, value] of Object.entries(lines)) {
      const driverNumber = integerOf(key);
      const changes = asObject(value);
      const line = asObject(mergedLines[key]);
      if (driverNumber === null || !changes || !line) continue;
      const driver = this.driver(driverNumber);
      const position = integerOf(line.Position);
      if (changes.Position !== undefined && position !== null && position !== driver.position) {
        driver.position = position;
        out.records.push({ kind: "position", sessionKey, driverNumber, at: new Date(at), position });
      }
      // A race shows the gap to the leader and to the car ahead; practice the gap to the fastest lap; qualifying the
      // same per part (Q1, Q2, Q3) in Stats, of which the latest part with a gap counts.
      const part = Array.isArray(line.Stats) ? line.Stats.map(asObject).findLast((stats) => textOf(stats?.TimeDiffToFastest) !== null) : undefined;
      const leaderText = this.race ? line.GapToLeader : (line.TimeDiffToFastest ?? part?.TimeDiffToFastest);
      const aheadText = this.race ? asObject(line.IntervalToPositionAhead)?.Value : (line.TimeDiffToPositionAhead ?? part?.TimeDifftoPositionAhead);
      const gaps = `${String(leaderText ?? "")}|${String(aheadText ?? "")}`;
      if (gaps !== driver.gaps) {
        driver.gaps = gaps;
        out.records.push({ kind: "interval", sessionKey, driverNumber, at: new Date(at), gapToLeader: gapOf(leaderText), interval: gapOf(aheadText) });
      }
      for (const lapNumber of advanceLaps(driver.laps, changes, line, at, this.race, this.raceOver(line))) {
        out.records.push(lapRecord(driver.laps, sessionKey, driverNumber, lapNumber));
      }
    }
  }

  /** Over for this car once the flag is out, or as it completes the scheduled laps (the count may come before the flag). */
  private raceOver(line: FeedObject): boolean {
    const total = integerOf(asObject(this.topics.get("LapCount"))?.TotalLaps);
    const count = integerOf(line.NumberOfLaps);
    return this.chequered || (total !== null && count !== null && count >= total);
  }

  private readStints(sessionKey: number, delta: FeedObject, merged: FeedObject, out: Translated): void {
    const lines = asObject(delta.Lines);
    const mergedLines = asObject(merged.Lines);
    if (!lines || !mergedLines) return;
    for (const [key, value] of Object.entries(lines)) {
      const driverNumber = integerOf(key);
      const line = asObject(mergedLines[key]);
      const changes = asObject(value);
      if (driverNumber === null || !line || !changes) continue;
      const driver = this.driver(driverNumber);
      const grid = integerOf(line.GridPos);
      if (changes.GridPos !== undefined && grid !== null && grid > 0 && grid !== driver.grid) {
        driver.grid = grid;
        out.records.push({ kind: "grid", sessionKey, driverNumber, position: grid, qualifyingLapMs: null });
      }
      const stints = line.Stints;
      for (const [index] of touched(changes.Stints)) {
        const stint = asObject(Array.isArray(stints) ? stints[index] : asObject(stints)?.[String(index)]);
        if (!stint) continue;
        const fingerprint = JSON.stringify(stint);
        if (driver.stints.get(index) === fingerprint) continue;
        driver.stints.set(index, fingerprint);
        // The feed does not say on which lap a stint began: it is the lap the driver was on when the stint appeared.
        const lapStart = driver.stintStarts.get(index) ?? driver.laps.current;
        driver.stintStarts.set(index, lapStart);
        const startAge = integerOf(stint.StartLaps);
        const total = integerOf(stint.TotalLaps);
        const lapsRun = total !== null && startAge !== null ? total - startAge : null;
        out.records.push({
          kind: "stint",
          sessionKey,
          driverNumber,
          stintNumber: index + 1,
          compound: compoundOf(stint.Compound),
          lapStart,
          lapEnd: lapsRun !== null && lapsRun > 0 ? lapStart + lapsRun - 1 : null,
          tyreAgeAtStart: startAge,
        });
      }
    }
  }

  /** Pit entry to pit exit, from the pit-lane time collection (posted as the car leaves the pit lane). */
  private readPitLane(sessionKey: number, delta: FeedObject, merged: FeedObject, at: number, out: Translated): void {
    const times = asObject(merged.PitTimes);
    for (const key of Object.keys(asObject(delta.PitTimes) ?? {})) {
      const driverNumber = integerOf(key);
      const pit = asObject(times?.[key]);
      const laneMs = clockMs(pit?.Duration);
      const lapNumber = integerOf(pit?.Lap);
      if (driverNumber === null || !pit || lapNumber === null) continue;
      out.records.push({ kind: "pit", sessionKey, driverNumber, at: new Date(at), lapNumber, laneMs, stationaryMs: null });
    }
  }

  private readRaceControl(sessionKey: number, delta: FeedObject, merged: FeedObject, at: number, out: Translated): void {
    const messages = merged.Messages;
    for (const [index] of touched(delta.Messages)) {
      const entry = asObject(Array.isArray(messages) ? messages[index] : asObject(messages)?.[String(index)]);
      const text = textOf(entry?.Message);
      if (!entry || text === null || this.raceControlSeen.has(index)) continue;
      const utc = entry.Utc === undefined ? at : utcOf(entry.Utc);
      if (utc === null) {
        this.malformedPart(`race control ${index}: bad Utc ${JSON.stringify(entry.Utc)}`);
        continue;
      }
      this.raceControlSeen.add(index);
      if (textOf(entry.Flag) === "CHEQUERED") this.chequered = true;
      const message: RaceControlMessage = {
        kind: "race-control",
        sessionKey,
        at: new Date(utc),
        category: textOf(entry.Category) ?? "Other",
        flag: textOf(entry.Flag),
        scope: textOf(entry.Scope),
        sector: integerOf(entry.Sector),
        driverNumber: integerOf(entry.RacingNumber),
        lapNumber: integerOf(entry.Lap),
        message: text,
        qualifyingPhase: integerOf(entry.QualifyingPart),
      };
      out.records.push(message);
    }
  }
}
