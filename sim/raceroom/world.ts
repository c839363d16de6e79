import { SimControlError } from "../control-error";
import { hashUnit } from "../random";
import { dayZeroBoard, nextDayBoard, type LeaderboardEntry, type BoardSource } from "./leaderboards";
import { loadCatalogue, type CarClass, type Catalogue, type Layout } from "./catalogue";
import { RACEROOM_EDGE_LEADERBOARDS, type WorldSize } from "./config";
import { DriverPool } from "./drivers";
import { dailyGrowth, initialSizes } from "./popularity";

export interface LeaderboardKey {
  layoutId: number;
  classId: number;
}

export interface PopulatedLeaderboard extends LeaderboardKey {
  entries: number;
}

export interface WorldSummary {
  seed: number;
  day: number;
  entries: number;
  drivers: number;
  leaderboards: number;
  populated: number;
}

/** Leaderboards are generated on demand; this many entries stay cached (least recently used leaderboards go first). */
const CACHED_ENTRIES = 750_000;

/**
 * A simulated RaceRoom: every layout x class of the real catalogue (or the first N, layout-major in id
 * order), filled deterministically from the seed. Nothing is generated until a leaderboard is asked for.
 */
export class RaceRoomWorld {
  readonly catalogue: Catalogue;
  readonly leaderboards: LeaderboardKey[];
  readonly drivers: DriverPool;
  private readonly index = new Map<string, number>();
  private readonly sizes: Int32Array;
  /** Fixed-size leaderboards: they never grow. */
  private readonly edgePositions: Set<number>;
  private readonly cache = new Map<string, LeaderboardEntry[]>();
  private cached = 0;

  constructor(
    readonly seed: number,
    readonly size: WorldSize,
  ) {
    this.catalogue = loadCatalogue();
    const all = this.catalogue.layouts.flatMap((layout) => this.catalogue.classes.map((carClass) => ({ layoutId: layout.id, classId: carClass.id })));
    const limit = size.leaderboards ?? all.length;
    if (limit > all.length) throw new SimControlError(`leaderboards: the catalogue has ${all.length} layout x class pairs, not ${limit}`);
    this.leaderboards = all.slice(0, limit);
    this.leaderboards.forEach((leaderboard, position) => this.index.set(key(leaderboard.layoutId, leaderboard.classId), position));
    const fixed = new Map<number, number>();
    for (const edge of Object.values(RACEROOM_EDGE_LEADERBOARDS)) {
      const position = this.index.get(key(edge.layoutId, edge.classId));
      if (position === undefined) throw new Error(`edge leaderboard ${edge.layoutId}/${edge.classId} is not among the first leaderboards`);
      fixed.set(position, edge.entries);
    }
    this.edgePositions = new Set(fixed.keys());
    this.drivers = new DriverPool(seed, size.drivers);
    this.sizes = initialSizes(appeal(seed, this.leaderboards, this.catalogue), fixed, size.entries, size.drivers);
  }

  layout(layoutId: number): Layout | undefined {
    return this.catalogue.layoutById.get(layoutId);
  }

  carClass(classId: number): CarClass | undefined {
    return this.catalogue.classById.get(classId);
  }

  /** Position of a leaderboard in this world, or undefined when it is outside it. */
  position(layoutId: number, classId: number): number | undefined {
    return this.index.get(key(layoutId, classId));
  }

  /** Entries on a leaderboard on `day`, computed without generating it. */
  boardSize(position: number, day: number): number {
    let size = this.sizes[position] ?? 0;
    if (this.edgePositions.has(position)) return size;
    for (let d = 1; d <= day; d += 1) size += dailyGrowth(this.seed, position, d, size, this.size.drivers);
    return size;
  }

  /** The leaderboard for a layout x class on `day`, fastest first; empty outside the world. */
  leaderboard(layoutId: number, classId: number, day: number): readonly LeaderboardEntry[] {
    const position = this.position(layoutId, classId);
    if (position === undefined) return [];
    const cacheKey = `${layoutId}:${classId}:${day}`;
    const hit = this.cache.get(cacheKey);
    if (hit) {
      this.cache.delete(cacheKey);
      this.cache.set(cacheKey, hit);
      return hit;
    }
    const source = this.source(layoutId, classId);
    let leaderboard: LeaderboardEntry[];
    if (day === 0) {
      leaderboard = dayZeroBoard(source, this.sizes[position] ?? 0);
    } else {
      const previous = this.leaderboard(layoutId, classId, day - 1);
      const growth = this.boardSize(position, day) - this.boardSize(position, day - 1);
      leaderboard = nextDayBoard(source, previous, day, growth);
    }
    this.remember(cacheKey, leaderboard);
    return leaderboard;
  }

  /** Every leaderboard with at least one entry on `day`, in leaderboard order. */
  populated(day: number): PopulatedLeaderboard[] {
    const out: PopulatedLeaderboard[] = [];
    this.leaderboards.forEach((leaderboard, position) => {
      const entries = this.boardSize(position, day);
      if (entries > 0) out.push({ ...leaderboard, entries });
    });
    return out;
  }

  summary(day: number): WorldSummary {
    const populated = this.populated(day);
    return {
      seed: this.seed,
      day,
      entries: populated.reduce((sum, leaderboard) => sum + leaderboard.entries, 0),
      drivers: this.size.drivers,
      leaderboards: this.leaderboards.length,
      populated: populated.length,
    };
  }

  private source(layoutId: number, classId: number): BoardSource {
    const layout = this.layout(layoutId);
    const carClass = this.carClass(classId);
    if (!layout || !carClass) throw new Error(`leaderboard ${layoutId}/${classId} is not in the catalogue`);
    return { seed: this.seed, drivers: this.drivers, layout, carClass };
  }

  private remember(cacheKey: string, leaderboard: LeaderboardEntry[]): void {
    this.cache.set(cacheKey, leaderboard);
    this.cached += leaderboard.length;
    for (const [oldest, entries] of this.cache) {
      if (this.cached <= CACHED_ENTRIES || oldest === cacheKey) break;
      this.cache.delete(oldest);
      this.cached -= entries.length;
    }
  }
}

/**
 * How much drivers want to run a leaderboard: a layout's and a class's own appeal (classes with more cars
 * draw more drivers) times a per-pair whim, so popular leaderboards cluster on popular tracks and classes.
 */
function appeal(seed: number, leaderboards: LeaderboardKey[], catalogue: Catalogue): Float64Array {
  return Float64Array.from(leaderboards, ({ layoutId, classId }) => {
    const cars = catalogue.classById.get(classId)?.cars.length ?? 1;
    const layoutAppeal = 0.05 + hashUnit(seed, layoutId, 0x1a) ** 2;
    const classAppeal = Math.sqrt(cars) * (0.05 + hashUnit(seed, classId, 0xc1) ** 2);
    return layoutAppeal * classAppeal * (0.2 + hashUnit(seed, layoutId, classId, 0x9a));
  });
}

function key(layoutId: number, classId: number): string {
  return `${layoutId}:${classId}`;
}
