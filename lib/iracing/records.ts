// The iRacing domain in racing terms: what the parsers make of the Data API's bodies, ready for ingest.
// Times are UTC `Date`s; the race time descriptors stay plain JSON (strings, numbers) so they can be stored as-is and
// fed back to the session-time computation (recurrence.ts).

/** An item of a list that was left out, and why. For nested lists the reason starts with where it sits. */
export interface Rejected {
  index: number;
  reason: string;
}

export interface Parsed<T> {
  records: T[];
  rejected: Rejected[];
}

/** Series categories by `category_id` (`road` was split into sports_car and formula_car in 2024). */
export const CATEGORIES: Readonly<Record<number, string>> = { 1: "oval", 2: "road", 3: "dirt_oval", 4: "dirt_road", 5: "sports_car", 6: "formula_car" };

/** One licence class a series admits: group 1 Rookie, 2 D, 3 C, 4 B, 5 A, 6 Pro, 7 Pro/WC. */
export interface LicenceRange {
  group: number;
  groupName: string | null;
  minLevel: number | null;
  maxLevel: number | null;
}

export interface Series {
  seriesId: number;
  name: string;
  shortName: string;
  category: string;
  categoryId: number;
  /** The lowest licence group admitted (the series' licence class), null when none is listed. */
  minLicenceGroup: number | null;
  allowedLicences: LicenceRange[];
  eligible: boolean | null;
  minStarters: number | null;
  maxStarters: number | null;
  firstSeason: { year: number; quarter: number } | null;
  forumUrl: string | null;
  searchFilters: string | null;
}

export interface SeriesAssets {
  seriesId: number;
  logoUrl: string | null;
  largeImageUrl: string | null;
  smallImageUrl: string | null;
  /** HTML from iRacing: render sanitised. */
  copy: string | null;
}

export interface Season {
  seasonId: number;
  seriesId: number;
  name: string;
  shortName: string | null;
  year: number;
  quarter: number;
  official: boolean;
  fixedSetup: boolean;
  licenceGroup: number;
  active: boolean | null;
  complete: boolean | null;
  multiclass: boolean | null;
  driverChanges: boolean | null;
  hasSuperSessions: boolean | null;
  carSwitching: boolean | null;
  carClassIds: number[];
  maxWeeks: number | null;
  drops: number | null;
  incidentLimit: number | null;
  scheduleDescription: string | null;
  rookieSeason: string | null;
  /** The season's first day (UTC), when given. */
  startsAt: Date | null;
  carTypes: string[];
  trackTypes: string[];
}

/** A season together with its race weeks, as `series/seasons` gives it. */
export interface SeasonSchedule {
  season: Season;
  raceWeeks: RaceWeek[];
}

export interface TrackRef {
  /** The configuration's id (track/get has one row per configuration). */
  trackId: number;
  trackName: string;
  configName: string | null;
  category: string | null;
  categoryId: number | null;
}

/** One race week of a season: identified by (seasonId, raceWeekNum); race_week_num is 0-based. */
export interface RaceWeek {
  seasonId: number;
  raceWeekNum: number;
  seriesId: number | null;
  scheduleName: string | null;
  /** The week's first day, "YYYY-MM-DD" (UTC). */
  startDate: string;
  startsAt: Date;
  /** As iRacing gives it: no session of the week starts after it. Null in older payloads. */
  weekEndTime: Date | null;
  /**
   * Exclusive end: the next week's start when weeks follow on; else midnight after `weekEndTime`, or 7 days after the
   * start when iRacing gives no `weekEndTime`.
   */
  endsAt: Date;
  track: TrackRef;
  category: string | null;
  categoryId: number | null;
  /** One of the two is set: a race is either so many laps or so many minutes. */
  raceLapLimit: number | null;
  raceTimeLimitMinutes: number | null;
  practiceMinutes: number | null;
  qualifyMinutes: number | null;
  qualifyLaps: number | null;
  warmupMinutes: number | null;
  qualifyingAttached: boolean | null;
  startType: string | null;
  restartType: string | null;
  fullCourseCautions: boolean | null;
  specialEventType: number | string | null;
  raceTimeDescriptors: RaceTimeDescriptor[];
  carRestrictions: CarRestriction[];
  /** Cars of this week in a rotating series; empty when the season's classes apply. */
  cars: RaceWeekCar[];
  carClassIds: number[];
  weather: Weather | null;
}

export type RaceTimeDescriptor = RepeatingTimes | SetTimes;

/** Sessions every `repeatMinutes` from `firstSessionTime` on each day `startDate + dayOffsets[i]` (GMT). */
export interface RepeatingTimes {
  repeating: true;
  superSession: boolean;
  sessionMinutes: number | null;
  startDate: string;
  /** "HH:MM:SS" GMT. */
  firstSessionTime: string;
  /** Null or 0: one session a day. */
  repeatMinutes: number | null;
  /** Null: every day of the week. */
  dayOffsets: number[] | null;
  /** The last minute of the day (GMT) a session may start at, when iRacing limits it. */
  endOffsetMinutes: number | null;
}

/** Explicit session start times (special events). */
export interface SetTimes {
  repeating: false;
  superSession: boolean;
  /** For set times iRacing may give the length of the whole event rather than of one session. */
  sessionMinutes: number | null;
  /** ISO 8601 instants in UTC, ascending. */
  sessionTimes: string[];
}

/** Balance of performance of one car in one race week. */
export interface CarRestriction {
  seasonId: number;
  raceWeekNum: number;
  carId: number;
  /** Negative is less power; decimals occur (-1.25). */
  powerAdjustPct: number | null;
  /** Negative occurs (-1.0). */
  weightPenaltyKg: number | null;
  /** Decimals occur (50.5). */
  maxPctFuelFill: number | null;
  /** 0: unlimited. */
  maxDryTireSets: number | null;
  raceSetupId: number | null;
  qualifyingSetupId: number | null;
}

export interface RaceWeekCar {
  seasonId: number;
  raceWeekNum: number;
  carId: number;
  carName: string | null;
  carNameAbbreviated: string | null;
}

export interface Weather {
  /** Chance of rain, 0-100, from the forecast summary; null in payloads without one. */
  rainChancePct: number | null;
  maxPrecipRate: number | null;
  maxPrecipRateDescription: string | null;
  /** The forecast's temperatures and wind, in iRacing's unit codes (`temperatureUnits`, `windUnits`). */
  temperatureLow: number | null;
  temperatureHigh: number | null;
  temperatureUnits: number | null;
  windLow: number | null;
  windHigh: number | null;
  windUnits: number | null;
  windDirection: number | null;
  skiesLow: number | null;
  skiesHigh: number | null;
  forecastType: number | null;
  /** The session's set temperature (the only one older payloads give), in its own unit code. */
  ambientTemperature: number | null;
  ambientTemperatureUnits: number | null;
  relativeHumidity: number | null;
  allowFog: boolean | null;
  timeOfDay: number | null;
  trackWater: number | null;
  /** The track's local time the simulation starts at (no zone), and its UTC instant when given (2022 shape). */
  simulatedStartTime: string | null;
  simulatedStartUtc: Date | null;
  /** The 2022 shape's weather `type` (its forecast preset). */
  legacyType: number | null;
}

export interface CarClassRef {
  carClassId: number;
  name: string | null;
  shortName: string | null;
  relativeSpeed: number | null;
}

/** One season of `series/past_seasons`: its classes and the track of each week. */
export interface PastSeason {
  seasonId: number;
  seriesId: number;
  name: string;
  shortName: string | null;
  year: number;
  quarter: number;
  active: boolean | null;
  official: boolean;
  fixedSetup: boolean | null;
  driverChanges: boolean | null;
  licenceGroup: number | null;
  hasSuperSessions: boolean | null;
  carClasses: CarClassRef[];
  raceWeeks: { raceWeekNum: number; track: TrackRef }[];
}

/** The series part of `series/past_seasons`. */
export interface PastSeries {
  seriesId: number;
  name: string;
  shortName: string | null;
  category: string | null;
  categoryId: number | null;
  active: boolean | null;
  official: boolean | null;
  fixedSetup: boolean | null;
  licenceGroup: number | null;
  logoUrl: string | null;
  allowedLicences: LicenceRange[];
}

/** One element of `season/list`. */
export interface SeasonSummary {
  seasonId: number;
  seriesId: number;
  name: string;
  seriesName: string | null;
  year: number;
  quarter: number;
  official: boolean;
  fixedSetup: boolean;
  licenceGroup: number;
  driverChanges: boolean | null;
  rookieSeason: string | null;
}

export interface CarClass {
  carClassId: number;
  name: string;
  shortName: string | null;
  relativeSpeed: number | null;
  rainEnabled: boolean | null;
  cars: { carId: number; dirPath: string | null; retired: boolean | null; rainEnabled: boolean | null }[];
}

export interface Car {
  carId: number;
  name: string;
  abbreviation: string | null;
  make: string | null;
  model: string | null;
  dirPath: string | null;
  categories: string[];
  carTypes: string[];
  horsepower: number | null;
  weightLbs: number | null;
  /** Included with the subscription: owned by everyone. */
  free: boolean | null;
  purchasable: boolean | null;
  price: number | null;
  packageId: number | null;
  sku: number | null;
  retired: boolean | null;
  rainEnabled: boolean | null;
  hasHeadlights: boolean | null;
  hasRainTires: boolean | null;
  minPowerAdjustPct: number | null;
  maxPowerAdjustPct: number | null;
  maxWeightPenaltyKg: number | null;
  logoUrl: string | null;
  smallImageUrl: string | null;
  largeImageUrl: string | null;
  forumUrl: string | null;
  firstSale: Date | null;
}

export interface CarAssets {
  carId: number;
  logoUrl: string | null;
  smallImageUrl: string | null;
  largeImageUrl: string | null;
  groupName: string | null;
  detailCopy: string | null;
  techSpecs: string | null;
}

/** One configuration of a track (a row of `track/get`). */
export interface TrackConfig {
  trackId: number;
  /** The track (the content one buys): its configurations share it. Null when iRacing leaves it out. */
  packageId: number | null;
  trackName: string;
  configName: string | null;
  category: string | null;
  categoryId: number | null;
  lengthMiles: number | null;
  corners: number | null;
  isOval: boolean | null;
  isDirt: boolean | null;
  retired: boolean | null;
  free: boolean | null;
  purchasable: boolean | null;
  price: number | null;
  sku: number | null;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  timeZone: string | null;
  maxCars: number | null;
  gridStalls: number | null;
  pitStalls: number | null;
  pitRoadSpeedLimit: number | null;
  nightLighting: boolean | null;
  rainEnabled: boolean | null;
  hasSvgMap: boolean | null;
  nominalLapSeconds: number | null;
  opens: string | null;
  closes: string | null;
  trackTypes: string[];
  logoUrl: string | null;
  smallImageUrl: string | null;
}

/** A track with its configurations, grouped by package. */
export interface Track {
  /** The package id, or the lowest configuration id when iRacing gives no package. */
  trackKey: number;
  packageId: number | null;
  name: string;
  location: string | null;
  free: boolean | null;
  price: number | null;
  retired: boolean;
  configs: TrackConfig[];
}

export interface TrackAssets {
  trackId: number;
  /** The SVG layers of the track map by name ("background", "active", "pitroad", "start-finish", "turns", ...). */
  mapLayers: Record<string, string>;
  logoUrl: string | null;
  smallImageUrl: string | null;
  largeImageUrl: string | null;
  coordinates: { latitude: number; longitude: number } | null;
  north: string | null;
  detailCopy: string | null;
}

/** One session of `season/race_guide`. */
export interface RaceGuideSession {
  seasonId: number;
  seriesId: number;
  raceWeekNum: number;
  sessionId: number | null;
  startsAt: Date;
  endsAt: Date | null;
  entryCount: number;
  superSession: boolean;
}

export interface RaceGuide {
  blockBegin: Date | null;
  blockEnd: Date | null;
  sessions: RaceGuideSession[];
  rejected: Rejected[];
}

/** A value of `constants/categories` or `constants/divisions`. */
export interface Constant {
  value: number;
  label: string;
}
