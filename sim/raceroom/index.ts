export { RACEROOM_EDGE_LEADERBOARDS } from "./config";
export { DEFAULT_PAGE, MAX_PAGE, type RaceRoomEntry } from "./listing";
export { raceroomUpstream, type RaceRoomUpstream } from "./upstream";
export type { PopulatedLeaderboard, WorldSummary } from "./world";
export { raceroomSimulator } from "./simulated";
