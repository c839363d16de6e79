import { mulberry32 } from "@/lib/random";
import { hash32 } from "../random";
import { formatLargeSector, formatPitTime, formatRaceTime, formatSector, formatTimeOfDay } from "./clock-text";

/** Which export the synthetic file imitates. */
export type SyntheticLayout = "wec" | "wec-2020" | "imsa";

export interface SyntheticRaceOptions {
  seed?: number;
  /** 10 to 62 cars (a full Le Mans grid) over three classes. */
  cars?: number;
  durationMs?: number;
  layout?: SyntheticLayout;
  /** Defaults per layout: WEC files have a BOM and CRLF, IMSA ones a BOM and LF. */
  bom?: boolean;
  lineBreak?: "\r\n" | "\n";
}

interface ClassSpec {
  name: string;
  group: string;
  lapMs: number;
  topSpeed: number;
  makes: { team: string; manufacturer: string }[];
}

const CLASSES: ClassSpec[] = [
  {
    name: "HYPERCAR",
    group: "H",
    lapMs: 100_000,
    topSpeed: 330,
    makes: [
      { team: "Toyota Gazoo Racing", manufacturer: "Toyota" },
      { team: "Ferrari AF Corse", manufacturer: "Ferrari" },
      { team: "Porsche Penske Motorsport", manufacturer: "Porsche" },
      { team: "Cadillac Racing", manufacturer: "Cadillac" },
      { team: "Alpine Endurance Team", manufacturer: "Alpine" },
      { team: "BMW M Team WRT", manufacturer: "BMW" },
    ],
  },
  {
    name: "LMP2",
    group: "",
    lapMs: 106_000,
    topSpeed: 312,
    makes: [
      { team: "United Autosports", manufacturer: "Oreca" },
      { team: "Inter Europol Competition", manufacturer: "Oreca" },
      { team: "Vector Sport", manufacturer: "Oreca" },
    ],
  },
  {
    name: "LMGT3",
    group: "",
    lapMs: 113_000,
    topSpeed: 290,
    makes: [
      { team: "Manthey EMA", manufacturer: "Porsche" },
      { team: "Vista AF Corse", manufacturer: "Ferrari" },
      { team: "Heart of Racing Team", manufacturer: "Aston Martin" },
      { team: "TF Sport", manufacturer: "Corvette" },
      { team: "Proton Competition", manufacturer: "Ford" },
    ],
  },
];

// "007" and "7" are both on the grid: car numbers are strings.
const NUMBERS = ["7", "007", "8", "50", "51", "6", "22", "23", "34", "92", "54", "81", "88", "59", "95", "77", "46", "27", "60", "31"];
const FIRST = ["Kamui", "Antonio", "Laurens", "Alex", "Sarah", "Nicolas", "Julien", "Mia", "Tom", "Jules", "Kevin", "Rui", "Ben", "Lena", "Marco", "Oliver"];
const LAST = ["KOBAYASHI", "FUOCO", "VANTHOOR", "LYNN", "BOVY", "LAPIERRE", "ANDLAUER", "FLOHR", "GAMBLE", "GOUNON", "ESTRE", "ANDRADE", "BARNICOAT", "WOLF", "SORENSEN", "JARVIS"];

const HEADERS: Record<SyntheticLayout, string> = {
  wec: "NUMBER; DRIVER_NUMBER; LAP_NUMBER; LAP_TIME; LAP_IMPROVEMENT; CROSSING_FINISH_LINE_IN_PIT; S1; S1_IMPROVEMENT; S2; S2_IMPROVEMENT; S3; S3_IMPROVEMENT; KPH; ELAPSED; HOUR;S1_LARGE;S2_LARGE;S3_LARGE;TOP_SPEED;DRIVER_NAME;PIT_TIME;CLASS;GROUP;TEAM;MANUFACTURER;FLAG_AT_FL;S1_SECONDS;S2_SECONDS;S3_SECONDS;",
  "wec-2020": "NUMBER; DRIVER_NUMBER; LAP_NUMBER; LAP_TIME; LAP_IMPROVEMENT; CROSSING_FINISH_LINE_IN_PIT; S1; S1_IMPROVEMENT; S2; S2_IMPROVEMENT; S3; S3_IMPROVEMENT; KPH; ELAPSED; HOUR;S1_LARGE;S2_LARGE;S3_LARGE;TOP_SPEED;DRIVER_NAME;PIT_TIME;CLASS;GROUP;TEAM;MANUFACTURER;",
  imsa: "NUMBER; DRIVER_NUMBER; LAPNUMBER; LAPTIME; LAP_IMPROVEMENT; CROSSING_FINISH_LINE_IN_PIT; S1; S1_IMPROVEMENT; S2; S2_IMPROVEMENT; S3; S3_IMPROVEMENT; KPH; ELAPSED; HOUR;S1_LARGE;S2_LARGE;S3_LARGE;TOP_SPEED;DRIVER_NAME;PIT_TIME;CLASS;GROUP;TEAM;MANUFACTURER;",
};

const TRACK_KM = 5.5;
const START_OF_DAY_MS = 13 * 3_600_000;
const PIT_PASS_MS = 26_000;
const PIT_ENTRY_MS = 7_000;
const FUEL_MS = 32_000;
const TYRES_MS = 20_000;
const DRIVER_CHANGE_MS = 4_000;
const STINT_MS = 38 * 60_000;

/** A caution: from `startMs` for `forMs`, laps run at `slowdown` times their pace under `code`. */
interface Caution {
  code: "FCY" | "SF";
  startMs: number;
  endMs: number;
  slowdown: number;
}

interface Lap {
  car: string;
  driverNumber: number;
  driver: string;
  lap: number;
  lapTimeMs: number;
  elapsedMs: number;
  inLap: boolean;
  pitTimeMs: number | null;
  flag: string;
  topSpeed: number;
  sectors: [number, number, number];
}

interface Entry {
  number: string;
  spec: ClassSpec;
  team: string;
  manufacturer: string;
  drivers: string[];
  paceMs: number;
  /** Share of the race after which this car stops in the pits for good, if it does. */
  retiresAfter: number | null;
}

/**
 * A small endurance race as an Al Kamel analysis file: three classes, fuel-only and tyre stops, driver changes
 * (double stints), one full-course yellow at a third of the race, one safety car at two thirds, one car
 * retiring in the pits, and the chequered flag at the leader's first crossing after the scheduled end. The same
 * seed always gives the same file.
 */
export function syntheticRace(options: SyntheticRaceOptions = {}): string {
  const seed = options.seed ?? 1;
  const durationMs = options.durationMs ?? 2 * 3_600_000;
  const layout = options.layout ?? "wec";
  const random = mulberry32(hash32(seed, 0xe17d));
  const entries = grid(Math.min(62, Math.max(10, options.cars ?? 14)), random);
  const cautions: Caution[] = [
    { code: "FCY", startMs: durationMs / 3, endMs: durationMs / 3 + 4 * 60_000, slowdown: 1.45 },
    { code: "SF", startMs: (2 * durationMs) / 3, endMs: (2 * durationMs) / 3 + 9 * 60_000, slowdown: 1.6 },
  ];
  const runs = entries.map((entry) => drive(entry, durationMs + 3 * entry.paceMs, cautions, random));
  // The leader at the scheduled end takes the flag at its next crossing; everyone else at theirs after that.
  const standing = runs.map((laps) => laps.filter((lap) => lap.elapsedMs <= durationMs).at(-1));
  const leader = runs[standing.reduce((best, last, i) => {
    const top = standing[best];
    return last && (!top || last.lap > top.lap || (last.lap === top.lap && last.elapsedMs < top.elapsedMs)) ? i : best;
  }, 0)];
  const chequeredMs = leader?.find((lap) => lap.elapsedMs >= durationMs)?.elapsedMs ?? durationMs;

  const lines = [HEADERS[layout]];
  entries.forEach((entry, i) => {
    const laps = runs[i] ?? [];
    const finish = laps.findIndex((lap) => lap.elapsedMs >= chequeredMs);
    const kept = finish < 0 ? laps : laps.slice(0, finish + 1);
    for (const lap of kept) {
      const flag = lap.elapsedMs >= chequeredMs ? "FF" : lap.flag;
      lines.push(line(layout, entry, { ...lap, flag }));
    }
  });
  const lineBreak = options.lineBreak ?? (layout === "imsa" ? "\n" : "\r\n");
  const bom = options.bom ?? true;
  return `${bom ? "\ufeff" : ""}${lines.join(lineBreak)}${lineBreak}`;
}

function grid(count: number, random: () => number): Entry[] {
  const entries: Entry[] = [];
  for (let i = 0; i < count; i += 1) {
    const spec = CLASSES[i % CLASSES.length] ?? CLASSES[0]!;
    const make = spec.makes[Math.floor(i / CLASSES.length) % spec.makes.length] ?? spec.makes[0]!;
    const drivers = [0, 1, 2].map((seat) => `${FIRST[(i * 3 + seat) % FIRST.length]} ${LAST[(i * 5 + seat * 7) % LAST.length]}`);
    entries.push({
      number: NUMBERS[i] ?? String(100 + i),
      spec,
      team: make.team,
      manufacturer: make.manufacturer,
      drivers,
      paceMs: spec.lapMs * (1 + 0.02 * random()),
      retiresAfter: i === count - 1 ? 0.6 : null,
    });
  }
  return entries;
}

/** One car's laps until `untilMs`: stints of about 38 minutes, tyres every second stop, a new driver at the others. */
function drive(entry: Entry, untilMs: number, cautions: Caution[], random: () => number): Lap[] {
  const laps: Lap[] = [];
  const retireAt = entry.retiresAfter === null ? Infinity : entry.retiresAfter * untilMs;
  let elapsed = 0;
  let stintStart = 0;
  let stops = 0;
  let seat = 0;
  let pendingPit: number | null = null;
  for (let lap = 1; elapsed < untilMs; lap += 1) {
    const caution = cautions.find((c) => elapsed >= c.startMs && elapsed < c.endMs);
    const base = entry.paceMs * (1 + 0.006 * (random() - 0.5)) * (lap === 1 ? 1.08 : 1) * (caution?.slowdown ?? 1);
    const retiring = elapsed + base >= retireAt;
    const inLap = retiring || elapsed + base - stintStart >= STINT_MS;
    let lapTimeMs = Math.round(base + (inLap ? PIT_ENTRY_MS : 0) + (pendingPit === null ? 0 : pendingPit - PIT_ENTRY_MS));
    if (lapTimeMs < 1000) lapTimeMs = 1000;
    elapsed += lapTimeMs;
    const s1 = Math.round(lapTimeMs * (0.28 + 0.01 * random()));
    const s2 = Math.round(lapTimeMs * (0.4 + 0.01 * random()));
    const flagCaution = cautions.find((c) => elapsed >= c.startMs && elapsed < c.endMs);
    laps.push({
      car: entry.number,
      driverNumber: seat + 1,
      driver: entry.drivers[seat] ?? "",
      lap,
      lapTimeMs,
      elapsedMs: elapsed,
      inLap,
      pitTimeMs: pendingPit,
      flag: flagCaution?.code ?? "GF",
      topSpeed: Math.round((entry.spec.topSpeed + 8 * (random() - 0.5)) * 10) / 10,
      sectors: [s1, s2, lapTimeMs - s1 - s2],
    });
    pendingPit = null;
    if (retiring) break;
    if (inLap) {
      stops += 1;
      const tyres = stops % 2 === 0;
      const change = stops % 2 === 1;
      pendingPit = Math.round(PIT_PASS_MS + FUEL_MS + (tyres ? TYRES_MS : 0) + (change ? DRIVER_CHANGE_MS : 0) + 2_000 * random());
      if (change) seat = (seat + 1) % entry.drivers.length;
      stintStart = elapsed;
    }
  }
  return laps;
}

function line(layout: SyntheticLayout, entry: Entry, lap: Lap): string {
  const [s1, s2, s3] = lap.sectors;
  const kph = ((TRACK_KM * 3_600_000) / lap.lapTimeMs).toFixed(1);
  const fields = [
    entry.number,
    String(lap.driverNumber),
    String(lap.lap),
    formatRaceTime(lap.lapTimeMs),
    "0",
    lap.inLap ? "B" : "",
    formatSector(s1),
    "0",
    formatSector(s2),
    "0",
    formatSector(s3),
    "0",
    kph,
    formatRaceTime(lap.elapsedMs),
    formatTimeOfDay(START_OF_DAY_MS + lap.elapsedMs),
    formatLargeSector(s1),
    formatLargeSector(s2),
    formatLargeSector(s3),
    lap.topSpeed.toFixed(1),
    lap.driver,
    lap.pitTimeMs === null ? "" : formatPitTime(lap.pitTimeMs),
    entry.spec.name,
    entry.spec.group,
    entry.team,
    entry.manufacturer,
  ];
  if (layout === "wec") fields.push(lap.flag, ...[s1, s2, s3].map((ms) => (ms / 1000).toFixed(3)));
  return `${fields.join(";")};`;
}
