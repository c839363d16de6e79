import { hash32, hashUnit } from "../random";
import { driverIdentity, driverTeam, type Country } from "./names";

export interface Driver {
  index: number;
  /** The id in `driver.path` (https://game.raceroom.com/users/info/<id>/). */
  id: number;
  name: string;
  country: Country;
  team: string;
  rank: string;
  avatar: string;
  champPoints: number;
  /** 0 is the fastest driver alive, 1 the slowest. */
  skill: number;
}

/** Activity falls off as rank^-ACTIVITY_SKEW: a few drivers are on thousands of leaderboards, most on a handful. */
const ACTIVITY_SKEW = 0.75;
const ID_SPACE = 2 ** 23;
const ID_STEP = 5_368_709; // odd, so index -> id is a bijection modulo 2^23
const RANKS = ["S", "A", "B", "C", "D"] as const;

/** The drivers of one world: identities derived from (seed, index), sampled by a heavy-tailed activity. */
export class DriverPool {
  private readonly known = new Map<number, Driver>();
  private readonly idOffset: number;
  private readonly spread: number;

  constructor(
    private readonly seed: number,
    readonly count: number,
  ) {
    this.idOffset = hash32(seed, 0x1d) % ID_SPACE;
    this.spread = (count + 1) ** (1 - ACTIVITY_SKEW) - 1;
  }

  driver(index: number): Driver {
    const cached = this.known.get(index);
    if (cached) return cached;
    const { name, country } = driverIdentity(this.seed, index);
    const skill = this.skill(index);
    const id = 1_000_000 + ((index * ID_STEP + this.idOffset) % ID_SPACE);
    const ranked = hashUnit(this.seed, index, 0x7a) > 0.15;
    const driver: Driver = {
      index,
      id,
      name,
      country,
      team: driverTeam(this.seed, index),
      rank: ranked ? (RANKS[Math.floor(skill * RANKS.length)] ?? "D") : "",
      avatar: `https://game.raceroom.com/game/user_avatar/${id}`,
      champPoints: Math.floor(hashUnit(this.seed, index, 0xc9) ** 3 * 5000),
      skill,
    };
    this.known.set(index, driver);
    return driver;
  }

  skill(index: number): number {
    return hashUnit(this.seed, index, 0x5c);
  }

  /** One draw from the activity distribution (inverse of the continuous power-law CDF). */
  private draw(random: () => number): number {
    const index = Math.floor((1 + random() * this.spread) ** (1 / (1 - ACTIVITY_SKEW))) - 1;
    return Math.min(this.count - 1, Math.max(0, index));
  }

  /** `n` distinct drivers, none of them in `exclude`, weighted by activity. */
  sample(random: () => number, n: number, exclude: ReadonlySet<number> = new Set()): number[] {
    const wanted = Math.min(n, this.count - exclude.size);
    if (wanted <= 0) return [];
    if (wanted <= this.count / 8) {
      const chosen = new Set<number>();
      for (let attempts = 0; attempts < wanted * 30 && chosen.size < wanted; attempts += 1) {
        const index = this.draw(random);
        if (!exclude.has(index)) chosen.add(index);
      }
      if (chosen.size === wanted) return [...chosen];
    }
    return this.sampleByKeys(random, wanted, exclude);
  }

  /** Efraimidis-Spirakis: each driver gets key E/weight, the `n` smallest keys win. O(count log count). */
  private sampleByKeys(random: () => number, n: number, exclude: ReadonlySet<number>): number[] {
    const keys = new Float64Array(this.count);
    const order: number[] = [];
    for (let index = 0; index < this.count; index += 1) {
      keys[index] = -Math.log(1 - random()) * (index + 1) ** ACTIVITY_SKEW;
      if (!exclude.has(index)) order.push(index);
    }
    order.sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0));
    return order.slice(0, n);
  }
}
