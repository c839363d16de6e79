import { hash32, hashUnit } from "../random";
import { DAY, isoDay } from "./calendar";

/** A week's weather in the Data API's newer forecast shape; rain only on road courses, about one week in four. */
export function weatherOf(seed: number, seasonId: number, raceWeekNum: number, weekStartMs: number, rainCapable: boolean): object {
  const roll = (salt: number) => hashUnit(seed, seasonId, raceWeekNum, salt);
  const rainChance = rainCapable && roll(1) < 0.27 ? 10 + Math.floor(roll(2) * 51) : 0;
  const tempLow = Math.round((12 + roll(3) * 16) * 10) / 10;
  const windLow = Math.round((3 + roll(4) * 15) * 10) / 10;
  const seedHigh = hash32(seed, seasonId, raceWeekNum, 5) % 2_000_000;
  const weatherSeed = (roll(6) < 0.5 ? -1 : 1) * (seedHigh * 2_097_152 + (hash32(seed, seasonId, raceWeekNum, 7) % 2_097_152));
  const signature = hash32(seed, seasonId, raceWeekNum, 8).toString(16).padStart(8, "0").repeat(8);
  const day = isoDay(weekStartMs + 4 * DAY);
  return {
    allow_fog: false,
    forecast_options: {
      allow_fog: false,
      forecast_type: 1,
      precipitation: rainChance > 0 ? 0 : 1,
      skies: 0,
      stop_precip: 0,
      temperature: 0,
      weather_seed: weatherSeed,
      wind_dir: 0,
      wind_speed: 0,
    },
    precip_option: rainChance > 0 ? 8 : 0,
    rel_humidity: 40 + Math.floor(roll(9) * 40),
    simulated_start_time: `${day}T${roll(10) < 0.8 ? "12" : "19"}:00:00`,
    simulated_time_multiplier: 1,
    simulated_time_offsets: [15, 35],
    skies: Math.floor(roll(11) * 4),
    temp_units: 0,
    temp_value: Math.round(tempLow * 1.8 + 32),
    time_of_day: Math.floor(roll(12) * 10),
    track_water: 0,
    version: 1,
    weather_summary: {
      max_precip_rate: rainChance > 0 ? Math.round(roll(13) * 50) / 10 : 0,
      max_precip_rate_desc: rainChance > 0 ? "Light" : "None",
      precip_chance: rainChance,
      skies_high: Math.floor(roll(14) * 4),
      skies_low: Math.floor(roll(15) * 3),
      temp_high: Math.round((tempLow + roll(16) * 3) * 10) / 10,
      temp_low: tempLow,
      temp_units: 1,
      wind_dir: Math.floor(roll(17) * 8),
      wind_high: Math.round((windLow + roll(18) * 5) * 10) / 10,
      wind_low: windLow,
      wind_units: 1,
    },
    weather_url: `https://scorpio-assets.s3.amazonaws.com/members/messaging-services/non_expiring/weather-forecast/season/${seasonId}/rw${raceWeekNum}_evt${seasonId % 10}_display.json?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=${day.replace(/-/g, "")}T105456Z&X-Amz-SignedHeaders=host&X-Amz-Expires=604800&X-Amz-Signature=${signature}`,
    wind_dir: Math.floor(roll(19) * 8),
    wind_units: 0,
    wind_value: Math.round(windLow / 1.6),
  };
}
