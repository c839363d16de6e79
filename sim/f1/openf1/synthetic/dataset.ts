import { mulberry32 } from "@/lib/random";
import { hash32 } from "../../../random";
import { openf1Date, type Dataset, type Row } from "../rows";
import { makeCircuit } from "./circuit";
import { raceControlRows } from "./messages";
import { CarProgress } from "./progress";
import { simulateRace, type RaceCar, type RaceModel } from "./race";
import { carDataSampler, locationSampler } from "./samples";
import { intervalRows, positionRows, type SessionKeys } from "./timing";

/** The synthetic race's keys: far from real OpenF1 keys (9839 is the 2025 Abu Dhabi race). */
export const SYNTHETIC_KEYS: SessionKeys = { meeting_key: 9001, session_key: 90001 };
export const SYNTHETIC_SESSION_START = Date.parse("2025-11-16T13:00:00Z");
/** Half a minute after the session starts, so that a session played live moves at once. */
export const SYNTHETIC_LIGHTS_OUT = SYNTHETIC_SESSION_START + 30_000;
const SCHEDULED_MS = 2 * 3_600_000;
const POINTS = [25, 18, 15, 12, 10, 8, 6, 4, 2, 1];

const seconds = (ms: number) => Math.round(ms) / 1000;
const streams = (seed: number) => (tag: number) => mulberry32(hash32(seed, tag));

/** Mini-sector colours for each lap, as the timing would have shown them when the lap was run. */
function miniSectors(model: RaceModel): Map<string, (number | null)[][]> {
  const colours = new Map<string, (number | null)[][]>();
  const overall: number[] = [Infinity, Infinity, Infinity];
  const personal = new Map<number, number[]>();
  const laps = model.cars.flatMap((car) => car.laps.map((lap) => ({ car, lap }))).sort((a, b) => a.lap.start - b.lap.start);
  for (const { car, lap } of laps) {
    const own = personal.get(car.entrant.driverNumber) ?? [Infinity, Infinity, Infinity];
    personal.set(car.entrant.driverNumber, own);
    const pitted = car.pits.some((pit) => pit.lapNumber === lap.lapNumber);
    colours.set(
      `${car.entrant.driverNumber}/${lap.lapNumber}`,
      [5, 9, 10].map((count, sector) => {
        const ms = lap.sectors[sector];
        if (ms === undefined) return Array.from({ length: count }, () => null);
        const code = ms < (overall[sector] as number) ? 2051 : ms < (own[sector] as number) ? 2049 : 2048;
        overall[sector] = Math.min(overall[sector] as number, ms);
        own[sector] = Math.min(own[sector] as number, ms);
        return Array.from({ length: count }, (_, index) => {
          if ((lap.pitOut && sector === 0 && index < 3) || (pitted && sector === 2 && index >= count - 3)) return 2064;
          return code;
        });
      }),
    );
  }
  return colours;
}

function lapRows(model: RaceModel, random: () => number): Row[] {
  const colours = miniSectors(model);
  const speed = (around: number, missing: number) => (random() < missing ? null : Math.round(around + (random() - 0.5) * 16));
  return model.cars
    .flatMap((car) =>
      car.laps.map((lap) => {
        const [s1, s2, s3] = lap.sectors;
        // OpenF1 has no start, no first sector and no lap time for the first lap of a race.
        const first = lap.lapNumber === 1;
        const [m1, m2, m3] = colours.get(`${car.entrant.driverNumber}/${lap.lapNumber}`) ?? [];
        return {
          meeting_key: SYNTHETIC_KEYS.meeting_key,
          session_key: SYNTHETIC_KEYS.session_key,
          driver_number: car.entrant.driverNumber,
          lap_number: lap.lapNumber,
          date_start: first ? null : openf1Date(lap.start),
          duration_sector_1: first || s1 === undefined ? null : seconds(s1),
          duration_sector_2: s2 === undefined ? null : seconds(s2),
          duration_sector_3: s3 === undefined ? null : seconds(s3),
          i1_speed: s1 === undefined ? null : speed(285, 0.2),
          i2_speed: s2 === undefined ? null : speed(300, 0.01),
          is_pit_out_lap: lap.pitOut,
          lap_duration: first || lap.end === null ? null : seconds(lap.end - lap.start),
          segments_sector_1: first ? null : (m1 ?? null),
          segments_sector_2: m2 ?? null,
          segments_sector_3: m3 ?? null,
          st_speed: lap.end === null ? null : speed(310, 0.01),
        };
      }),
    )
    .sort((a, b) => (a.date_start ?? "").localeCompare(b.date_start ?? ""));
}

function pitRows(model: RaceModel): Row[] {
  return model.cars
    .flatMap((car) =>
      car.pits.map((pit) => ({
        date: openf1Date(pit.exit),
        session_key: SYNTHETIC_KEYS.session_key,
        meeting_key: SYNTHETIC_KEYS.meeting_key,
        driver_number: car.entrant.driverNumber,
        lap_number: pit.lapNumber,
        lane_duration: seconds(pit.laneMs),
        pit_duration: seconds(pit.laneMs),
        stop_duration: pit.stationaryMs === null ? null : Math.round(pit.stationaryMs / 100) / 10,
      })),
    )
    .sort((a, b) => a.date.localeCompare(b.date));
}

function stintRows(model: RaceModel): Row[] {
  return model.cars.flatMap((car) =>
    car.stints.map((stint) => ({
      meeting_key: SYNTHETIC_KEYS.meeting_key,
      session_key: SYNTHETIC_KEYS.session_key,
      stint_number: stint.stintNumber,
      driver_number: car.entrant.driverNumber,
      lap_start: stint.lapStart,
      lap_end: stint.lapEnd,
      compound: stint.compound,
      tyre_age_at_start: stint.tyreAgeAtStart,
    })),
  );
}

function driverRows(model: RaceModel): Row[] {
  return [...model.cars]
    .sort((a, b) => a.entrant.driverNumber - b.entrant.driverNumber)
    .map(({ entrant }) => ({
      meeting_key: SYNTHETIC_KEYS.meeting_key,
      session_key: SYNTHETIC_KEYS.session_key,
      driver_number: entrant.driverNumber,
      broadcast_name: `${entrant.firstName[0]} ${entrant.lastName.toUpperCase()}`,
      full_name: `${entrant.firstName} ${entrant.lastName.toUpperCase()}`,
      name_acronym: entrant.acronym,
      team_name: entrant.team.name,
      team_colour: entrant.team.colour,
      first_name: entrant.firstName,
      last_name: entrant.lastName,
      headshot_url: null,
      country_code: null,
    }));
}

function resultRows(model: RaceModel): Row[] {
  const laps = (car: RaceCar) => car.laps.filter((lap) => lap.end !== null).length;
  const classified = [...model.cars].sort(
    (a, b) => Number(a.retired !== null) - Number(b.retired !== null) || laps(b) - laps(a) || (a.finishedAt ?? 0) - (b.finishedAt ?? 0),
  );
  const winner = classified[0];
  return classified.map((car, index) => {
    const down = winner ? laps(winner) - laps(car) : 0;
    const finished = car.finishedAt !== null;
    return {
      position: index + 1,
      driver_number: car.entrant.driverNumber,
      number_of_laps: laps(car),
      dnf: !finished,
      dns: false,
      dsq: false,
      duration: finished && down === 0 ? seconds((car.finishedAt as number) - model.lightsOut) : null,
      gap_to_leader: !finished ? null : down > 0 ? `+${down} LAP${down > 1 ? "S" : ""}` : seconds((car.finishedAt as number) - (winner?.finishedAt as number)),
      meeting_key: SYNTHETIC_KEYS.meeting_key,
      session_key: SYNTHETIC_KEYS.session_key,
      points: POINTS[index] !== undefined && finished ? POINTS[index] : 0,
    };
  });
}

function weatherRows(from: number, to: number, random: () => number): Row[] {
  const rows: Row[] = [];
  let direction = 60;
  for (let at = from + 7_000, minute = 0; at <= to; at += 60_000 + Math.floor(random() * 40), minute += 1) {
    direction = (direction + Math.round((random() - 0.5) * 90) + 360) % 360;
    rows.push({
      date: openf1Date(at),
      session_key: SYNTHETIC_KEYS.session_key,
      meeting_key: SYNTHETIC_KEYS.meeting_key,
      air_temperature: Math.round((27.4 - minute * 0.008 + (random() - 0.5) * 0.2) * 10) / 10,
      track_temperature: Math.round((34.6 - minute * 0.03 + (random() - 0.5) * 0.4) * 10) / 10,
      humidity: Math.round(54 + minute * 0.05),
      pressure: Math.round((1016.4 + (random() - 0.5) * 0.2) * 10) / 10,
      rainfall: 0,
      wind_speed: Math.round((1.5 + random() * 2) * 10) / 10,
      wind_direction: direction,
    });
  }
  return rows;
}

const place = {
  circuit_key: 901,
  circuit_short_name: "Pitwall Park",
  country_code: "SIM",
  country_key: 901,
  country_name: "Simulation",
  gmt_offset: "04:00:00",
  location: "Pitwall Park",
};

const built = new Map<number, Dataset>();

/**
 * A complete race session in OpenF1's shapes for a seed: meetings, sessions, drivers, starting grid, laps, pit,
 * stints, intervals, position, race control, weather, session result, and car data and locations on demand along a
 * made-up circuit. The same seed gives the same race.
 */
export function syntheticDataset(seed: number): Dataset {
  const cached = built.get(seed);
  if (cached) return cached;
  const random = streams(seed);
  const sessionStart = SYNTHETIC_SESSION_START;
  const sessionEnd = sessionStart + SCHEDULED_MS;
  const model = simulateRace(seed, SYNTHETIC_LIGHTS_OUT);
  const progresses = model.cars.map((car) => CarProgress.of(car, model.lightsOut));
  const circuit = makeCircuit(seed);
  const clock = { sessionStart, sessionEnd };
  const grid = [...model.cars].sort((a, b) => a.grid - b.grid);
  const keys = SYNTHETIC_KEYS;
  const tables = new Map<string, Row[]>([
    [
      "meetings",
      [
        {
          ...place,
          meeting_key: keys.meeting_key,
          meeting_name: "Pitwall Grand Prix",
          meeting_official_name: "FORMULA 1 PITWALL SIMULATED GRAND PRIX 2025",
          circuit_type: "Permanent",
          circuit_image: null,
          circuit_info_url: null,
          country_flag: null,
          date_start: openf1Date(sessionStart - 2 * 86_400_000, false),
          date_end: openf1Date(sessionEnd, false),
          is_cancelled: false,
          year: 2025,
        },
      ],
    ],
    [
      "sessions",
      [
        {
          ...place,
          meeting_key: keys.meeting_key,
          session_key: keys.session_key,
          session_name: "Race",
          session_type: "Race",
          date_start: openf1Date(sessionStart, false),
          date_end: openf1Date(sessionEnd, false),
          is_cancelled: false,
          year: 2025,
        },
      ],
    ],
    ["drivers", driverRows(model)],
    [
      "starting_grid",
      grid.map((car) => ({ position: car.grid, driver_number: car.entrant.driverNumber, lap_duration: seconds(car.qualifyingMs), ...keys })),
    ],
    ["laps", lapRows(model, random(1))],
    ["pit", pitRows(model)],
    ["stints", stintRows(model)],
    ["intervals", intervalRows(model, progresses, keys, random(2))],
    ["position", positionRows(model, progresses, keys, random(3))],
    ["race_control", raceControlRows(model, keys, sessionStart, random(4))],
    ["weather", weatherRows(sessionStart, sessionEnd, random(5))],
    ["session_result", resultRows(model)],
  ]);
  const samplers = new Map([
    ["location", locationSampler(progresses, circuit, keys, clock)],
    ["car_data", carDataSampler(progresses, circuit, keys, clock)],
  ]);
  const dataset: Dataset = { label: `synthetic race (seed ${seed})`, tables, samplers };
  // Tests reset to a handful of seeds: keep the last few races.
  if (built.size >= 4) built.delete(built.keys().next().value as number);
  built.set(seed, dataset);
  return dataset;
}
