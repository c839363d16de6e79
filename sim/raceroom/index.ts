export { RACEROOM_EDGE_BOARDS } from "./config";
export { DEFAULT_PAGE, MAX_PAGE, type RaceRoomEntry } from "./listing";
export { raceroomUpstream, type RaceRoomUpstream } from "./upstream";
export type { PopulatedCombination, WorldSummary } from "./world";
export { raceroomSimulator } from "./simulated";
