/** The most points an outline keeps: enough for a smooth circuit at phone size. */
const MAX_POINTS = 400;

/**
 * A circuit outline from one car's location samples in time order: from a sample after the start, the samples until
 * the car comes back near it (one lap); nothing until the samples hold a closed lap. Thinned to MAX_POINTS.
 */
export function deriveOutline(samples: readonly { x: number; y: number }[]): [number, number][] {
  const points = samples.filter((s) => Number.isFinite(s.x) && Number.isFinite(s.y));
  if (points.length < 3) return [];
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const diagonal = Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
  // The first minutes hold the grid and the formation: start a third of the way in, on a car that is moving.
  const from = Math.floor(points.length / 3);
  const origin = points[from] as { x: number; y: number };
  let lap: { x: number; y: number }[] = [];
  let awayFar = false;
  for (let index = from + 1; index < points.length; index += 1) {
    const gone = distance(points[index] as { x: number; y: number }, origin);
    if (gone > diagonal * 0.3) awayFar = true;
    if (awayFar && gone < diagonal * 0.03) {
      lap = points.slice(from, index + 1);
      break;
    }
  }
  if (lap.length === 0) return [];
  const step = Math.max(1, Math.ceil(lap.length / MAX_POINTS));
  return lap.filter((_, index) => index % step === 0).map((p) => [Math.round(p.x), Math.round(p.y)]);
}
