/**
 * A seeded generator (mulberry32) for the samples the models draw: Math.random cannot be seeded, and a retrain
 * must give the same predictions for the same laps. Returns floats in [0, 1).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `count` items drawn without replacement, in their original order. */
export function sampleOf<T>(items: readonly T[], count: number, random: () => number): T[] {
  if (items.length <= count) return [...items];
  const drawn = items.map((item, i) => ({ item, i, key: random() }));
  drawn.sort((a, b) => a.key - b.key);
  return drawn
    .slice(0, count)
    .sort((a, b) => a.i - b.i)
    .map(({ item }) => item);
}
