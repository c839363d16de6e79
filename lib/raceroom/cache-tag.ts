/** Every cached RaceRoom page answer carries this tag (cached.ts); promotion and incremental replacement expire it (syncs.ts). */
export const RACEROOM_CACHE_TAG = "raceroom-live";
