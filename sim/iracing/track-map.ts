import { hashUnit } from "../random";
import { TRACK_MAP_LAYERS } from "./catalogue-bodies";

const SIZE = 400;

/** The outline of a track: a closed polygon around the centre, its radius varied by the track id. */
function outline(trackId: number): [number, number][] {
  const corners = 10 + Math.floor(hashUnit(trackId, 0x3a9) * 6);
  return Array.from({ length: corners }, (_, i) => {
    const angle = (i / corners) * 2 * Math.PI;
    const radius = SIZE * (0.28 + 0.16 * hashUnit(trackId, i, 0x3b0));
    return [Math.round(SIZE / 2 + radius * Math.cos(angle)), Math.round(SIZE / 2 + radius * Math.sin(angle))];
  });
}

/** One SVG layer of a simulated track map (the real ones are served from members-assets.iracing.com). */
export function trackMapLayer(trackId: number, layer: string): string | null {
  if (!(TRACK_MAP_LAYERS as readonly string[]).includes(layer)) return null;
  const points = outline(trackId);
  const path = `M${points.map(([x, y]) => `${x},${y}`).join(" L")} Z`;
  const [start = [0, 0], next = [0, 0]] = points;
  const shapes: Record<string, string> = {
    background: `<path d="${path}" fill="#1f2933" stroke="#1f2933" stroke-width="28" stroke-linejoin="round"/>`,
    inactive: `<path d="${path}" fill="none" stroke="#52606d" stroke-width="10" stroke-linejoin="round"/>`,
    active: `<path d="${path}" fill="none" stroke="#f5f7fa" stroke-width="6" stroke-linejoin="round"/>`,
    pitroad: `<path d="M${start[0]},${start[1]} L${next[0]},${next[1]}" fill="none" stroke="#f0b429" stroke-width="4" stroke-dasharray="6 4"/>`,
    "start-finish": `<circle cx="${start[0]}" cy="${start[1]}" r="8" fill="#e12d39"/>`,
    turns: points.map(([x, y], i) => `<text x="${x}" y="${y - 14}" font-size="14" fill="#f5f7fa" text-anchor="middle">${i + 1}</text>`).join(""),
  };
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}" id="${layer}">${shapes[layer]}</svg>\n`;
}
