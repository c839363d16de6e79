import { fetched, MONZA_GTR3 } from "./support";

// The data both export tests (data layer and HTTP routes) refresh with, and what the files must say of it.

/** Monza GP x GTR 3: a French driver on top, then two namesakes that share one driver_index.json key. */
export const MONZA_GTR3_BOARD = fetched(MONZA_GTR3, [
  { driverId: 1, name: "Élodie Brünnhilde", lapMs: 106_802, country: "fr" },
  { driverId: 2, name: "Max Mustermann", lapMs: 107_010 },
  { driverId: 3, name: "max mustermann", lapMs: 3_725_190, difficulty: "Novice" },
]);

/** status.json before any refresh: the original's zero values. */
export const EMPTY_STATUS = {
  fetch_in_progress: false,
  last_scrape_start: "0001-01-01T00:00:00Z",
  last_scrape_end: "0001-01-01T00:00:00Z",
  track_count: 0,
  total_drivers: 0,
  total_entries: 0,
  last_index_update: "0001-01-01T00:00:00Z",
  index_build_time_ms: 0,
};

/** top_combinations.json after MONZA_GTR3_BOARD and a one-entry RaceRoom Raceway GP x GTR 3 leaderboard. */
export const TOP_COMBINATIONS = {
  count: 2,
  results: [
    { track: "Monza Circuit - Grand Prix", track_id: "1671", class_id: "1703", class_name: "GTR 3", entry_count: 3 },
    { track: "RaceRoom Raceway - Grand Prix", track_id: "263", class_id: "1703", class_name: "GTR 3", entry_count: 1 },
  ],
};

/** Élodie's key in driver_index.json, every field in the original shape. */
export const ELODIE_INDEX_ENTRIES = [
  {
    name: "Élodie Brünnhilde",
    position: 1,
    laptime: "1m 46.802s",
    time_diff: 0,
    country: "France",
    car: "BMW Z4 GT3",
    car_class: "GTR 3",
    team: "",
    rank: "A",
    difficulty: "Get Real",
    track: "Monza Circuit - Grand Prix",
    track_id: "1671",
    class_id: "1703",
    found: true,
    total_entries: 3,
  },
];
