/**
 * mulberry32: a fast seeded 32-bit generator returning floats in [0, 1). Math.random cannot be seeded; the
 * simulators need the same worlds for the same seed, and the models the same samples for the same laps.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
