/**
 * The endurance calendar's kept copies carry this tag (lib/ui/cached-view.ts): a race added or changed, a race going
 * live or finishing, and a replay starting a race again expire it, so it lists every race where it is at once. Race
 * times and lap counts of live races move every poll: for those the calendar's ten-second time step suffices.
 */
export const ENDURANCE_CACHE_TAG = "endurance-calendar";
