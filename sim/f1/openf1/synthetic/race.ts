import { mulberry32 } from "@/lib/random";
import { hash32 } from "../../../random";
import { ROSTER, TEAMS, type Entrant } from "./roster";

/**
 * A race simulated lap by lap, calibrated on the 2025 Abu Dhabi Grand Prix (OpenF1 session 9839): 58 laps of about
 * 88.5 s, about 1.9 s between the fastest and the slowest car's typical lap, 0.3-0.5 s of lap-to-lap scatter, pit
 * lanes of 21-23 s (in-lap +3 s, out-lap +20 s), mostly one stop from mediums to hards between laps 14 and 23,
 * soft starters stopping around lap 8, a few two-stoppers. Unlike that race it has a virtual safety car and, after a
 * car stops on track, a safety car under which cars take cheap stops and one car passes through the pit lane
 * without stopping.
 */

export const TOTAL_LAPS = 58;
/** Where each sector ends, as a fraction of the lap (Abu Dhabi's 18.0 s / 38.4 s / 33.2 s split). */
export const SECTOR_ENDS = [0.202, 0.634, 1] as const;
const SECTOR_SHARES = [0.202, 0.432, 0.366] as const;

export type Compound = "SOFT" | "MEDIUM" | "HARD";

const TYRES: Record<Compound, { offsetMs: number; wearMsPerLap: number }> = {
  SOFT: { offsetMs: -550, wearMsPerLap: 85 },
  MEDIUM: { offsetMs: 0, wearMsPerLap: 55 },
  HARD: { offsetMs: 350, wearMsPerLap: 35 },
};

const BASE_LAP_MS = 88_500;
const FUEL_MS_PER_LAP = 35;
const LAP_SCATTER_MS = 320;
/** How far apart a car held up behind another crosses the line. */
const FOLLOW_MS = 250;
/** Of the pit lane's time, the share before the timing line (the line crosses the pit lane near its entry). */
const LANE_BEFORE_LINE = 0.15;
const SAFETY_CAR_LAP_MS = 126_000;
const SAFETY_CAR_LAPS = 3;
const VSC_SLOWDOWN = 0.4;

export interface RaceLap {
  lapNumber: number;
  start: number;
  /** Sector times in ms; fewer than three on the lap a car stopped on track. */
  sectors: number[];
  /** Null on the lap a car stopped on track. */
  end: number | null;
  pitOut: boolean;
}

export interface RacePit {
  /** The in-lap. */
  lapNumber: number;
  entry: number;
  exit: number;
  laneMs: number;
  /** Null for a pass through the pit lane without stopping. */
  stationaryMs: number | null;
}

export interface RaceStint {
  stintNumber: number;
  compound: Compound;
  lapStart: number;
  lapEnd: number;
  tyreAgeAtStart: number;
}

export interface RaceCar {
  entrant: Entrant;
  grid: number;
  qualifyingMs: number;
  laps: RaceLap[];
  pits: RacePit[];
  stints: RaceStint[];
  /** Where and when the car stopped on track. */
  retired: { at: number; lapNumber: number; fraction: number } | null;
  finishedAt: number | null;
}

export interface Neutralisation {
  virtual: boolean;
  from: number;
  /** "VIRTUAL SAFETY CAR ENDING", or "SAFETY CAR IN THIS LAP" (the start of the leader's last lap behind it). */
  endingAt: number;
  to: number;
}

export interface RaceModel {
  seed: number;
  lightsOut: number;
  cars: RaceCar[];
  neutralisations: Neutralisation[];
  chequeredAt: number;
}

interface Plan {
  lapNumber: number;
  compound: Compound;
  tyreAge: number;
}

interface CarRun {
  car: RaceCar;
  paceMs: number;
  plans: Plan[];
  compound: Compound;
  /** Laps on the current set when the lap starts. */
  tyreAge: number;
  lineAt: number;
  lastPitLaneMs: number | null;
}

function strategy(random: () => number): { start: Compound; startAge: number; plans: Plan[] } {
  const lap = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  const age = () => (random() < 0.25 ? 2 + Math.floor(random() * 2) : 0);
  const roll = random();
  const startAge = random() < 0.15 ? 1 : 0;
  if (roll < 0.15) {
    const plans: Plan[] = [{ lapNumber: lap(7, 10), compound: "HARD", tyreAge: age() }];
    if (random() < 0.4) plans.push({ lapNumber: lap(30, 34), compound: "MEDIUM", tyreAge: age() });
    return { start: "SOFT", startAge, plans };
  }
  if (roll < 0.8) {
    const plans: Plan[] = [{ lapNumber: lap(14, 23), compound: "HARD", tyreAge: age() }];
    if (random() < 0.2) plans.push({ lapNumber: lap(38, 42), compound: "MEDIUM", tyreAge: age() });
    return { start: "MEDIUM", startAge, plans };
  }
  return { start: "HARD", startAge, plans: [{ lapNumber: lap(30, 42), compound: "MEDIUM", tyreAge: age() }] };
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** The race for a seed, lights out at `lightsOut` (epoch ms). */
export function simulateRace(seed: number, lightsOut: number): RaceModel {
  const random = mulberry32(hash32(seed, 0xf1));
  const teamOrder = [...TEAMS];
  for (let i = teamOrder.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [teamOrder[i], teamOrder[j]] = [teamOrder[j] as (typeof TEAMS)[number], teamOrder[i] as (typeof TEAMS)[number]];
  }
  const runs: CarRun[] = ROSTER.map((entrant) => {
    const paceMs = teamOrder.indexOf(entrant.team) * 200 + random() * 100 + (random() - 0.5) * 500;
    const plan = strategy(random);
    return {
      car: {
        entrant,
        grid: 0,
        qualifyingMs: Math.round(82_200 + paceMs * 1.1 + random() * 250),
        laps: [],
        pits: [],
        stints: [{ stintNumber: 1, compound: plan.start, lapStart: 1, lapEnd: 1, tyreAgeAtStart: plan.startAge }],
        retired: null,
        finishedAt: null,
      },
      paceMs,
      plans: plan.plans,
      compound: plan.start,
      tyreAge: plan.startAge,
      lineAt: lightsOut,
      lastPitLaneMs: null,
    };
  });
  [...runs].sort((a, b) => a.car.qualifyingMs - b.car.qualifyingMs).forEach((run, index) => (run.car.grid = index + 1));

  const vscLap = 10 + Math.floor(random() * 9);
  const vscAt = 0.2 + random() * 0.5;
  const vscMs = 70_000 + random() * 25_000;
  const stopLap = 28 + Math.floor(random() * 11);
  const stopFraction = 0.3 + random() * 0.45;
  const stopper = runs.filter((run) => run.car.grid >= 8)[Math.floor(random() * 13)] ?? runs[runs.length - 1];
  let vsc: Neutralisation | null = null;
  let safetyCar: (Neutralisation & { lapsBehind: number }) | null = null;
  let pitLanePassDone = false;

  const neutralisedAt = (at: number) =>
    (vsc !== null && at >= vsc.from && at < vsc.to) || (safetyCar !== null && at >= safetyCar.from && at < safetyCar.to);

  for (let lapNumber = 1; lapNumber <= TOTAL_LAPS; lapNumber += 1) {
    const onTrack = runs.filter((run) => run.car.retired === null).sort((a, b) => a.lineAt - b.lineAt || a.car.grid - b.car.grid);
    let last: { run: CarRun; lap: RaceLap; pitting: boolean } | null = null;
    for (const run of onTrack) {
      const { car } = run;
      const start = run.lineAt;
      const isLeader: boolean = last === null;
      const pitOut = car.pits.at(-1)?.lapNumber === lapNumber - 1;
      const tyre = TYRES[run.compound];
      let paceMs = BASE_LAP_MS + run.paceMs + tyre.offsetMs + tyre.wearMsPerLap * run.tyreAge - FUEL_MS_PER_LAP * lapNumber + gaussian(random) * LAP_SCATTER_MS;
      if (lapNumber === 1) paceMs += 6_500 + car.grid * 220;

      if (isLeader && lapNumber === vscLap) {
        const from = start + vscAt * paceMs;
        vsc = { virtual: true, from, endingAt: from + vscMs - 12_000, to: from + vscMs };
      }
      const behindSafetyCar = safetyCar !== null && start >= safetyCar.from && start < safetyCar.to;
      if (behindSafetyCar && safetyCar && isLeader) {
        paceMs = SAFETY_CAR_LAP_MS + gaussian(random) * 800;
        safetyCar.lapsBehind += 1;
        if (safetyCar.lapsBehind === SAFETY_CAR_LAPS) {
          safetyCar.endingAt = start;
          safetyCar.to = start + paceMs;
        }
      } else if (behindSafetyCar && last) {
        // Behind the safety car the field closes up, a second or so apart.
        paceMs = Math.max(96_000, (last.lap.end ?? start) + 650 + random() * 550 - start);
      }

      // Stop now: as planned, or earlier to take a cheap stop under a safety car or a virtual one.
      const entryAt = start + 0.985 * paceMs;
      const horizon = safetyCar !== null && neutralisedAt(entryAt) ? 10 : neutralisedAt(entryAt) ? 5 : 0;
      const planIndex = run.plans.findIndex((plan) => plan.lapNumber >= lapNumber && plan.lapNumber <= lapNumber + horizon);
      const pitLanePass: boolean = !pitLanePassDone && planIndex < 0 && !isLeader && safetyCar !== null && neutralisedAt(entryAt) && lapNumber < TOTAL_LAPS - 2;
      const stopping: boolean = (planIndex >= 0 && lapNumber < TOTAL_LAPS) || pitLanePass;

      if (run === stopper && lapNumber === stopLap) {
        const at = start + stopFraction * paceMs;
        const sectors = SECTOR_SHARES.map((share) => share * paceMs).filter((_, index) => (SECTOR_ENDS[index] as number) <= stopFraction);
        car.laps.push({ lapNumber, start, sectors, end: null, pitOut });
        car.retired = { at, lapNumber, fraction: stopFraction };
        safetyCar = { virtual: false, from: at + 20_000, endingAt: Number.POSITIVE_INFINITY, to: Number.POSITIVE_INFINITY, lapsBehind: 0 };
        continue;
      }

      const sectors = SECTOR_SHARES.map((share) => share * paceMs);
      if (vsc) {
        const overlap = Math.max(0, Math.min(start + paceMs, vsc.to) - Math.max(start, vsc.from));
        if (overlap > 0) sectors.forEach((ms, index) => (sectors[index] = ms * (1 + (VSC_SLOWDOWN * overlap) / paceMs)));
      }
      if (pitOut && run.lastPitLaneMs !== null) {
        sectors[0] = Math.max(sectors[0] as number, 0.85 * run.lastPitLaneMs + 0.187 * paceMs + 1_000);
        sectors[1] = (sectors[1] as number) + 300;
      }
      let laneMs = 0;
      let stationaryMs: number | null = null;
      if (stopping) {
        stationaryMs = pitLanePass ? null : 2_000 + random() * 1_200 + (random() < 0.1 ? 2_000 + random() * 2_000 : 0);
        laneMs = (pitLanePass ? 17_500 + random() * 1_000 : 19_300) + (stationaryMs ?? 0);
        // The car leaves the track at pit entry and crosses the line a little way down the pit lane.
        const lineAt = start + 0.985 * sectors.reduce((sum, ms) => sum + ms, 0) + 1_200 + LANE_BEFORE_LINE * laneMs;
        sectors[2] = lineAt - start - (sectors[0] as number) - (sectors[1] as number);
      }
      let end = start + sectors.reduce((sum, ms) => sum + ms, 0);

      // Racing: a faster car catches the one ahead, passes it or stays a quarter of a second behind.
      const ahead = last;
      if (ahead && !behindSafetyCar && !stopping && !pitOut && !ahead.pitting && ahead.lap.end !== null && end < ahead.lap.end + FOLLOW_MS) {
        const advantage = ahead.lap.end - end;
        if (random() < Math.min(0.45, 0.08 + advantage / 2_500)) {
          const pushed = end + 300 - ahead.lap.end;
          if (pushed > 0) {
            ahead.lap.sectors[2] = (ahead.lap.sectors[2] as number) + pushed;
            ahead.lap.end += pushed;
            ahead.run.lineAt = ahead.lap.end;
          }
        } else {
          const held = ahead.lap.end + FOLLOW_MS + random() * 450 - end;
          sectors[2] = (sectors[2] as number) + held;
          end += held;
        }
      }

      const lap: RaceLap = { lapNumber, start, sectors, end, pitOut };
      car.laps.push(lap);
      run.lineAt = end;
      run.tyreAge += 1;
      if (stopping) {
        car.pits.push({ lapNumber, entry: end - LANE_BEFORE_LINE * laneMs, exit: end + (1 - LANE_BEFORE_LINE) * laneMs, laneMs, stationaryMs });
        run.lastPitLaneMs = laneMs;
        if (pitLanePass) pitLanePassDone = true;
        else {
          const [plan] = run.plans.splice(planIndex, 1);
          if (plan) {
            run.compound = plan.compound;
            run.tyreAge = plan.tyreAge;
            car.stints.push({ stintNumber: car.stints.length + 1, compound: plan.compound, lapStart: lapNumber + 1, lapEnd: lapNumber + 1, tyreAgeAtStart: plan.tyreAge });
          }
        }
      }
      if (!last || end > (last.lap.end ?? 0)) last = { run, lap, pitting: stopping };
    }
  }

  // The leader takes the flag at the end of the last lap; everyone else at their next crossing of the line.
  const chequeredAt = Math.min(...runs.flatMap((run) => run.car.laps.filter((lap) => lap.lapNumber === TOTAL_LAPS && lap.end !== null).map((lap) => lap.end as number)));
  for (const { car } of runs) {
    if (car.retired) continue;
    const finish = car.laps.findIndex((lap) => lap.end !== null && lap.end >= chequeredAt);
    car.laps = car.laps.slice(0, finish + 1);
    car.finishedAt = car.laps.at(-1)?.end ?? null;
    car.pits = car.pits.filter((pit) => pit.lapNumber < (car.laps.at(-1)?.lapNumber ?? 0));
  }
  for (const { car } of runs) {
    const lastLap = car.laps.at(-1)?.lapNumber ?? 1;
    car.stints = car.stints.filter((stint) => stint.lapStart <= lastLap);
    car.stints.forEach((stint, index) => (stint.lapEnd = (car.stints[index + 1]?.lapStart ?? lastLap + 1) - 1));
  }
  const neutralisations = [vsc, safetyCar].filter((period): period is Neutralisation => period !== null && Number.isFinite(period.to));
  return {
    seed,
    lightsOut,
    cars: runs.map((run) => run.car),
    neutralisations: neutralisations.map(({ virtual, from, endingAt, to }) => ({ virtual, from, endingAt, to })),
    chequeredAt,
  };
}
