import { CATEGORY_IDS, type Catalogue } from "./catalogue";

// The catalogue in the shapes of car/get, car/assets, carclass/get, track/get and track/assets.

const price = (free: boolean, id: number) => (free ? 0 : id % 3 === 0 ? 14.95 : 11.95);

/** `car/get` rows. */
export function carRows(catalogue: Catalogue): object[] {
  return catalogue.cars.map((car) => ({
    ai_enabled: true,
    allow_number_colors: true,
    allow_sponsor1: true,
    car_dirpath: car.slug,
    car_id: car.carId,
    car_make: car.make,
    car_model: car.model,
    car_name: car.name,
    car_name_abbreviated: car.abbreviation,
    car_types: car.carTypes.map((carType) => ({ car_type: carType })),
    car_weight: car.weightLbs,
    categories: [car.category],
    created: "2015-03-10T18:00:00Z",
    first_sale: "2015-06-02T00:00:00Z",
    folder: `/img/cars/${car.slug}`,
    forum_url: `https://forums.iracing.com/categories/${car.slug}`,
    free_with_subscription: car.free,
    has_headlights: car.category === "sports_car",
    has_multiple_dry_tire_types: false,
    has_rain_capable_tire_types: car.category === "sports_car" || car.category === "formula_car",
    hp: car.hp,
    is_ps_purchasable: !car.free,
    logo: `/img/logos/partners/${car.make.toLowerCase().replace(/[^a-z0-9]/g, "")}-logo.png`,
    max_power_adjust_pct: 0,
    max_weight_penalty_kg: 250,
    min_power_adjust_pct: -5,
    package_id: car.packageId,
    patterns: 12,
    price: price(car.free, car.carId),
    price_display: `$${price(car.free, car.carId).toFixed(2)}`,
    rain_enabled: car.category === "sports_car" || car.category === "formula_car",
    retired: false,
    search_filters: car.carTypes.join(","),
    sku: 20_000 + car.carId,
    small_image: `${car.slug}-small.jpg`,
    sponsor_logo: null,
  }));
}

/** `car/assets`, keyed by car id strings. */
export function carAssets(catalogue: Catalogue): Record<string, object> {
  return Object.fromEntries(
    catalogue.cars.map((car) => [
      String(car.carId),
      {
        car_id: car.carId,
        car_rules: [],
        detail_copy: `<p>The ${car.name}.</p>`,
        detail_screen_shot_images: `${car.slug}-screenshot-1.jpg,${car.slug}-screenshot-2.jpg`,
        detail_techspecs_copy: `Power: ${car.hp} hp<br>Weight: ${car.weightLbs} lb`,
        folder: `/img/cars/${car.slug}`,
        gallery_images: "1,2,3",
        gallery_prefix: null,
        group_image: null,
        group_name: null,
        large_image: `${car.slug}-large.jpg`,
        logo: `/img/logos/partners/${car.make.toLowerCase().replace(/[^a-z0-9]/g, "")}-logo.png`,
        small_image: `${car.slug}-small.jpg`,
        sponsor_logo: null,
        template_path: `/img/cars/${car.slug}/templates/`,
      },
    ]),
  );
}

/** `carclass/get` rows. */
export function carClassRows(catalogue: Catalogue): object[] {
  return catalogue.classes.map((carClass) => ({
    car_class_id: carClass.carClassId,
    cars_in_class: carClass.carIds.map((carId) => ({ car_dirpath: catalogue.carById.get(carId)?.slug ?? "", car_id: carId, rain_enabled: true, retired: false })),
    cust_id: 0,
    name: carClass.name,
    rain_enabled: true,
    relative_speed: carClass.relativeSpeed,
    short_name: carClass.shortName,
  }));
}

/** `track/get` rows: one per configuration. */
export function trackRows(catalogue: Catalogue): object[] {
  return catalogue.tracks.map((track) => ({
    ai_enabled: true,
    allow_rolling_start: true,
    allow_standing_start: track.category === "road",
    award_exempt: false,
    category: track.category,
    category_id: CATEGORY_IDS[track.category],
    closes: "2030-12-31",
    config_name: track.configName ?? undefined,
    corners_per_lap: track.corners,
    created: "2012-04-17T12:00:00Z",
    first_sale: "2012-05-01T00:00:00Z",
    folder: `/img/tracks/${track.slug}`,
    free_with_subscription: track.free,
    fully_lit: false,
    grid_stalls: 40,
    has_opt_path: false,
    has_short_parade_lap: track.category === "road",
    has_start_zone: false,
    has_svg_map: true,
    is_dirt: track.category.startsWith("dirt"),
    is_oval: track.category.endsWith("oval"),
    is_ps_purchasable: !track.free,
    lap_scoring: 0,
    latitude: track.latitude,
    location: track.location,
    logo: `/img/logos/tracks/${track.slug}-logo.png`,
    longitude: track.longitude,
    max_cars: 60,
    night_lighting: track.category !== "road" || track.corners > 30,
    nominal_lap_time: Math.round((track.lengthMiles / (track.category.endsWith("oval") ? 150 : 95)) * 3600 * 1000) / 1000,
    number_pitstalls: 40,
    opens: "2012-05-01",
    package_id: track.packageId,
    pit_road_speed_limit: track.category.endsWith("oval") ? 55 : 50,
    price: price(track.free, track.packageId),
    price_display: `$${price(track.free, track.packageId).toFixed(2)}`,
    priority: 1,
    purchasable: true,
    qualify_laps: 2,
    rain_enabled: track.category === "road",
    restart_on_left: false,
    retired: false,
    search_filters: track.category,
    site_url: `https://www.${track.slug}.example`,
    sku: 10_000 + track.packageId,
    small_image: `${track.slug}-small.jpg`,
    solo_laps: 4,
    start_on_left: false,
    supports_grip_compound: false,
    tech_track: false,
    time_zone: track.timeZone,
    track_config_length: track.lengthMiles,
    track_dirpath: `${track.slug}\\${(track.configName ?? "full").toLowerCase().replace(/[^a-z0-9]/g, "")}`,
    track_id: track.trackId,
    track_name: track.name,
    track_type: track.category.endsWith("oval") ? 1 : 5,
    track_type_text: track.category.endsWith("oval") ? "Oval" : "Road Course",
    track_types: [{ track_type: track.category }],
  }));
}

/** The SVG layers of every track map, as `track/assets` names them. */
export const TRACK_MAP_LAYERS = ["background", "inactive", "active", "pitroad", "start-finish", "turns"] as const;

/** `track/assets`, keyed by track id strings; the map layers are served by the simulator at `mapBase`. */
export function trackAssets(catalogue: Catalogue, mapBase: string): Record<string, object> {
  return Object.fromEntries(
    catalogue.tracks.map((track) => [
      String(track.trackId),
      {
        coordinates: `${track.latitude},${track.longitude}`,
        detail_copy: `<p>${track.name}, ${track.location}.</p>`,
        detail_techspecs_copy: null,
        detail_video: null,
        folder: `/img/tracks/${track.slug}`,
        gallery_images: "1,2,3",
        gallery_prefix: `${track.slug}-gallery`,
        large_image: `${track.slug}-large.jpg`,
        logo: `/img/logos/tracks/${track.slug}-logo.png`,
        north: `${(track.trackId * 37) % 360}deg`,
        num_svg_images: TRACK_MAP_LAYERS.length,
        small_image: `${track.slug}-small.jpg`,
        track_id: track.trackId,
        track_map: `${mapBase}/${track.trackId}/`,
        track_map_layers: Object.fromEntries(TRACK_MAP_LAYERS.map((layer) => [layer, `${layer}.svg`])),
      },
    ]),
  );
}
