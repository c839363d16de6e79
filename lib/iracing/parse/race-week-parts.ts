import type { z } from "zod";
import type { CarRestriction, RaceTimeDescriptor, RaceWeekCar, Rejected, Weather } from "../records";
import { carRestrictionSchema, raceTimeDescriptorSchema, raceWeekCarSchema, weatherSchema } from "../schemas/schedule";
import { formatTimeOfDay, parseInstant, parseTimeOfDay } from "../time";
import { collect, describeIssues, orNull, textOrNull } from "./collect";

type RawDescriptor = z.output<typeof raceTimeDescriptorSchema>;

function descriptor(raw: RawDescriptor): RaceTimeDescriptor | string {
  const superSession = raw.super_session ?? false;
  const sessionMinutes = orNull(raw.session_minutes);
  if (!raw.repeating) {
    const times = (raw.session_times ?? []).map((time) => time.getTime());
    const sessionTimes = [...new Set(times)].sort((a, b) => a - b).map((time) => new Date(time).toISOString());
    return { repeating: false, superSession, sessionMinutes, sessionTimes };
  }
  const firstSecond = parseTimeOfDay(raw.first_session_time ?? "");
  if (firstSecond === null || !raw.start_date) return "a repeating descriptor needs start_date and first_session_time";
  return {
    repeating: true,
    superSession,
    sessionMinutes,
    startDate: raw.start_date,
    firstSessionTime: formatTimeOfDay(firstSecond),
    repeatMinutes: orNull(raw.repeat_minutes),
    dayOffsets: raw.day_offset ? [...new Set(raw.day_offset)].sort((a, b) => a - b) : null,
    endOffsetMinutes: orNull(raw.end_offset_minutes),
  };
}

export function raceTimeDescriptors(list: readonly unknown[] | null | undefined, rejected: Rejected[], where: string): RaceTimeDescriptor[] {
  return collect(list, raceTimeDescriptorSchema, descriptor, rejected, `${where}race_time_descriptors: `);
}

export function carRestrictions(
  list: readonly unknown[] | null | undefined,
  week: { seasonId: number; raceWeekNum: number },
  rejected: Rejected[],
  where: string,
): CarRestriction[] {
  const seen = new Set<number>();
  return collect(
    list,
    carRestrictionSchema,
    (restriction): CarRestriction | string => {
      if (seen.has(restriction.car_id)) return `car ${restriction.car_id} is restricted twice`;
      seen.add(restriction.car_id);
      return {
        ...week,
        carId: restriction.car_id,
        powerAdjustPct: orNull(restriction.power_adjust_pct),
        weightPenaltyKg: orNull(restriction.weight_penalty_kg),
        maxPctFuelFill: orNull(restriction.max_pct_fuel_fill),
        maxDryTireSets: orNull(restriction.max_dry_tire_sets),
        raceSetupId: orNull(restriction.race_setup_id),
        qualifyingSetupId: orNull(restriction.qual_setup_id),
      };
    },
    rejected,
    `${where}car_restrictions: `,
  );
}

export function raceWeekCars(
  list: readonly unknown[] | null | undefined,
  week: { seasonId: number; raceWeekNum: number },
  rejected: Rejected[],
  where: string,
): RaceWeekCar[] {
  const seen = new Set<number>();
  return collect(
    list,
    raceWeekCarSchema,
    (car): RaceWeekCar | string => {
      if (seen.has(car.car_id)) return `car ${car.car_id} is listed twice`;
      seen.add(car.car_id);
      return { ...week, carId: car.car_id, carName: textOrNull(car.car_name), carNameAbbreviated: textOrNull(car.car_name_abbreviated) };
    },
    rejected,
    `${where}race_week_cars: `,
  );
}

/** The week's weather; a malformed one is rejected (the week keeps null) rather than sinking the week. */
export function weather(raw: unknown, rejected: Rejected[], where: string, index: number): Weather | null {
  if (raw === undefined || raw === null) return null;
  const parsed = weatherSchema.safeParse(raw);
  if (!parsed.success) {
    rejected.push({ index, reason: `${where}weather: ${describeIssues(parsed.error.issues)}` });
    return null;
  }
  const w = parsed.data;
  const summary = w.weather_summary;
  const utcStart = textOrNull(w.simulated_start_utc_time);
  return {
    rainChancePct: orNull(summary?.precip_chance),
    maxPrecipRate: orNull(summary?.max_precip_rate),
    maxPrecipRateDescription: textOrNull(summary?.max_precip_rate_desc),
    temperatureLow: orNull(summary?.temp_low),
    temperatureHigh: orNull(summary?.temp_high),
    temperatureUnits: orNull(summary?.temp_units),
    windLow: orNull(summary?.wind_low),
    windHigh: orNull(summary?.wind_high),
    windUnits: orNull(summary?.wind_units),
    windDirection: orNull(summary?.wind_dir ?? w.wind_dir),
    skiesLow: orNull(summary?.skies_low),
    skiesHigh: orNull(summary?.skies_high),
    forecastType: orNull(w.forecast_options?.forecast_type),
    ambientTemperature: orNull(w.temp_value),
    ambientTemperatureUnits: orNull(w.temp_units),
    relativeHumidity: orNull(w.rel_humidity),
    allowFog: orNull(w.allow_fog ?? w.forecast_options?.allow_fog),
    timeOfDay: orNull(w.time_of_day),
    trackWater: orNull(w.track_water),
    simulatedStartTime: textOrNull(w.simulated_start_time),
    simulatedStartUtc: utcStart === null ? null : parseInstant(utcStart),
    legacyType: orNull(w.type),
  };
}
