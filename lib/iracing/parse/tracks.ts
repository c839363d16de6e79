import { trackAssetsBodySchema, trackListBodySchema } from "../api-schemas";
import { imageUrl, trackMapLayerUrls } from "../assets";
import type { Parsed, Rejected, Track, TrackAssets, TrackConfig } from "../records";
import { trackAssetsItemSchema, trackItemSchema } from "../schemas/catalogue";
import { collect, collectKeyed, envelope, orNull, textOrNull } from "./collect";

/** `track/get`: one record per configuration. */
export function parseTrackConfigs(body: unknown): Parsed<TrackConfig> {
  const list = envelope(trackListBodySchema, body, "track/get");
  const rejected: Rejected[] = [];
  const seen = new Set<number>();
  const records = collect(
    list,
    trackItemSchema,
    (raw): TrackConfig | string => {
      if (seen.has(raw.track_id)) return `track ${raw.track_id} is listed twice`;
      seen.add(raw.track_id);
      return {
        trackId: raw.track_id,
        packageId: orNull(raw.package_id),
        trackName: raw.track_name,
        configName: textOrNull(raw.config_name),
        category: textOrNull(raw.category),
        categoryId: orNull(raw.category_id),
        lengthMiles: orNull(raw.track_config_length),
        corners: orNull(raw.corners_per_lap),
        isOval: orNull(raw.is_oval),
        isDirt: orNull(raw.is_dirt),
        retired: orNull(raw.retired),
        free: orNull(raw.free_with_subscription),
        purchasable: orNull(raw.is_ps_purchasable),
        price: orNull(raw.price),
        sku: orNull(raw.sku),
        location: textOrNull(raw.location),
        latitude: orNull(raw.latitude),
        longitude: orNull(raw.longitude),
        timeZone: textOrNull(raw.time_zone),
        maxCars: orNull(raw.max_cars),
        gridStalls: orNull(raw.grid_stalls),
        pitStalls: orNull(raw.number_pitstalls),
        pitRoadSpeedLimit: orNull(raw.pit_road_speed_limit),
        nightLighting: orNull(raw.night_lighting),
        rainEnabled: orNull(raw.rain_enabled),
        hasSvgMap: orNull(raw.has_svg_map),
        nominalLapSeconds: orNull(raw.nominal_lap_time),
        opens: textOrNull(raw.opens),
        closes: textOrNull(raw.closes),
        trackTypes: [...new Set((raw.track_types ?? []).map((type) => type.track_type.trim()).filter(Boolean))],
        logoUrl: imageUrl(raw.logo),
        smallImageUrl: imageUrl(raw.small_image, raw.folder),
      };
    },
    rejected,
  );
  return { records, rejected };
}

/**
 * Configurations grouped into tracks by package (what a driver buys). The track's name is the one its current
 * configurations carry; a track is retired when all its configurations are.
 */
export function groupTracks(configs: readonly TrackConfig[]): Track[] {
  const groups = new Map<number, TrackConfig[]>();
  for (const config of configs) {
    const key = config.packageId ?? config.trackId;
    groups.set(key, [...(groups.get(key) ?? []), config]);
  }
  return [...groups.entries()]
    .map(([trackKey, members]): Track => {
      const ordered = [...members].sort((a, b) => Number(a.retired ?? false) - Number(b.retired ?? false) || a.trackId - b.trackId);
      const lead = ordered[0] as TrackConfig;
      return {
        trackKey,
        packageId: lead.packageId,
        name: lead.trackName,
        location: lead.location,
        free: lead.free,
        price: lead.price,
        retired: ordered.every((config) => config.retired === true),
        configs: ordered,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.trackKey - b.trackKey);
}

function coordinates(text: string | null): { latitude: number; longitude: number } | null {
  const match = text === null ? null : /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!match) return null;
  const latitude = Number(match[1]);
  const longitude = Number(match[2]);
  return Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180 ? { latitude, longitude } : null;
}

/** `track/assets`: an object keyed by track id strings, with the SVG map layers as absolute URLs. */
export function parseTrackAssets(body: unknown): Parsed<TrackAssets> {
  const entries = envelope(trackAssetsBodySchema, body, "track/assets");
  const rejected: Rejected[] = [];
  const records = collectKeyed(
    entries,
    trackAssetsItemSchema,
    (raw, key): TrackAssets | string => {
      const trackId = raw.track_id ?? Number(key);
      if (!Number.isSafeInteger(trackId) || trackId <= 0) return `no track id (key ${JSON.stringify(key)})`;
      return {
        trackId,
        mapLayers: trackMapLayerUrls(raw.track_map, raw.track_map_layers),
        logoUrl: imageUrl(raw.logo),
        smallImageUrl: imageUrl(raw.small_image, raw.folder),
        largeImageUrl: imageUrl(raw.large_image, raw.folder),
        coordinates: coordinates(textOrNull(raw.coordinates)),
        north: textOrNull(raw.north),
        detailCopy: textOrNull(raw.detail_copy),
      };
    },
    rejected,
  );
  return { records, rejected };
}
