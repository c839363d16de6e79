import { mulberry32 } from "@/lib/random";
import { hash32 } from "../../../random";

export interface Point {
  x: number;
  y: number;
  z: number;
}

export interface Circuit {
  lengthMetres: number;
  /** The point a `fraction` of a lap after the line, on the racing line. */
  at(fraction: number): Point;
  /** The point `progress` (0 entry, 1 exit) along the pit lane, which runs beside the track across the line. */
  pitLane(progress: number): Point;
}

/** Where the pit lane leaves and rejoins the track, as fractions of a lap from the line. */
export const PIT_ENTRY = -0.015;
export const PIT_EXIT = 0.015;

const OUTLINE_POINTS = 2000;
const PIT_OFFSET = 140;

/**
 * A made-up circuit in OpenF1's track units (about a decimetre): a closed curve r(θ) > 0 around its centre, so it
 * never crosses itself, with bends from a few seeded harmonics and a little elevation.
 */
export function makeCircuit(seed: number): Circuit {
  const random = mulberry32(hash32(seed, 0xc12c));
  const harmonics = [2, 3, 4, 5].map((k) => ({ k, amplitude: (0.05 + random() * 0.09) / Math.sqrt(k - 1), phase: random() * Math.PI * 2 }));
  const tilt = random() * Math.PI * 2;
  const polar = (theta: number): Point => {
    const r = 1 + harmonics.reduce((sum, { k, amplitude, phase }) => sum + amplitude * Math.cos(k * theta + phase), 0);
    return { x: 6000 * r * Math.cos(theta), y: 4000 * r * Math.sin(theta), z: 60 + 25 * Math.sin(theta + tilt) };
  };
  // Sample finely, then resample at equal distances so that a fraction of a lap is a fraction of its length.
  const fine = Array.from({ length: OUTLINE_POINTS * 8 + 1 }, (_, i) => polar((i / (OUTLINE_POINTS * 8)) * Math.PI * 2));
  const lengths = [0];
  for (let i = 1; i < fine.length; i += 1) {
    const a = fine[i - 1] as Point;
    const b = fine[i] as Point;
    lengths.push((lengths[i - 1] as number) + Math.hypot(b.x - a.x, b.y - a.y));
  }
  const total = lengths.at(-1) as number;
  const outline: Point[] = [];
  for (let i = 0, j = 0; i < OUTLINE_POINTS; i += 1) {
    const target = (i / OUTLINE_POINTS) * total;
    while ((lengths[j + 1] as number) < target) j += 1;
    const a = fine[j] as Point;
    const b = fine[j + 1] as Point;
    const t = (target - (lengths[j] as number)) / ((lengths[j + 1] as number) - (lengths[j] as number) || 1);
    outline.push({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t, z: a.z + (b.z - a.z) * t });
  }
  const at = (fraction: number): Point => {
    const position = (((fraction % 1) + 1) % 1) * OUTLINE_POINTS;
    const index = Math.floor(position);
    const a = outline[index % OUTLINE_POINTS] as Point;
    const b = outline[(index + 1) % OUTLINE_POINTS] as Point;
    const t = position - index;
    return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t, z: a.z + (b.z - a.z) * t };
  };
  return {
    lengthMetres: 5281,
    at,
    pitLane(progress) {
      const p = Math.min(1, Math.max(0, progress));
      const point = at(PIT_ENTRY + (PIT_EXIT - PIT_ENTRY) * p);
      // Towards the centre of the circuit (the origin), easing in and out of the lane.
      const distance = Math.hypot(point.x, point.y) || 1;
      const offset = PIT_OFFSET * Math.min(1, 4 * p, 4 * (1 - p));
      return { x: point.x - (point.x / distance) * offset, y: point.y - (point.y / distance) * offset, z: point.z };
    },
  };
}
