import { SimControlError } from "../control-error";
import { hashUnit } from "../random";
import { dayZeroBoard, nextDayBoard, type BoardEntry, type BoardSource } from "./boards";
import { loadCatalogue, type CarClass, type Catalogue, type Layout } from "./catalogue";
import { RACEROOM_EDGE_BOARDS, type WorldSize } from "./config";
import { DriverPool } from "./drivers";
import { dailyGrowth, initialSizes } from "./popularity";

export interface Combination {
  layoutId: number;
  classId: number;
}

export interface PopulatedCombination extends Combination {
  entries: number;
}

export interface WorldSummary {
  seed: number;
  day: number;
  entries: number;
  drivers: number;
  combinations: number;
  populated: number;
}

/** Boards are generated on demand; this many entries stay cached (least recently used boards go first). */
const CACHED_ENTRIES = 750_000;

/**
 * A simulated RaceRoom: every layout x class of the real catalogue (or the first N, layout-major in id
 * order), filled deterministically from the seed. Nothing is generated until a board is asked for.
 */
export class RaceRoomWorld {
  readonly catalogue: Catalogue;
  readonly combinations: Combination[];
  readonly drivers: DriverPool;
  private readonly index = new Map<string, number>();
  private readonly sizes: Int32Array;
  /** Fixed-size boards: they never grow. */
  private readonly edgePositions: Set<number>;
  private readonly cache = new Map<string, BoardEntry[]>();
  private cached = 0;

  constructor(
    readonly seed: number,
    readonly size: WorldSize,
  ) {
    this.catalogue = loadCatalogue();
    const all = this.catalogue.layouts.flatMap((layout) => this.catalogue.classes.map((carClass) => ({ layoutId: layout.id, classId: carClass.id })));
    const limit = size.combinations ?? all.length;
    if (limit > all.length) throw new SimControlError(`combinations: the catalogue has ${all.length} layout x class pairs, not ${limit}`);
    this.combinations = all.slice(0, limit);
    this.combinations.forEach((combination, position) => this.index.set(key(combination.layoutId, combination.classId), position));
    const fixed = new Map<number, number>();
    for (const edge of Object.values(RACEROOM_EDGE_BOARDS)) {
      const position = this.index.get(key(edge.layoutId, edge.classId));
      if (position === undefined) throw new Error(`edge board ${edge.layoutId}/${edge.classId} is not among the first combinations`);
      fixed.set(position, edge.entries);
    }
    this.edgePositions = new Set(fixed.keys());
    this.drivers = new DriverPool(seed, size.drivers);
    this.sizes = initialSizes(appeal(seed, this.combinations, this.catalogue), fixed, size.entries, size.drivers);
  }

  layout(layoutId: number): Layout | undefined {
    return this.catalogue.layoutById.get(layoutId);
  }

  carClass(classId: number): CarClass | undefined {
    return this.catalogue.classById.get(classId);
  }

  /** Position of a combination in this world, or undefined when it is outside it. */
  position(layoutId: number, classId: number): number | undefined {
    return this.index.get(key(layoutId, classId));
  }

  /** Entries on a board on `day`, computed without generating it. */
  boardSize(position: number, day: number): number {
    let size = this.sizes[position] ?? 0;
    if (this.edgePositions.has(position)) return size;
    for (let d = 1; d <= day; d += 1) size += dailyGrowth(this.seed, position, d, size, this.size.drivers);
    return size;
  }

  /** The board for a layout x class on `day`, fastest first; empty outside the world. */
  board(layoutId: number, classId: number, day: number): readonly BoardEntry[] {
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
    let board: BoardEntry[];
    if (day === 0) {
      board = dayZeroBoard(source, this.sizes[position] ?? 0);
    } else {
      const previous = this.board(layoutId, classId, day - 1);
      const growth = this.boardSize(position, day) - this.boardSize(position, day - 1);
      board = nextDayBoard(source, previous, day, growth);
    }
    this.remember(cacheKey, board);
    return board;
  }

  /** Every combination with at least one entry on `day`, in combination order. */
  populated(day: number): PopulatedCombination[] {
    const out: PopulatedCombination[] = [];
    this.combinations.forEach((combination, position) => {
      const entries = this.boardSize(position, day);
      if (entries > 0) out.push({ ...combination, entries });
    });
    return out;
  }

  summary(day: number): WorldSummary {
    const populated = this.populated(day);
    return {
      seed: this.seed,
      day,
      entries: populated.reduce((sum, combination) => sum + combination.entries, 0),
      drivers: this.size.drivers,
      combinations: this.combinations.length,
      populated: populated.length,
    };
  }

  private source(layoutId: number, classId: number): BoardSource {
    const layout = this.layout(layoutId);
    const carClass = this.carClass(classId);
    if (!layout || !carClass) throw new Error(`combination ${layoutId}/${classId} is not in the catalogue`);
    return { seed: this.seed, drivers: this.drivers, layout, carClass };
  }

  private remember(cacheKey: string, board: BoardEntry[]): void {
    this.cache.set(cacheKey, board);
    this.cached += board.length;
    for (const [oldest, entries] of this.cache) {
      if (this.cached <= CACHED_ENTRIES || oldest === cacheKey) break;
      this.cache.delete(oldest);
      this.cached -= entries.length;
    }
  }
}

/**
 * How much drivers want to run a combination: a layout's and a class's own appeal (classes with more cars
 * draw more drivers) times a per-pair whim, so popular boards cluster on popular tracks and classes.
 */
function appeal(seed: number, combinations: Combination[], catalogue: Catalogue): Float64Array {
  return Float64Array.from(combinations, ({ layoutId, classId }) => {
    const cars = catalogue.classById.get(classId)?.cars.length ?? 1;
    const layoutAppeal = 0.05 + hashUnit(seed, layoutId, 0x1a) ** 2;
    const classAppeal = Math.sqrt(cars) * (0.05 + hashUnit(seed, classId, 0xc1) ** 2);
    return layoutAppeal * classAppeal * (0.2 + hashUnit(seed, layoutId, classId, 0x9a));
  });
}

function key(layoutId: number, classId: number): string {
  return `${layoutId}:${classId}`;
}
