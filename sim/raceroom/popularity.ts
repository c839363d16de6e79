import { SimControlError } from "../control-error";
import { hashUnit } from "../random";

/** Share of the (non-edge) leaderboards that have any entry on day 0: most leaderboards are empty. */
const POPULATED_SHARE = 0.3;
/** The most popular leaderboard holds this share of all entries (capped by the number of drivers). */
const TOP_BOARD_SHARE = 0.03;
const TAIL_CUT = 3;

/**
 * Day-0 leaderboard sizes: the edge leaderboards get their fixed sizes, the others a Zipf-like size by popularity rank
 * (the order of `appeal`, highest first), thinning out towards the tail. The exponent is fitted so the
 * sizes add up to the requested entries.
 */
export function initialSizes(
  appeal: Float64Array,
  fixed: ReadonlyMap<number, number>,
  entries: number,
  drivers: number,
): Int32Array {
  const count = appeal.length;
  const sizes = new Int32Array(count);
  let rest = entries;
  for (const [index, size] of fixed) {
    sizes[index] = size;
    rest -= size;
  }
  const others = Array.from({ length: count }, (_, index) => index)
    .filter((index) => !fixed.has(index))
    .sort((a, b) => (appeal[b] ?? 0) - (appeal[a] ?? 0) || a - b);
  if (rest <= 0 || others.length === 0) return sizes;

  // Sizes top * (rank + 1)^-alpha * e^(-TAIL_CUT * rank / populated); alpha is fitted so they add up to
  // `rest` (the sum falls as alpha grows). The cut-off leaves a long tail of leaderboards with a driver or two.
  let populated = Math.max(1, Math.min(others.length, Math.round(others.length * POPULATED_SHARE)));
  const shape = (rank: number, alpha: number, top: number) => top * (rank + 1) ** -alpha * Math.exp((-TAIL_CUT * rank) / populated);
  const total = (alpha: number, top: number) => {
    let sum = 0;
    for (let rank = 0; rank < populated; rank += 1) sum += shape(rank, alpha, top);
    return sum;
  };
  // With alpha = 0 the sum is largest: make sure that holds `rest`, with more leaderboards or a bigger top leaderboard.
  let top = Math.min(drivers, Math.max(Math.round(rest * TOP_BOARD_SHARE), Math.ceil(rest / total(0, 1))));
  while (total(0, top) < rest && populated < others.length) {
    populated = Math.min(others.length, Math.ceil(populated * 1.25));
    top = Math.min(drivers, Math.max(Math.round(rest * TOP_BOARD_SHARE), Math.ceil(rest / total(0, 1))));
  }
  if (total(0, top) < rest) {
    throw new SimControlError(`${entries} entries do not fit in ${count} leaderboards with ${drivers} drivers (one entry per driver per leaderboard)`);
  }
  let low = 0;
  let high = 8;
  for (let step = 0; step < 60; step += 1) {
    const mid = (low + high) / 2;
    if (total(mid, top) > rest) low = mid;
    else high = mid;
  }
  const alpha = (low + high) / 2;

  // Largest remainder rounding, so the total is exact.
  const exact = Array.from({ length: populated }, (_, rank) => shape(rank, alpha, top));
  const floors = exact.map(Math.floor);
  let missing = rest - floors.reduce((sum, size) => sum + size, 0);
  const byRemainder = exact.map((size, rank) => [size - Math.floor(size), rank] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, rank] of byRemainder) {
    if (missing <= 0) break;
    if ((floors[rank] ?? 0) < drivers) {
      floors[rank] = (floors[rank] ?? 0) + 1;
      missing -= 1;
    }
  }
  floors.forEach((size, rank) => {
    sizes[others[rank] as number] = size;
  });
  return sizes;
}

/**
 * New entries on `day` for a leaderboard of `size` entries: busy leaderboards gain about 0.5% a day, quiet ones now and
 * then one more driver, and an empty leaderboard rarely gets its first few.
 */
export function dailyGrowth(seed: number, leaderboard: number, day: number, size: number, drivers: number): number {
  const first = hashUnit(seed, leaderboard, day, 0x6701);
  const second = hashUnit(seed, leaderboard, day, 0x6702);
  const grown = size === 0 ? (first < 0.002 ? 1 + Math.floor(second * 3) : 0) : Math.floor(size * 0.01 * first) + (second < 0.3 ? 1 : 0);
  return Math.min(grown, drivers - size);
}
