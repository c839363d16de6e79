// Asset paths in the Data API are relative to images-static.iracing.com: absolute paths ("/img/logos/..."), file
// names inside an entity's `folder` ("limerockpark-small.jpg"), or bare series logo names ("seriesid_514.png").

export const IMAGES_BASE = "https://images-static.iracing.com";
const SERIES_LOGOS = `${IMAGES_BASE}/img/logos/series`;

const present = (value: string | null | undefined): value is string => typeof value === "string" && value.trim() !== "";

/** An absolute URL for `path`: kept when already absolute, under the base when rooted, else inside `folder`. */
export function imageUrl(path: string | null | undefined, folder?: string | null): string | null {
  if (!present(path)) return null;
  const file = path.trim();
  if (/^https?:\/\//i.test(file)) return file;
  if (file.startsWith("/")) return `${IMAGES_BASE}${file}`;
  if (present(folder)) return `${IMAGES_BASE}/${folder.trim().replace(/^\/+|\/+$/g, "")}/${file}`;
  return `${IMAGES_BASE}/${file}`;
}

/** Series logos are bare file names of the series logo folder. */
export function seriesLogoUrl(logo: string | null | undefined): string | null {
  if (!present(logo)) return null;
  return /^https?:\/\//i.test(logo) || logo.startsWith("/") ? imageUrl(logo) : `${SERIES_LOGOS}/${logo.trim()}`;
}

/** The URL of each SVG layer of a track map: `track_map` is the folder, each layer a file name. */
export function trackMapLayerUrls(trackMap: string | null | undefined, layers: Record<string, string> | null | undefined): Record<string, string> {
  if (!present(trackMap) || !layers) return {};
  const folder = trackMap.trim().endsWith("/") ? trackMap.trim() : `${trackMap.trim()}/`;
  return Object.fromEntries(Object.entries(layers).filter(([, file]) => present(file)).map(([name, file]) => [name, new URL(file.trim(), folder).toString()]));
}
