import type { DriverState } from "./format";

interface Bounds {
  minX: number;
  maxY: number;
  width: number;
  height: number;
}

function boundsOf(points: readonly (readonly [number, number])[]): Bounds | null {
  if (points.length === 0) return null;
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  // Cars lined up on a straight would make a flat sliver: the box is at least 60 % as tall as wide, and the other way round.
  const span = Math.max(1, maxX - minX, maxY - minY) * 0.6;
  const width = Math.max(maxX - minX, span);
  const height = Math.max(maxY - minY, span);
  return { minX: minX - (width - (maxX - minX)) / 2, maxY: maxY + (height - (maxY - minY)) / 2, width, height };
}

/**
 * The circuit outline and every car as a dot in its team colour with its acronym; the leader ringed. Positions move
 * with a CSS transition as long as the poll interval, so cars glide between samples (none with reduced motion).
 * OpenF1's y grows northwards, the screen's downwards: y is flipped.
 */
export function TrackMap({ outline, drivers }: { outline: readonly (readonly [number, number])[]; drivers: readonly DriverState[] }) {
  const located = drivers.filter((driver) => driver.location !== null);
  const bounds = boundsOf(outline.length > 0 ? outline : located.map((driver) => [driver.location!.x, driver.location!.y] as const));
  if (!bounds) {
    return (
      <div data-testid="track-map" className="flex aspect-[4/3] items-center justify-center rounded-lg border border-border bg-surface text-sm text-muted">
        No car positions yet.
      </div>
    );
  }
  const pad = Math.max(bounds.width, bounds.height) * 0.06;
  const toScreen = (x: number, y: number) => [x - bounds.minX + pad, bounds.maxY - y + pad] as const;
  const path = outline.map(([x, y], index) => `${index === 0 ? "M" : "L"}${toScreen(x, y).join(" ")}`).join(" ") + (outline.length > 0 ? " Z" : "");
  const size = Math.max(bounds.width, bounds.height);
  const radius = size / 70;
  return (
    <figure data-testid="track-map" className="rounded-lg border border-border bg-surface p-2">
      <svg
        role="img"
        aria-label={`Track map: ${located.length} cars`}
        viewBox={`0 0 ${bounds.width + 2 * pad} ${bounds.height + 2 * pad}`}
        className="h-auto max-h-[60vh] w-full"
      >
        <path d={path} fill="none" stroke="var(--border)" strokeWidth={radius * 1.6} strokeLinejoin="round" />
        <path d={path} fill="none" stroke="var(--muted)" strokeWidth={radius * 0.25} strokeLinejoin="round" opacity={0.6} />
        {[...located].reverse().map((driver) => {
          const [x, y] = toScreen(driver.location!.x, driver.location!.y);
          return (
            <g
              key={driver.driverNumber}
              data-testid="car"
              data-driver={driver.acronym}
              className="transition-transform duration-1000 ease-linear"
              style={{ transform: `translate(${x}px, ${y}px)` }}
            >
              {driver.position === 1 ? <circle r={radius * 1.7} fill="none" stroke="var(--fg)" strokeWidth={radius * 0.35} data-testid="leader-mark" /> : null}
              <circle r={radius} fill={driver.teamColour ?? "var(--muted)"} stroke="var(--surface)" strokeWidth={radius * 0.25} />
              <text x={radius * 1.4} y={radius * 0.45} fontSize={radius * 1.5} fontWeight={600} fill="var(--fg)" paintOrder="stroke" stroke="var(--surface)" strokeWidth={radius * 0.3}>
                {driver.acronym}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="sr-only">Cars on the circuit, leader ringed.</figcaption>
    </figure>
  );
}
