/**
 * Deterministic randomness for the simulators: the same seed always gives the same worlds and fault
 * decisions, so a test or a benchmark can be replayed exactly.
 */

/** murmur3's finaliser: spreads every input bit over the whole word. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes integers (any safe integer, negative too) to one unsigned 32-bit value. */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    const low = part >>> 0;
    const high = Math.floor(part / 4294967296) >>> 0;
    h = fmix((h ^ low) + 0x7f4a7c15);
    if (high !== 0) h = fmix((h ^ high) + 0x7f4a7c15);
  }
  return h;
}

/** A float in [0, 1) from hashed integers: random access without a stream. */
export function hashUnit(...parts: number[]): number {
  return hash32(...parts) / 4294967296;
}

/** FNV-1a over the UTF-16 code units, then mixed: turns a name (a prefix) into a seed component. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}
